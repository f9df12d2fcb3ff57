import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { afterIssue, checkIssuable, checkRedeemableCoupon, checkSeries, couponCode, couponStatusFilter, matchesCouponStatus, withIssualLimit } from './coupons.ts';
import type { Coupon, CouponSeries } from './types.ts';
import { codeOf } from './spec_support.ts';

const series: CouponSeries = { id: 3, description: 'Welcome', discountType: 'ABS', discountValue: 500, issualLimit: 2, issued: 0 };
const NOW = '2024-06-01T10:00:00.000Z';
const coupon: Coupon = { id: 9, code: couponCode(3, 9), seriesId: 3, customerId: 42, issuedAt: '2024-06-01T10:00:00.000Z' };

describe('coupon series', () => {
  it('accepts ABS and PERC discounts with a whole issual limit from 1', () => {
    assert.equal(codeOf(() => checkSeries({ description: 'x', discountType: 'PERC', discountValue: 100, issualLimit: 1 })), undefined);
  });
  it('refuses a bad series with 8243', () => {
    for (const bad of [
      { discountType: 'FREE' },
      { discountType: 'PERC', discountValue: 150 },
      { discountValue: 0 },
      { issualLimit: 0 },
      { issualLimit: 2.5 },
      { description: ' ' },
    ]) {
      assert.equal(codeOf(() => checkSeries({ description: 'x', discountType: 'ABS', discountValue: 10, issualLimit: 5, ...bad })), 8243, JSON.stringify(bad));
    }
  });
  it('issues up to the limit: unknown series 8239, limit reached 8238', () => {
    assert.equal(checkIssuable(3, { ...series, issued: 1 }, NOW).id, 3);
    assert.equal(codeOf(() => checkIssuable(3, { ...series, issued: 2 }, NOW)), 8238);
    assert.equal(codeOf(() => checkIssuable(4, undefined, NOW)), 8239);
  });
  it('gives codes unique per coupon', () => {
    assert.notEqual(couponCode(3, 9), couponCode(3, 10));
    assert.notEqual(couponCode(1, 35), couponCode(35, 1));
  });
});

describe('coupon redemption', () => {
  it('lets the holder redeem once: unknown 8242, someone else 8241, again 8240', () => {
    assert.equal(checkRedeemableCoupon(coupon.code, coupon, 42, series, NOW), coupon);
    assert.equal(codeOf(() => checkRedeemableCoupon('NOPE', undefined, 42, undefined, NOW)), 8242);
    assert.equal(codeOf(() => checkRedeemableCoupon(coupon.code, coupon, 43, series, NOW)), 8241);
    assert.equal(codeOf(() => checkRedeemableCoupon(coupon.code, { ...coupon, redemption: { redeemedAt: coupon.issuedAt } }, 42, series, NOW)), 8240);
  });
});

describe('coupon expiry, statuses and the issual-limit notification (seed 003)', () => {
  const dated: CouponSeries = { ...series, issualLimit: 1000, validTill: '2030-07-31T23:59:59.000Z', notifyWhenRemaining: 20 };
  it('notifies once, with the issue that leaves the threshold, and re-arms when the limit is raised past it', () => {
    assert.equal(afterIssue({ ...dated, issued: 978 }).notify, false);
    const fired = afterIssue({ ...dated, issued: 979 });
    assert.deepEqual([fired.notify, fired.series.notified, fired.series.issued], [true, true, 980]);
    assert.equal(afterIssue(fired.series).notify, false);
    assert.equal(withIssualLimit(fired.series, 1000).notified, true, 'the same limit: still 20 left, no second notification');
    assert.equal(withIssualLimit(fired.series, 1001).notified, undefined, '21 left: re-armed');
    assert.equal(codeOf(() => withIssualLimit(fired.series, 979)), 8521);
    assert.equal(codeOf(() => withIssualLimit(fired.series, 20)), 8521);
  });
  it('splits coupons by expiry alone and by redemption alone; unknown statuses are 8522', () => {
    const redeemedCoupon: Coupon = { ...coupon, redemption: { redeemedAt: '2030-07-02T00:00:00.000Z' } };
    const before = '2030-07-31T23:59:59.000Z';
    const after = '2030-08-01T00:00:00.000Z';
    assert.equal(matchesCouponStatus(couponStatusFilter('active_redeemed'), redeemedCoupon, dated, before), true);
    assert.equal(matchesCouponStatus(couponStatusFilter('ACTIVE'), redeemedCoupon, dated, before), true);
    assert.equal(matchesCouponStatus(couponStatusFilter('Expired_Redeemed'), redeemedCoupon, dated, after), true);
    assert.equal(matchesCouponStatus(couponStatusFilter('expired_unredeemed'), coupon, dated, after), true);
    assert.equal(matchesCouponStatus(couponStatusFilter('redeemable'), coupon, dated, after), false);
    assert.equal(matchesCouponStatus(couponStatusFilter('active_unredeemed'), coupon, series, after), true, 'a series without validTill never expires');
    assert.equal(codeOf(() => couponStatusFilter('active-redeemed')), 8522);
  });
  it('refuses an expired coupon (8523) and issues nothing from an expired series (8524)', () => {
    assert.equal(codeOf(() => checkRedeemableCoupon(coupon.code, coupon, 42, dated, '2030-08-01T00:00:00.000Z')), 8523);
    assert.equal(codeOf(() => checkIssuable(3, dated, '2030-08-01T00:00:00.000Z')), 8524);
  });
});
