import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkIssuable, checkRedeemableCoupon, checkSeries, couponCode } from './coupons.ts';
import type { Coupon, CouponSeries } from './types.ts';
import { codeOf } from './spec_support.ts';

const series: CouponSeries = { id: 3, description: 'Welcome', discountType: 'ABS', discountValue: 500, issualLimit: 2, issued: 0 };
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
    assert.equal(checkIssuable(3, { ...series, issued: 1 }).id, 3);
    assert.equal(codeOf(() => checkIssuable(3, { ...series, issued: 2 })), 8238);
    assert.equal(codeOf(() => checkIssuable(4, undefined)), 8239);
  });
  it('gives codes unique per coupon', () => {
    assert.notEqual(couponCode(3, 9), couponCode(3, 10));
    assert.notEqual(couponCode(1, 35), couponCode(35, 1));
  });
});

describe('coupon redemption', () => {
  it('lets the holder redeem once: unknown 8242, someone else 8241, again 8240', () => {
    assert.equal(checkRedeemableCoupon(coupon.code, coupon, 42), coupon);
    assert.equal(codeOf(() => checkRedeemableCoupon('NOPE', undefined, 42)), 8242);
    assert.equal(codeOf(() => checkRedeemableCoupon(coupon.code, coupon, 43)), 8241);
    assert.equal(codeOf(() => checkRedeemableCoupon(coupon.code, { ...coupon, redemption: { redeemedAt: coupon.issuedAt } }, 42)), 8240);
  });
});
