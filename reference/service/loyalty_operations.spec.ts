// Every loyalty operation asks the operation guard before it changes anything, and a refusal leaves
// balances, ledgers, coupons and transactions as they were. The guard here is a double that refuses or
// flags chosen restrictions, as a status label would.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../domain/errors.ts';
import type { Restriction } from '../domain/restrictions.ts';
import { createMemoryStore } from '../store/memory_store.ts';
import { createIdentityService } from './create_identity_service.ts';
import { createLoyaltyOperations } from './loyalty_operations.ts';
import type { OperationGuard } from './operation_guard.ts';
import { createServiceCore } from './service_core.ts';
import { M1, M2 } from './spec_support.ts';

const NOW = () => '2024-06-01T10:00:00.000Z';
/** The code the double answers for a blocked operation (the status model chooses the real one). */
const BLOCKED = 8015;

function setup(blocked: Restriction[] = [], configs: Record<string, unknown> = {}) {
  const store = createMemoryStore();
  const service = createIdentityService(store, { now: NOW });
  const asked: Restriction[] = [];
  const guard: OperationGuard = {
    requireAllowed(_orgId, _customer, restriction) {
      asked.push(restriction);
      if (blocked.includes(restriction)) throw new DomainError(BLOCKED);
    },
    hasRestriction: (_orgId, _customer, restriction) => blocked.includes(restriction),
  };
  const loyalty = createLoyaltyOperations(createServiceCore(store, NOW), guard);
  const orgId = service.createOrg({ configs: { CONF_LOYALTY_TIERS: 'Silver:0,Gold:500', ...configs } }).id;
  const register = (mobile: string) => service.register(orgId, { source: 'INSTORE', loyaltyType: 'loyalty', identifiers: [{ type: 'mobile', value: mobile }] }).value.customerId;
  /** Everything a refusal must leave alone. */
  const snapshot = (customerId: number) => ({
    summary: loyalty.pointsSummary(orgId, customerId),
    ledger: store.loyalty.ledger(orgId, customerId),
    coupons: loyalty.customerCoupons(orgId, customerId),
    transactions: loyalty.customerTransactions(orgId, customerId),
  });
  return { service, store, loyalty, orgId, register, asked, snapshot };
}

function refusedWith(code: number, action: () => unknown): void {
  assert.throws(action, (error: unknown) => error instanceof DomainError && error.code === code);
}

const bill = (mobile: string, amount: number) => ({
  billNumber: `B-${amount}`,
  billAmount: amount,
  customer: { source: 'INSTORE', loyaltyType: 'loyalty' as const, identifiers: [{ type: 'mobile', value: mobile }] },
});

