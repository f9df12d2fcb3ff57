import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkLink, checkLiveCode, checkPromotion, checkRedemption, checkUploadedCodes, discountOn, generatedCode, redeemed, type PromoCode, type Promotion } from './promotions.ts';
import { codeOf } from './spec_support.ts';

const promotion: Promotion = {
  id: 7,
  name: 'ZN34C',
  discountType: 'PERC',
  discountValue: 10,
  minBillAmount: 100,
  validTill: '2030-07-31T23:59:59.000Z',
  limits: { redemptionsPerCode: 3, redemptionsPerCustomer: 2, transactions: 5 },
  redemptions: 0,
};
const code: PromoCode = { code: 'ZN34C', promotionId: 7, origin: 'UPLOADED', redemptions: 0, redemptionsBy: {} };

describe('code-linked promotions', () => {
  it('defaults a code to one redemption (ruling 130) and refuses a bad definition with 8500', () => {
    assert.deepEqual(checkPromotion({ name: 'x', discountType: 'ABS', discountValue: 5, validTill: '2030-01-01' }).limits, { redemptionsPerCode: 1 });
    for (const bad of [{ discountType: 'FREE' }, { discountValue: 0 }, { discountType: 'PERC', discountValue: 101 }, { validTill: 'soon' }, { minBillAmount: -1 }, { limits: { redemptionsPerCode: 0 } }, { limits: { transactions: 1.5 } }]) {
      assert.equal(codeOf(() => checkPromotion({ name: 'x', discountType: 'ABS', discountValue: 5, validTill: '2030-01-01', ...bad })), 8500, JSON.stringify(bad));
    }
  });

  it('takes uploaded codes upper-cased, refusing bad (8503), repeated or existing ones (8504)', () => {
    assert.deepEqual(checkUploadedCodes(['zn34c', 'HOLIMAN100'], () => false), ['ZN34C', 'HOLIMAN100']);
    assert.equal(codeOf(() => checkUploadedCodes(['ZN-34'], () => false)), 8503);
    assert.equal(codeOf(() => checkUploadedCodes(['ZN34C', 'zn34c'], () => false)), 8504);
    assert.equal(codeOf(() => checkUploadedCodes(['ZN34C'], (c) => c === 'ZN34C')), 8504);
    assert.equal(codeOf(() => checkUploadedCodes([], () => false)), 8502);
  });

  it('generates codes that carry the promotion id', () => {
    assert.equal(generatedCode(35, () => 0), 'P35AAAAAA');
  });

  it('refuses an unknown code (8505) and an expired one (8506) after the last instant only', () => {
    assert.equal(codeOf(() => checkLiveCode('X', undefined, undefined, '2030-01-01T00:00:00Z')), 8505);
    assert.equal(codeOf(() => checkLiveCode('ZN34C', code, promotion, '2030-07-31T23:59:59.000Z')), undefined);
    assert.equal(codeOf(() => checkLiveCode('ZN34C', code, promotion, '2030-08-01T00:00:00.000Z')), 8506);
  });

  it('checks each restriction with its own code', () => {
    assert.equal(codeOf(() => checkRedemption(code, promotion, 1, 150)), undefined);
    assert.equal(codeOf(() => checkRedemption({ ...code, linkedTo: 2 }, promotion, 1, 150)), 8507);
    assert.equal(codeOf(() => checkRedemption({ ...code, redemptions: 3 }, promotion, 1, 150)), 8508);
    assert.equal(codeOf(() => checkRedemption({ ...code, redemptions: 2, redemptionsBy: { 1: 2 } }, promotion, 1, 150)), 8509);
    assert.equal(codeOf(() => checkRedemption(code, { ...promotion, redemptions: 5 }, 1, 150)), 8510);
    assert.equal(codeOf(() => checkRedemption(code, promotion, 1, 100)), 8511);
  });

  it('counts a redemption per customer and uses up a pending link', () => {
    const after = redeemed({ ...code, linkedTo: 1, linkPending: true }, 1);
    assert.deepEqual([after.redemptions, after.redemptionsBy[1], after.linkPending, after.linkedTo], [1, 1, undefined, 1]);
  });

  it('gives ABS up to the bill and PERC to the cent', () => {
    assert.equal(discountOn(promotion, 150), 15);
    assert.equal(discountOn(promotion, 123.45), 12.35);
    assert.equal(discountOn({ ...promotion, discountType: 'ABS', discountValue: 50 }, 30), 30);
  });

  it('links in DISCOUNT mode only, to one customer at a time, while the code has redemptions left', () => {
    assert.equal(codeOf(() => checkLink(code, promotion, 1, 'DISCOUNT')), undefined);
    assert.equal(codeOf(() => checkLink(code, promotion, 1, 'PAYMENT_VOUCHER')), 8512);
    assert.equal(codeOf(() => checkLink({ ...code, linkedTo: 2 }, promotion, 1, 'DISCOUNT')), 8513);
    assert.equal(codeOf(() => checkLink({ ...code, redemptions: 3 }, promotion, 1, 'DISCOUNT')), 8508);
  });
});
