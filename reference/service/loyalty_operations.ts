// The loyalty operations a customer status can block: transactions (with lines, store and outlier flag),
// points (transaction, goodwill, import, referral, redemption), tiers and coupons. Each one checks its
// input and calls the operation guard before it changes anything, then commits once.
//
// Rulings (README "Loyalty operations"):
// - A transaction blocked from points allocation is still recorded: it earns no points (warning 8232).
// - "Block issual of loyalty promotions" ("Restrict from receiving points") withholds the points the
//   program issues on a bill, the reference's one promotion, the same way (warning 8290); points given by
//   hand (goodwill, import, referral) are allocations, not promotions, and stay allowed.
// - A credit whose upgrade is blocked keeps the points but not the tier (warning 8233); the next allowed
//   credit lifts the customer to the tier their lifetime points reach. Tiers never go down.
// - A referral rewards both sides or neither: if either customer's status blocks points allocation, the
//   guard refuses the whole referral, so no half-rewarded referral exists.
import { DomainError, warning, type ApiMessage } from '../domain/errors.ts';
import { afterIssue, checkIssuable, checkRedeemableCoupon, checkSeries, couponCode, type CouponSeriesInput } from '../domain/coupons.ts';
import { validateIncoming } from '../domain/incoming_customer.ts';
import { readLoyaltyProgram, type LoyaltyProgram } from '../domain/loyalty_program.ts';
import { checkLineItems, checkPointsAmount, checkRedeemable, tierAfterCredit, transactionPoints } from '../domain/points.ts';
import { resolveIncoming } from '../domain/registration.ts';
import type { Restriction } from '../domain/restrictions.ts';
import type {
  Coupon,
  CouponSeries,
  Customer,
  LedgerEntry,
  Org,
  Outcome,
  PointsAccount,
  TierUpgrade,
  TransactionInput,
  TransactionResult,
} from '../domain/types.ts';
import type { LoyaltyChanges } from '../store/loyalty_store.ts';
import type { TransactionRecord } from '../store/store.ts';
import { createOperationGuard, type OperationGuard } from './operation_guard.ts';
import { issualLimitNotification } from './coupon_operations.ts';
import { commitRedemptions, planRedemptions } from './promotion_operations.ts';
import type { ServiceCore } from './service_core.ts';

export type AllocationKind = 'goodwill' | 'import';

export interface PointsAward {
  readonly customerId: number;
  readonly points: number;
  readonly eventLogId?: number;
  readonly tierUpgrade?: TierUpgrade;
}

export interface PointsSummary extends PointsAccount {
  /** The tier's place in the program, from 1 (the platform's slabSNo). */
  readonly tierNumber: number;
  /** The next tier up and the lifetime points it starts at; absent in the top tier. */
  readonly nextTier?: { readonly name: string; readonly threshold: number };
}

export interface LoyaltyOperations {
  addTransaction(orgId: number, input: TransactionInput): Outcome<TransactionResult>;
  /** The customer's transactions, newest first (seed 002 "Recent transactions"). */
  customerTransactions(orgId: number, customerId: number): TransactionRecord[];
  pointsSummary(orgId: number, customerId: number): PointsSummary;
  /** The customer's ledger, oldest first. */
  pointsLedger(orgId: number, customerId: number): LedgerEntry[];
  /** Goodwill or imported points for one customer. */
  allocatePoints(orgId: number, request: { customerId: number; points: unknown; kind: AllocationKind; reason: string }): Outcome<PointsAward>;
  awardReferral(orgId: number, request: { referrerId: number; refereeId: number }): Outcome<{ referrer: PointsAward; referee: PointsAward }>;
  redeemPoints(orgId: number, request: { customerId: number; points: unknown; purpose?: string; billNumber?: string; storeCode?: string }): Outcome<{ eventLogId: number; balance: number }>;
  createCouponSeries(orgId: number, input: CouponSeriesInput): CouponSeries;
  issueCoupon(orgId: number, request: { seriesId: number; customerId: number }): Outcome<Coupon>;
  redeemCoupon(orgId: number, request: { code: string; customerId: number; billNumber?: string; storeCode?: string }): Outcome<Coupon>;
  /** The customer's coupons with their series, oldest first. */
  customerCoupons(orgId: number, customerId: number): { coupon: Coupon; series: CouponSeries }[];
}

