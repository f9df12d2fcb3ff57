import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTiers, readLoyaltyProgram } from './loyalty_program.ts';
import { checkLineItems, checkPointsAmount, checkRedeemable, ledgerPoints, tierAfterCredit, tierFor, transactionPoints } from './points.ts';
import { parseOrgConfigs } from './configs.ts';
import { codeOf } from './spec_support.ts';

const TIERS = parseTiers('Silver:0,Gold:500,Platinum:2000');

describe('checkLineItems', () => {
  const shirt = { sku: 'TSHIRT', qty: 2, rate: 400, amount: 800 };
  it('accepts a bill without lines and one whose lines add up to the cent', () => {
    assert.equal(codeOf(() => checkLineItems(123, undefined)), undefined);
    assert.equal(codeOf(() => checkLineItems(0.3, [{ sku: 'A', qty: 1, rate: 0.1, amount: 0.1 }, { sku: 'B', qty: 1, rate: 0.2, amount: 0.2 }])), undefined);
    assert.equal(codeOf(() => checkLineItems(800, [shirt])), undefined);
  });
  it('refuses a line whose amount is not qty x rate (8231) and a bill other than the total (8230)', () => {
    assert.equal(codeOf(() => checkLineItems(900, [{ ...shirt, amount: 900 }])), 8231);
    assert.equal(codeOf(() => checkLineItems(1000, [shirt])), 8230);
    assert.match(String((() => { try { checkLineItems(1000, [shirt]); } catch (e) { return (e as Error).message; } })()), /1000\.00 .*800\.00/);
  });
});

describe('the earn rule', () => {
  it('earns amount x rate, rounded down, without floating-point loss', () => {
    assert.equal(transactionPoints(1259, { pointsPerCurrencyUnit: 0.1 }), 125);
    assert.equal(transactionPoints(100, { pointsPerCurrencyUnit: 0.29 }), 29);
    assert.equal(transactionPoints(0.5, { pointsPerCurrencyUnit: 1 }), 0);
  });
  it('reads the program from the configs, with the documented defaults', () => {
    const program = readLoyaltyProgram(parseOrgConfigs({}));
    assert.deepEqual(
      { rate: program.pointsPerCurrencyUnit, tiers: program.tiers.map((t) => t.name), referrer: program.referrerPoints, referee: program.refereePoints },
      { rate: 1, tiers: ['Silver', 'Gold', 'Platinum'], referrer: 100, referee: 50 },
    );
    assert.equal(readLoyaltyProgram(parseOrgConfigs({ CONF_LOYALTY_POINTS_PER_CURRENCY_UNIT: '0.25' })).pointsPerCurrencyUnit, 0.25);
  });
  it('refuses bad program configs with 8207', () => {
    assert.equal(codeOf(() => parseOrgConfigs({ CONF_LOYALTY_POINTS_PER_CURRENCY_UNIT: -1 })), 8207);
    assert.equal(codeOf(() => parseOrgConfigs({ CONF_LOYALTY_REFERRER_POINTS: 2.5 })), 8207);
    assert.equal(codeOf(() => parseOrgConfigs({ CONF_LOYALTY_TIERS: 'Gold:100' })), 8207);
    assert.equal(codeOf(() => parseOrgConfigs({ CONF_LOYALTY_TIERS: 'Silver:0,Gold:500,Platinum:500' })), 8207);
    assert.equal(codeOf(() => parseOrgConfigs({ CONF_LOYALTY_TIERS: 'Silver:0,silver:10' })), 8207);
    assert.equal(parseOrgConfigs({ CONF_LOYALTY_TIERS: ' Silver : 0 , Gold:10' }).CONF_LOYALTY_TIERS, 'Silver:0,Gold:10');
  });
});

describe('points amounts and redemption', () => {
  it('takes positive whole numbers only (8235)', () => {
    assert.equal(checkPointsAmount(5), 5);
    for (const bad of [0, -5, 2.5, '10', undefined]) assert.equal(codeOf(() => checkPointsAmount(bad)), 8235, String(bad));
  });
  it('refuses a redemption above the balance (8234), the whole balance is fine', () => {
    assert.equal(codeOf(() => checkRedeemable(7, 100, 101)), 8234);
    assert.equal(codeOf(() => checkRedeemable(7, 100, 100)), undefined);
  });
  it('writes ledger points with three decimals', () => {
    assert.equal(ledgerPoints(350), '350.000');
    assert.equal(ledgerPoints(-20), '-20.000');
  });
});

describe('tiers', () => {
  it('finds the highest tier the lifetime points reach', () => {
    assert.equal(tierFor(TIERS, 0).name, 'Silver');
    assert.equal(tierFor(TIERS, 499).name, 'Silver');
    assert.equal(tierFor(TIERS, 500).name, 'Gold');
    assert.equal(tierFor(TIERS, 99999).name, 'Platinum');
  });
  it('moves up on crossing a threshold, possibly past a tier, never down', () => {
    assert.deepEqual(tierAfterCredit(TIERS, 'Silver', 500, true), { tier: 'Gold', upgrade: { from: 'Silver', to: 'Gold' }, applied: true });
    assert.deepEqual(tierAfterCredit(TIERS, 'Silver', 2500, true), { tier: 'Platinum', upgrade: { from: 'Silver', to: 'Platinum' }, applied: true });
    assert.deepEqual(tierAfterCredit(TIERS, 'Platinum', 10, true), { tier: 'Platinum', applied: false });
  });
  it('keeps the tier when the upgrade is blocked, naming the upgrade it would have been', () => {
    assert.deepEqual(tierAfterCredit(TIERS, 'Silver', 600, false), { tier: 'Silver', upgrade: { from: 'Silver', to: 'Gold' }, applied: false });
  });
});