describe('loyalty operations and the operation guard', () => {
  const cases: { restriction: Restriction; run: (s: ReturnType<typeof setup>, asha: number, ravi: number, seriesId: number, code: string) => unknown }[] = [
    { restriction: 'BLOCK_TRANSACTION', run: (s) => s.loyalty.addTransaction(s.orgId, bill(M1, 100)) },
    { restriction: 'BLOCK_POINTS_ALLOCATION', run: (s, asha) => s.loyalty.allocatePoints(s.orgId, { customerId: asha, points: 10, kind: 'goodwill', reason: 'r' }) },
    { restriction: 'BLOCK_POINTS_ALLOCATION', run: (s, asha) => s.loyalty.allocatePoints(s.orgId, { customerId: asha, points: 10, kind: 'import', reason: 'file.csv' }) },
    { restriction: 'BLOCK_POINTS_ALLOCATION', run: (s, asha, ravi) => s.loyalty.awardReferral(s.orgId, { referrerId: asha, refereeId: ravi }) },
    { restriction: 'BLOCK_POINTS_REDEMPTION', run: (s, asha) => s.loyalty.redeemPoints(s.orgId, { customerId: asha, points: 10 }) },
    { restriction: 'BLOCK_COUPON_ISSUAL', run: (s, asha, _ravi, seriesId) => s.loyalty.issueCoupon(s.orgId, { seriesId, customerId: asha }) },
    { restriction: 'BLOCK_COUPON_REDEMPTION', run: (s, asha, _ravi, _seriesId, code) => s.loyalty.redeemCoupon(s.orgId, { code, customerId: asha }) },
  ];

  for (const { restriction, run } of cases) {
    it(`asks ${restriction} and, when the status blocks it, changes nothing`, () => {
      const allowed = setup();
      const a = allowed.register(M1);
      const r = allowed.register(M2);
      allowed.loyalty.allocatePoints(allowed.orgId, { customerId: a, points: 100, kind: 'goodwill', reason: 'seed' });
      const series = allowed.loyalty.createCouponSeries(allowed.orgId, { description: 'W', discountType: 'ABS', discountValue: 5, issualLimit: 5 });
      const coupon = allowed.loyalty.issueCoupon(allowed.orgId, { seriesId: series.id, customerId: a }).value;
      allowed.asked.length = 0;
      run(allowed, a, r, series.id, coupon.code);
      assert.ok(allowed.asked.includes(restriction), `asked ${allowed.asked.join(', ')}`);

      const blocked = setup([restriction]);
      const asha = blocked.register(M1);
      const ravi = blocked.register(M2);
      // Something to redeem, given through operations the label does not block.
      if (restriction === 'BLOCK_POINTS_REDEMPTION') {
        blocked.loyalty.allocatePoints(blocked.orgId, { customerId: asha, points: 100, kind: 'goodwill', reason: 'seed' });
      }
      const blockedSeries = blocked.loyalty.createCouponSeries(blocked.orgId, { description: 'W', discountType: 'ABS', discountValue: 5, issualLimit: 5 });
      const blockedCode = restriction === 'BLOCK_COUPON_ISSUAL' ? 'NONE' : blocked.loyalty.issueCoupon(blocked.orgId, { seriesId: blockedSeries.id, customerId: asha }).value.code;
      const seeded = { asha: blocked.snapshot(asha), ravi: blocked.snapshot(ravi) };
      refusedWith(BLOCKED, () => run(blocked, asha, ravi, blockedSeries.id, blockedCode));
      assert.deepEqual({ asha: blocked.snapshot(asha), ravi: blocked.snapshot(ravi) }, seeded);
    });
  }

  it('records an outlier where the label marks transactions, and not otherwise', () => {
    const marked = setup(['MARK_TRANSACTION_OUTLIER']);
    marked.register(M1);
    assert.equal(marked.loyalty.addTransaction(marked.orgId, bill(M1, 100)).value.outlier, true);
    const plain = setup();
    const id = plain.register(M1);
    assert.equal(plain.loyalty.addTransaction(plain.orgId, bill(M1, 100)).value.outlier, false);
    assert.equal(plain.loyalty.customerTransactions(plain.orgId, id)[0].outlier, false);
  });

  it('records a transaction blocked from points allocation, with no points and warning 8232', () => {
    const s = setup(['BLOCK_POINTS_ALLOCATION']);
    const asha = s.register(M1);
    const outcome = s.loyalty.addTransaction(s.orgId, bill(M1, 800));
    assert.equal(outcome.value.pointsAwarded, 0);
    assert.deepEqual(outcome.warnings.map((w) => w.code), [8232]);
    assert.equal(s.loyalty.customerTransactions(s.orgId, asha).length, 1);
    assert.equal(s.loyalty.pointsSummary(s.orgId, asha).balance, 0);
    // Only the opening balance (seed 003): the bill wrote no credit.
    assert.deepEqual(s.store.loyalty.ledger(s.orgId, asha).map((entry) => entry.eventName), ['CustomerRegistration']);
  });

  it('withholds the points of a bill blocked from loyalty promotions (warning 8290), but not points given by hand', () => {
    const s = setup(['BLOCK_LOYALTY_PROMOTION_ISSUAL']);
    const asha = s.register(M1);
    const ravi = s.register(M2);
    const outcome = s.loyalty.addTransaction(s.orgId, bill(M1, 800));
    assert.equal(outcome.value.pointsAwarded, 0);
    assert.deepEqual(outcome.warnings.map((w) => w.code), [8290]);
    assert.equal(s.loyalty.customerTransactions(s.orgId, asha).length, 1);
    assert.equal(s.loyalty.allocatePoints(s.orgId, { customerId: asha, points: 40, kind: 'goodwill', reason: 'r' }).value.points, 40);
    assert.equal(s.loyalty.awardReferral(s.orgId, { referrerId: asha, refereeId: ravi }).value.referrer.points, 100);
    assert.equal(s.loyalty.pointsSummary(s.orgId, asha).balance, 140);
  });

  it('names blocked points allocation, not blocked promotions, when a label carries both', () => {
    const s = setup(['BLOCK_POINTS_ALLOCATION', 'BLOCK_LOYALTY_PROMOTION_ISSUAL']);
    s.register(M1);
    assert.deepEqual(s.loyalty.addTransaction(s.orgId, bill(M1, 800)).warnings.map((w) => w.code), [8232]);
  });

  it('credits points but keeps the tier where the upgrade is blocked (warning 8233); the next allowed credit catches up', () => {
    const blocked = setup(['BLOCK_TIER_UPGRADE']);
    const asha = blocked.register(M1);
    const outcome = blocked.loyalty.addTransaction(blocked.orgId, bill(M1, 800));
    assert.equal(outcome.value.pointsAwarded, 800);
    assert.equal(outcome.value.tierUpgrade, undefined);
    assert.deepEqual(outcome.warnings.map((w) => w.code), [8233]);
    assert.equal(blocked.loyalty.pointsSummary(blocked.orgId, asha).tier, 'Silver');

    const allowed = setup();
    const ravi = allowed.register(M2);
    const upgraded = allowed.loyalty.allocatePoints(allowed.orgId, { customerId: ravi, points: 600, kind: 'goodwill', reason: 'r' });
    assert.deepEqual(upgraded.value.tierUpgrade, { from: 'Silver', to: 'Gold' });
  });

  it('refuses a transaction whose lines do not add up before recording anything', () => {
    const s = setup();
    const asha = s.register(M1);
    refusedWith(8230, () => s.loyalty.addTransaction(s.orgId, { ...bill(M1, 900), lineItems: [{ sku: 'A', qty: 1, rate: 800, amount: 800 }] }));
    assert.deepEqual(s.snapshot(asha).transactions, []);
  });
});