/** `guard` is the status model's check; specs pass their own to show every operation asks it first. */
export function createLoyaltyOperations(core: ServiceCore, guard: OperationGuard = createOperationGuard(core)): LoyaltyOperations {
  const { store, now, orgOf, transact, guardForeign } = core;
  const loyalty = store.loyalty;

  /** A customer of this org (8015 otherwise). */
  const customerOf = (orgId: number, customerId: number): Customer => {
    guardForeign(orgId, customerId);
    orgOf(orgId);
    const customer = store.customers(orgId).get(customerId);
    if (!customer) throw new DomainError(8015);
    return customer;
  };

  /** A customer points and coupons may change: not a merge victim (8067, as for identifier changes). */
  const liveCustomerOf = (orgId: number, customerId: number): Customer => {
    const customer = customerOf(orgId, customerId);
    if (customer.mergedInto !== undefined) throw new DomainError(8067, customer.mergedInto);
    return customer;
  };

  const accountOf = (orgId: number, customerId: number, program: LoyaltyProgram): PointsAccount => {
    const stored = loyalty.account(orgId, customerId);
    return {
      customerId,
      balance: stored?.balance ?? 0,
      lifetimePoints: stored?.lifetimePoints ?? 0,
      redeemed: stored?.redeemed ?? 0,
      tier: stored?.tier ?? program.tiers[0].name,
    };
  };

  interface PlannedCredit {
    readonly entry: Omit<LedgerEntry, 'eventLogId'>;
    readonly tier?: string;
    readonly upgrade?: TierUpgrade;
    readonly warnings: ApiMessage[];
  }

  /** A credit and the tier it leads to; the tier upgrade is skipped where the customer's status blocks it. */
  const planCredit = (org: Org, customer: Customer, entry: Omit<LedgerEntry, 'eventLogId'>): PlannedCredit => {
    const program = readLoyaltyProgram(org.configs);
    const account = accountOf(org.id, customer.id, program);
    const upgradeAllowed = !guard.hasRestriction(org.id, customer, 'BLOCK_TIER_UPGRADE');
    const decision = tierAfterCredit(program.tiers, account.tier, account.lifetimePoints + entry.points, upgradeAllowed);
    const warnings = decision.upgrade && !decision.applied ? [warning(8233, customer.id, decision.upgrade.to)] : [];
    return { entry, ...(decision.applied ? { tier: decision.tier, upgrade: decision.upgrade } : {}), warnings };
  };

  /** Commits planned credits (with their tiers) and answers each as an award. */
  const commitCredits = (orgId: number, credits: readonly PlannedCredit[], extra: LoyaltyChanges = {}): PointsAward[] => {
    const ids = loyalty.commit(orgId, {
      ...extra,
      entries: credits.map((credit) => credit.entry),
      tiers: credits.flatMap((credit) => (credit.tier ? [{ customerId: credit.entry.customerId, tier: credit.tier }] : [])),
    });
    return credits.map((credit, index) => ({
      customerId: credit.entry.customerId,
      points: credit.entry.points,
      eventLogId: ids[index],
      ...(credit.upgrade ? { tierUpgrade: credit.upgrade } : {}),
    }));
  };

  const requireAllowed = (orgId: number, customer: Customer, restriction: Restriction) => guard.requireAllowed(orgId, customer, restriction);

  return {
    addTransaction(orgId, input) {
      checkLineItems(input.billAmount, input.lineItems);
      const { result, committed } = transact(
        orgId,
        (changeset, org) => {
          const outcome = resolveIncoming(org, changeset, validateIncoming(input.customer, org, now()), 'transaction');
          const customer = changeset.peek(outcome.result.customerId)!;
          requireAllowed(orgId, customer, 'BLOCK_TRANSACTION');
          // The warning that names why the bill earns nothing; blocked points allocation is named first.
          const withheldBy = guard.hasRestriction(orgId, customer, 'BLOCK_POINTS_ALLOCATION')
            ? 8232
            : guard.hasRestriction(orgId, customer, 'BLOCK_LOYALTY_PROMOTION_ISSUAL')
              ? 8290
              : undefined;
          const earned = transactionPoints(input.billAmount, readLoyaltyProgram(org.configs));
          return {
            outcome,
            customer,
            redemptions: planRedemptions(core, orgId, customer, input.promoCodes ?? [], input.billAmount),
            outlier: guard.hasRestriction(orgId, customer, 'MARK_TRANSACTION_OUTLIER'),
            points: withheldBy ? 0 : earned,
            warnings: withheldBy && earned > 0 ? [warning(withheldBy, customer.id)] : [],
          };
        },
        (planned) => ({
          orgId,
          customerId: planned.outcome.result.customerId,
          billNumber: input.billNumber,
          billAmount: input.billAmount,
          createdAt: now(),
          ...(input.billingTime !== undefined ? { billingTime: input.billingTime } : {}),
          ...(input.storeCode !== undefined ? { storeCode: input.storeCode } : {}),
          ...(input.lineItems?.length ? { lineItems: input.lineItems } : {}),
          outlier: planned.outlier,
          pointsAwarded: planned.points,
        }),
      );
      const transactionId = committed.transactionId!;
      commitRedemptions(core, orgId, result.redemptions);
      const warnings = [...result.outcome.warnings, ...result.warnings];
      let tierUpgrade: TierUpgrade | undefined;
      if (result.points > 0) {
        const credit = planCredit(orgOf(orgId), result.customer, {
          customerId: result.customer.id,
          eventName: 'TransactionAdd',
          entryType: 'CREDIT',
          points: result.points,
          createdAt: now(),
          transactionId,
          billNumber: input.billNumber,
        });
        tierUpgrade = commitCredits(orgId, [credit])[0].tierUpgrade;
        warnings.push(...credit.warnings);
      }
      const value: TransactionResult = {
        transactionId,
        customerId: result.outcome.result.customerId,
        merges: result.outcome.result.merges,
        outlier: result.outlier,
        pointsAwarded: result.points,
        ...(tierUpgrade ? { tierUpgrade } : {}),
        ...(result.redemptions.applied.length > 0 ? { appliedPromotions: [...result.redemptions.applied] } : {}),
      };
      return { value, warnings };
    },

    customerTransactions(orgId, customerId) {
      customerOf(orgId, customerId);
      return store
        .listTransactions(orgId)
        .filter((record) => record.customerId === customerId)
        .reverse();
    },

    pointsSummary(orgId, customerId) {
      const org = orgOf(orgId);
      customerOf(orgId, customerId);
      const program = readLoyaltyProgram(org.configs);
      const account = accountOf(orgId, customerId, program);
      const index = program.tiers.findIndex((tier) => tier.name === account.tier);
      const next = program.tiers[index + 1];
      return { ...account, tierNumber: index + 1, ...(next ? { nextTier: { name: next.name, threshold: next.threshold } } : {}) };
    },

    pointsLedger(orgId, customerId) {
      customerOf(orgId, customerId);
      return loyalty.ledger(orgId, customerId);
    },

    allocatePoints(orgId, request) {
      const org = orgOf(orgId);
      const customer = liveCustomerOf(orgId, request.customerId);
      const points = checkPointsAmount(request.points);
      requireAllowed(orgId, customer, 'BLOCK_POINTS_ALLOCATION');
      const credit = planCredit(org, customer, {
        customerId: customer.id,
        eventName: request.kind === 'goodwill' ? 'AllocateGoodwillPoints' : 'BulkAllocatePoints',
        entryType: 'CREDIT',
        points,
        createdAt: now(),
        reason: request.reason,
      });
      return { value: commitCredits(orgId, [credit])[0], warnings: credit.warnings };
    },

    awardReferral(orgId, { referrerId, refereeId }) {
      const org = orgOf(orgId);
      const referrer = liveCustomerOf(orgId, referrerId);
      const referee = liveCustomerOf(orgId, refereeId);
      if (referrer.id === referee.id) throw new DomainError(8236, referrer.id);
      if (loyalty.wasReferred(orgId, referee.id)) throw new DomainError(8237, referee.id);
      requireAllowed(orgId, referrer, 'BLOCK_POINTS_ALLOCATION');
      requireAllowed(orgId, referee, 'BLOCK_POINTS_ALLOCATION');
      const program = readLoyaltyProgram(org.configs);
      const sides = [
        { customer: referrer, points: program.referrerPoints, reason: 'REFERRER' },
        { customer: referee, points: program.refereePoints, reason: 'REFEREE' },
      ];
      const credits = sides
        .filter((side) => side.points > 0)
        .map((side) =>
          planCredit(org, side.customer, {
            customerId: side.customer.id,
            eventName: 'GenericEvent',
            entryType: 'CREDIT',
            points: side.points,
            createdAt: now(),
            reason: side.reason,
          }),
        );
      const awards = commitCredits(orgId, credits, { referred: [referee.id] });
      const awardOf = (customerId: number): PointsAward => awards.find((award) => award.customerId === customerId) ?? { customerId, points: 0 };
      return { value: { referrer: awardOf(referrer.id), referee: awardOf(referee.id) }, warnings: credits.flatMap((credit) => credit.warnings) };
    },

    redeemPoints(orgId, request) {
      const org = orgOf(orgId);
      const customer = liveCustomerOf(orgId, request.customerId);
      const points = checkPointsAmount(request.points);
      requireAllowed(orgId, customer, 'BLOCK_POINTS_REDEMPTION');
      const account = accountOf(orgId, customer.id, readLoyaltyProgram(org.configs));
      checkRedeemable(customer.id, account.balance, points);
      const [eventLogId] = loyalty.commit(orgId, {
        entries: [
          {
            customerId: customer.id,
            eventName: 'PointsRedemption',
            entryType: 'DEBIT',
            points,
            createdAt: core.orgNow(orgId),
            ...(request.purpose ? { reason: request.purpose } : {}),
            ...(request.billNumber ? { billNumber: request.billNumber } : {}),
            ...(request.storeCode ? { storeCode: request.storeCode } : {}),
          },
        ],
      });
      return { value: { eventLogId, balance: account.balance - points }, warnings: [] };
    },

    createCouponSeries(orgId, input) {
      orgOf(orgId);
      const series: CouponSeries = { ...checkSeries(input), id: loyalty.nextSeriesId(), issued: 0 };
      loyalty.commit(orgId, { series: [series] });
      return series;
    },

    issueCoupon(orgId, { seriesId, customerId }) {
      const customer = liveCustomerOf(orgId, customerId);
      const issuedAt = core.orgNow(orgId);
      const series = checkIssuable(seriesId, loyalty.series(orgId, seriesId), issuedAt);
      requireAllowed(orgId, customer, 'BLOCK_COUPON_ISSUAL');
      const id = loyalty.nextCouponId();
      const coupon: Coupon = { id, code: couponCode(series.id, id), seriesId: series.id, customerId: customer.id, issuedAt };
      const issued = afterIssue(series);
      loyalty.commit(orgId, { series: [issued.series], coupons: [coupon], notifications: issued.notify ? [issualLimitNotification(orgOf(orgId), issued.series, issuedAt)] : [] });
      return { value: coupon, warnings: [] };
    },

    redeemCoupon(orgId, { code, customerId, billNumber, storeCode }) {
      const customer = liveCustomerOf(orgId, customerId);
      const stored = loyalty.coupon(orgId, code);
      const redeemedAt = core.orgNow(orgId);
      const coupon = checkRedeemableCoupon(code, stored, customer.id, stored && loyalty.series(orgId, stored.seriesId), redeemedAt);
      requireAllowed(orgId, customer, 'BLOCK_COUPON_REDEMPTION');
      const redeemed: Coupon = { ...coupon, redemption: { redeemedAt, ...(billNumber ? { billNumber } : {}), ...(storeCode ? { storeCode } : {}) } };
      loyalty.commit(orgId, { coupons: [redeemed] });
      return { value: redeemed, warnings: [] };
    },

    customerCoupons(orgId, customerId) {
      customerOf(orgId, customerId);
      return loyalty.couponsOf(orgId, customerId).map((coupon) => ({ coupon, series: loyalty.series(orgId, coupon.seriesId)! }));
    },
  };
}
