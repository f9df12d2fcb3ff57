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
import {
  accountKey,
  checkLedgerView,
  closingBalances,
  dueJobEvents,
  ledgerPage,
  mergeLines,
  openingBalanceLines,
  type ClosingBalance,
  type LedgerPage,
  type LedgerViewInput,
} from '../domain/ledger.ts';
import { readLoyaltyProgram, type LoyaltyProgram } from '../domain/loyalty_program.ts';
import { checkLineItems, checkPointsAmount, checkRedeemable, checkReturnAmount, returnedPoints, tierAfterCredit, transactionPoints } from '../domain/points.ts';
import { resolveIncoming } from '../domain/registration.ts';
import type { Restriction } from '../domain/restrictions.ts';
import type {
  Coupon,
  CouponSeries,
  Customer,
  LedgerEntry,
  LedgerLine,
  MergeRecord,
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

/** An event before the store numbers it. */
type NewEntry = Omit<LedgerEntry, 'eventLogId'>;

/** A customer's ledger view: one page and the customer it belongs to. */
export interface LedgerRead {
  readonly customer: Customer;
  readonly page: LedgerPage;
}

export interface ReturnResult {
  readonly eventLogId: number;
  /** The return's own transaction id (seed 003: "The transaction ID of the return transaction"). */
  readonly returnTransactionId: number;
  readonly pointsReturned: number;
  readonly redemptionsReversed: number;
  readonly pointsOnEvent: number;
}

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
  /** One page of a ledger view (seed 003 "API to fetch Points Ledger Entries"). */
  readLedger(orgId: number, customerId: number, view: LedgerViewInput): LedgerRead;
  /** The closing balances of a ledger view, per program and points category. */
  ledgerBalances(orgId: number, customerId: number, view: LedgerViewInput): { customer: Customer; balances: ClosingBalance[] };
  /** Seed 003 "Transaction Return": all of a bill (no amount) or part of its amount. */
  returnTransaction(orgId: number, request: { customerId: number; billNumber: string; amount?: unknown }): Outcome<ReturnResult>;
  /** Seed 003 "Imports for points redemption or expiry": an import that takes points (a redemption or an expiry). */
  importDebit(orgId: number, request: { customerId: number; points: unknown; kind: 'REDEMPTION' | 'EXPIRY'; reason: string }): Outcome<{ eventLogId: number; balance: number }>;
  /** Seed 003 "Points Transfer" between two customers of the org. */
  transferCustomerPoints(orgId: number, request: { fromId: number; toId: number; points: unknown }): Outcome<{ eventLogId: number; balance: number }>;
  /** Test control: freezes the org's clock (ISO 8601, 8520 otherwise; once a ledger exists, never back: 8316) and runs the jobs due by then. */
  setClock(orgId: number, instant: unknown): string;
  /** Seed 003 "Redemption Reversal": gives back the points of one redemption. */
  reverseRedemption(orgId: number, request: { customerId: number; redemptionId: number }): Outcome<{ eventLogId: number; balance: number }>;
  /** Goodwill or imported points for one customer; `programId` is one of the org's (the goodwill route checks it, 11005). */
  allocatePoints(orgId: number, request: { customerId: number; points: unknown; kind: AllocationKind; reason: string; programId?: number }): Outcome<PointsAward>;
  awardReferral(orgId: number, request: { referrerId: number; refereeId: number }): Outcome<{ referrer: PointsAward; referee: PointsAward }>;
  redeemPoints(orgId: number, request: { customerId: number; points: unknown; purpose?: string; billNumber?: string; storeCode?: string }): Outcome<{ eventLogId: number; balance: number }>;
  createCouponSeries(orgId: number, input: CouponSeriesInput): CouponSeries;
  issueCoupon(orgId: number, request: { seriesId: number; customerId: number }): Outcome<Coupon>;
  redeemCoupon(orgId: number, request: { code: string; customerId: number; billNumber?: string; storeCode?: string }): Outcome<Coupon>;
  /** The customer's coupons with their series, oldest first. */
  customerCoupons(orgId: number, customerId: number): { coupon: Coupon; series: CouponSeries }[];
}

/** Points operations name no source: they come from the org's till, an in-store one. */
const TILL_SOURCE = 'INSTORE';

/** `guard` is the status model's check; specs pass their own to show every operation asks it first. */
export function createLoyaltyOperations(core: ServiceCore, guard: OperationGuard = createOperationGuard(core)): LoyaltyOperations {
  const { store, now, orgNow, orgOf, transact, guardForeign } = core;
  const loyalty = store.loyalty;

  /** A customer of this org (8015 otherwise); the jobs due by now have run on the org's ledgers. */
  const customerOf = (orgId: number, customerId: number): Customer => {
    guardForeign(orgId, customerId);
    orgOf(orgId);
    runDueJobs(orgId);
    const customer = store.customers(orgId).get(customerId);
    if (!customer) throw new DomainError(8015);
    return customer;
  };

  /** A customer points and coupons may change: not a merge victim (8067, as for identifier changes). */
  const liveCustomerOf = (orgId: number, customerId: number, mergedCode: 8067 | 419 = 8067): Customer => {
    const customer = customerOf(orgId, customerId);
    if (customer.mergedInto !== undefined) throw new DomainError(mergedCode, customer.mergedInto);
    return customer;
  };

  const accountOf = (orgId: number, customerId: number, program: LoyaltyProgram): PointsAccount & { balances: Readonly<Record<string, number>> } => {
    // Every customer's ledger opens when the customer is created (afterIdentityCommit below), so the account exists.
    const { balances, balance, lifetimePoints, redeemed, tier } = loyalty.account(orgId, customerId)!;
    return { customerId, balances, balance, lifetimePoints, redeemed, tier: tier ?? program.tiers[0].name };
  };

  /** A credit or debit of regular points in the org's default program (the first). */
  const regular = (program: LoyaltyProgram, entryType: 'CREDIT' | 'DEBIT', points: number, programId = program.programs[0].id): LedgerLine => ({
    entryType,
    points,
    category: 'REGULAR',
    programId,
  });

  // Seed 003: every new customer's ledger opens with a zero entry per program x category; a merge moves
  // the victim's balance to the survivor, the victim's entry being the last of its ledger.
  core.afterIdentityCommit.push((orgId, { created, merges }) => {
    runDueJobs(orgId);
    const org = orgOf(orgId);
    const program = readLoyaltyProgram(org.configs);
    const createdAt = orgNow(orgId);
    loyalty.commit(orgId, {
      entries: created.map((customer) => ({
        customerId: customer.id,
        eventName: 'CustomerRegistration',
        createdAt,
        lines: openingBalanceLines(program.programs),
        // A customer is always created from a source profile.
        source: customer.profiles[0].source,
      })),
    });
    for (const merge of merges) moveOnMerge(orgId, program, merge, createdAt);
  });

  /** One merge's ledger entries (ruling 103) and the victim's coupons (ruling 106), committed together. */
  const moveOnMerge = (orgId: number, program: LoyaltyProgram, merge: MergeRecord, createdAt: string): void => {
    const balances = new Map(Object.entries(loyalty.account(orgId, merge.victimId)!.balances));
    const lines = mergeLines(balances, program.programs);
    const event = (customerId: number, counterpartId: number, entryLines: LedgerLine[]): NewEntry => ({
      customerId,
      eventName: 'MergeCustomer',
      createdAt,
      lines: entryLines,
      source: TILL_SOURCE,
      counterpartId,
    });
    loyalty.commit(orgId, {
      entries: [event(merge.survivorId, merge.victimId, lines.survivor), event(merge.victimId, merge.survivorId, lines.victim)],
      coupons: loyalty.couponsOf(orgId, merge.victimId).map((coupon) => ({ ...coupon, customerId: merge.survivorId })),
    });
  };

  interface PlannedCredit {
    readonly entry: NewEntry;
    readonly points: number;
    readonly tier?: string;
    readonly upgrade?: TierUpgrade;
    readonly warnings: ApiMessage[];
  }

  /** A regular credit and the tier it leads to; the tier upgrade is skipped where the customer's status blocks it. */
  const planCredit = (org: Org, customer: Customer, entry: Omit<NewEntry, 'lines' | 'source'> & { source?: string }, points: number, programId?: number): PlannedCredit => {
    const program = readLoyaltyProgram(org.configs);
    const account = accountOf(org.id, customer.id, program);
    const upgradeAllowed = !guard.hasRestriction(org.id, customer, 'BLOCK_TIER_UPGRADE');
    const decision = tierAfterCredit(program.tiers, account.tier, account.lifetimePoints + points, upgradeAllowed);
    const warnings = decision.upgrade && !decision.applied ? [warning(8233, customer.id, decision.upgrade.to)] : [];
    const full: NewEntry = { source: TILL_SOURCE, ...entry, lines: [regular(program, 'CREDIT', points, programId)] };
    return { entry: full, points, ...(decision.applied ? { tier: decision.tier, upgrade: decision.upgrade } : {}), warnings };
  };

  /** Commits planned credits (with their tiers) and answers each as an award. */
  const commitCredits = (orgId: number, credits: readonly PlannedCredit[], extra: LoyaltyChanges = {}): PointsAward[] => {
    const ids = loyalty.commit(orgId, {
      ...extra,
      entries: credits.map((credit) => credit.entry),
      tiers: credits.filter((credit) => credit.tier !== undefined).map((credit) => ({ customerId: credit.entry.customerId, tier: credit.tier! })),
    });
    return credits.map((credit, index) => ({
      customerId: credit.entry.customerId,
      points: credit.points,
      eventLogId: ids[index],
      ...(credit.upgrade ? { tierUpgrade: credit.upgrade } : {}),
    }));
  };

  const requireAllowed = (orgId: number, customer: Customer, restriction: Restriction) => guard.requireAllowed(orgId, customer, restriction);

  /** Regular debits across programs, the default program first: one line is a redemption, several a group redemption. */
  const debitAcrossPrograms = (program: LoyaltyProgram, balances: Readonly<Record<string, number>>, points: number): LedgerLine[] => {
    const lines: LedgerLine[] = [];
    let left = points;
    for (const { id } of program.programs) {
      const take = Math.min(left, Math.max(0, balances[accountKey(id, 'REGULAR')] ?? 0));
      if (take > 0) lines.push(regular(program, 'DEBIT', take, id));
      left -= take;
    }
    return lines;
  };

  /**
   * Expiry and promised-points conversion due by the org's clock (rulings 112, 113), run before anything reads
   * or writes a ledger so every ledger stays in date order. Nothing to do (and nothing read) while the org
   * configures neither.
   */
  const runDueJobs = (orgId: number): void => {
    const org = orgOf(orgId);
    const program = readLoyaltyProgram(org.configs);
    // Stryker disable next-line ConditionalExpression: with neither expiry nor promised points no job is ever due; this only saves the scan
    if (program.expiryDays === 0 && program.promisedDays === 0) return;
    const now = Date.parse(orgNow(orgId));
    for (const customerId of loyalty.customersWithLedger(orgId)) {
      const customer = store.customers(orgId).get(customerId)!;
      // Ruling 103: nothing follows the merge in a victim's ledger; its points, promised ones too, moved to the survivor.
      if (customer.mergedInto !== undefined) continue;
      const due = dueJobEvents(loyalty.ledger(orgId, customerId), program, now);
      if (due.length === 0) continue;
      loyalty.commit(orgId, { entries: due.map((entry) => ({ ...entry, customerId })) });
      // Converted points are earned now: they may lift the customer into a higher tier (a tier not applied is the current one).
      const account = accountOf(orgId, customerId, program);
      const decision = tierAfterCredit(program.tiers, account.tier, account.lifetimePoints, !guard.hasRestriction(orgId, customer, 'BLOCK_TIER_UPGRADE'));
      loyalty.commit(orgId, { tiers: [{ customerId, tier: decision.tier }] });
    }
  };

  /** A debit of regular points the balance covers (8234 otherwise), across programs; answers the balance left. */
  const takePoints = (
    orgId: number,
    customer: Customer,
    points: number,
    event: { eventName: 'PointsRedemption' | 'PointsExpiry'; reason?: string | undefined; billNumber?: string | undefined; storeCode?: string | undefined },
  ): Outcome<{ eventLogId: number; balance: number }> => {
    const program = readLoyaltyProgram(orgOf(orgId).configs);
    const account = accountOf(orgId, customer.id, program);
    checkRedeemable(customer.id, account.balance, points);
    const [eventLogId] = loyalty.commit(orgId, {
      entries: [
        {
          customerId: customer.id,
          eventName: event.eventName,
          createdAt: orgNow(orgId),
          lines: debitAcrossPrograms(program, account.balances, points),
          source: TILL_SOURCE,
          // Stryker disable next-line ConditionalExpression: an absent reason kept as undefined reads as absent
          ...(event.reason ? { reason: event.reason } : {}),
          // Stryker disable next-line ConditionalExpression: an absent bill number kept as undefined reads as absent
          ...(event.billNumber ? { billNumber: event.billNumber } : {}),
          // Stryker disable next-line ConditionalExpression: an absent store kept as undefined reads as absent
          ...(event.storeCode ? { storeCode: event.storeCode } : {}),
        },
      ],
    });
    return { value: { eventLogId, balance: account.balance - points }, warnings: [] };
  };

  const viewOf = (orgId: number, view: LedgerViewInput) => checkLedgerView(view, Date.parse(orgNow(orgId)), readLoyaltyProgram(orgOf(orgId).configs).programs);

  return {
    addTransaction(orgId, input) {
      checkLineItems(input.billAmount, input.lineItems);
      runDueJobs(orgId);
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
          billingTime: input.billingTime,
          storeCode: input.storeCode,
          // Stryker disable next-line ConditionalExpression: an empty or absent list of lines reads as a bill without lines
          ...(input.lineItems?.length ? { lineItems: input.lineItems } : {}),
          outlier: planned.outlier,
          pointsAwarded: planned.points,
        }),
      );
      const transactionId = committed.transactionId!;
      commitRedemptions(core, orgId, result.redemptions);
      const warnings = [...result.outcome.warnings, ...result.warnings];
      let tierUpgrade: TierUpgrade | undefined;
      const program = readLoyaltyProgram(orgOf(orgId).configs);
      if (result.points > 0 && program.promisedDays > 0) {
        // Ruling 113: the bill's points are promised first; the conversion job makes them regular (and earned).
        loyalty.commit(orgId, {
          entries: [
            {
              customerId: result.customer.id,
              eventName: 'TransactionAdd',
              createdAt: orgNow(orgId),
              lines: [{ entryType: 'CREDIT', points: result.points, category: 'PROMISED', programId: program.programs[0].id }],
              source: input.customer.source.toUpperCase(),
              transactionId,
              billNumber: input.billNumber,
              storeCode: input.storeCode,
            },
          ],
        });
      } else if (result.points > 0) {
        const credit = planCredit(
          orgOf(orgId),
          result.customer,
          {
            customerId: result.customer.id,
            eventName: 'TransactionAdd',
            createdAt: orgNow(orgId),
            source: input.customer.source.toUpperCase(),
            transactionId,
            billNumber: input.billNumber,
            storeCode: input.storeCode,
          },
          result.points,
        );
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
        // Stryker disable next-line ConditionalExpression,EqualityOperator: an empty list and no list both say no promotion applied
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
      const { balances: _balances, ...account } = accountOf(orgId, customerId, program);
      const index = program.tiers.findIndex((tier) => tier.name === account.tier);
      const next = program.tiers[index + 1];
      return { ...account, tierNumber: index + 1, ...(next ? { nextTier: { name: next.name, threshold: next.threshold } } : {}) };
    },

    readLedger(orgId, customerId, view) {
      const customer = customerOf(orgId, customerId);
      return { customer, page: ledgerPage(loyalty.ledger(orgId, customerId), viewOf(orgId, view)) };
    },

    ledgerBalances(orgId, customerId, view) {
      const customer = customerOf(orgId, customerId);
      const programs = readLoyaltyProgram(orgOf(orgId).configs).programs;
      return { customer, balances: closingBalances(loyalty.ledger(orgId, customerId), viewOf(orgId, view), programs) };
    },

    allocatePoints(orgId, request) {
      const org = orgOf(orgId);
      const customer = liveCustomerOf(orgId, request.customerId);
      const points = checkPointsAmount(request.points);
      requireAllowed(orgId, customer, 'BLOCK_POINTS_ALLOCATION');
      const credit = planCredit(
        org,
        customer,
        {
          customerId: customer.id,
          eventName: request.kind === 'goodwill' ? 'AllocateGoodwillPoints' : 'BulkAllocatePoints',
          createdAt: orgNow(orgId),
          reason: request.reason,
        },
        points,
        request.programId,
      );
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
          planCredit(org, side.customer, { customerId: side.customer.id, eventName: 'GenericEvent', createdAt: orgNow(orgId), reason: side.reason }, side.points),
        );
      const awards = commitCredits(orgId, credits, { referred: [referee.id] });
      const awardOf = (customerId: number): PointsAward => awards.find((award) => award.customerId === customerId) ?? { customerId, points: 0 };
      return { value: { referrer: awardOf(referrer.id), referee: awardOf(referee.id) }, warnings: credits.flatMap((credit) => credit.warnings) };
    },

    redeemPoints(orgId, request) {
      const customer = liveCustomerOf(orgId, request.customerId);
      const points = checkPointsAmount(request.points);
      requireAllowed(orgId, customer, 'BLOCK_POINTS_REDEMPTION');
      return takePoints(orgId, customer, points, { eventName: 'PointsRedemption', reason: request.purpose, billNumber: request.billNumber, storeCode: request.storeCode });
    },

    importDebit(orgId, request) {
      const customer = liveCustomerOf(orgId, request.customerId);
      const points = checkPointsAmount(request.points);
      if (request.kind === 'REDEMPTION') requireAllowed(orgId, customer, 'BLOCK_POINTS_REDEMPTION');
      return takePoints(orgId, customer, points, { eventName: request.kind === 'REDEMPTION' ? 'PointsRedemption' : 'PointsExpiry', reason: request.reason });
    },

    returnTransaction(orgId, request) {
      const org = orgOf(orgId);
      const customer = liveCustomerOf(orgId, request.customerId);
      // Stored in order, a bill comes before its returns, which carry its number.
      const bill = store.listTransactions(orgId).find((record) => record.customerId === customer.id && record.billNumber === request.billNumber);
      if (!bill) throw new DomainError(8311, request.billNumber, customer.id);
      const ledger = loyalty.ledger(orgId, customer.id);
      const returns = ledger.filter((entry) => entry.eventName === 'TransactionReturn' && entry.billNumber === bill.billNumber);
      const alreadyReturned = returns.reduce((sum, entry) => sum + (entry.returnedAmount ?? 0), 0);
      const left = Math.round((bill.billAmount - alreadyReturned) * 100) / 100;
      const amount = checkReturnAmount(request.amount, left, bill.billNumber);
      requireAllowed(orgId, customer, 'BLOCK_TRANSACTION');
      const program = readLoyaltyProgram(org.configs);
      const full = amount === left && alreadyReturned === 0;
      const earnedBefore = returns.reduce((sum, entry) => sum + pointsReturnedBy(entry), 0);
      const pointsReturned = returnedPoints(bill.pointsAwarded ?? 0, bill.billAmount, alreadyReturned + amount) - earnedBefore;
      // Ruling 109: a full return also reverses the redemptions made on the bill; a partial one reverses none.
      const reversedIds = new Set(ledger.filter((entry) => entry.eventName === 'PointsRedemptionReversal').map((entry) => entry.relatedEventId));
      const redemptions = full ? ledger.filter((entry) => entry.eventName === 'PointsRedemption' && entry.billNumber === bill.billNumber && !reversedIds.has(entry.eventLogId)) : [];
      const lines: LedgerLine[] = [
        ...(pointsReturned > 0 || redemptions.length === 0 ? [{ ...regular(program, 'DEBIT', pointsReturned), purpose: 'POINTS_RETURN' as const }] : []),
        ...redemptions.flatMap((entry) => entry.lines.map((line) => ({ ...line, entryType: 'CREDIT' as const, purpose: 'REDEMPTION_REVERSAL' as const }))),
      ];
      const { committed } = transact(orgId, () => undefined, () => ({
        orgId,
        customerId: customer.id,
        billNumber: bill.billNumber,
        billAmount: amount,
        createdAt: now(),
        type: 'RETURN' as const,
        storeCode: bill.storeCode,
        pointsAwarded: -pointsReturned,
      }));
      const returnTransactionId = committed.transactionId!;
      const [eventLogId] = loyalty.commit(orgId, {
        entries: [
          {
            customerId: customer.id,
            eventName: 'TransactionReturn',
            createdAt: orgNow(orgId),
            lines,
            source: TILL_SOURCE,
            transactionId: returnTransactionId,
            billNumber: bill.billNumber,
            returnedAmount: amount,
            storeCode: bill.storeCode,
          },
        ],
      });
      const reversed = redemptions.reduce((sum, entry) => sum + entry.lines.reduce((total, line) => total + line.points, 0), 0);
      return { value: { eventLogId, returnTransactionId, pointsReturned, redemptionsReversed: reversed, pointsOnEvent: reversed - pointsReturned }, warnings: [] };
    },

    transferCustomerPoints(orgId, request) {
      const org = orgOf(orgId);
      const sender = liveCustomerOf(orgId, request.fromId, 419);
      const recipient = liveCustomerOf(orgId, request.toId, 419);
      const points = checkPointsAmount(request.points);
      if (sender.id === recipient.id) throw new DomainError(8310, sender.id);
      requireAllowed(orgId, sender, 'BLOCK_POINTS_REDEMPTION');
      requireAllowed(orgId, recipient, 'BLOCK_POINTS_ALLOCATION');
      const program = readLoyaltyProgram(org.configs);
      const account = accountOf(orgId, sender.id, program);
      checkRedeemable(sender.id, account.balance, points);
      const createdAt = orgNow(orgId);
      const debits = debitAcrossPrograms(program, account.balances, points);
      // Ruling 110: the points land in the same programs they left.
      const [eventLogId] = loyalty.commit(orgId, {
        entries: [
          { customerId: sender.id, eventName: 'PointsTransfer', createdAt, lines: debits, source: TILL_SOURCE, counterpartId: recipient.id },
          {
            customerId: recipient.id,
            eventName: 'PointsTransfer',
            createdAt,
            lines: debits.map((line) => ({ ...line, entryType: 'CREDIT' as const })),
            source: TILL_SOURCE,
            counterpartId: sender.id,
          },
        ],
      });
      return { value: { eventLogId, balance: account.balance - points }, warnings: [] };
    },

    reverseRedemption(orgId, request) {
      const org = orgOf(orgId);
      const customer = liveCustomerOf(orgId, request.customerId);
      const ledger = loyalty.ledger(orgId, customer.id);
      const redemption = ledger.find((entry) => entry.eventLogId === request.redemptionId && entry.eventName === 'PointsRedemption');
      if (!redemption) throw new DomainError(8315, request.redemptionId, customer.id);
      const reversed = ledger.some(
        (entry) =>
          (entry.eventName === 'PointsRedemptionReversal' && entry.relatedEventId === redemption.eventLogId) ||
          // Only a full return of the redemption's bill carries redemption-reversal lines.
          (entry.billNumber === redemption.billNumber && entry.lines.some((line) => line.purpose === 'REDEMPTION_REVERSAL')),
      );
      if (reversed) throw new DomainError(8314, redemption.eventLogId);
      const lines = redemption.lines.map((line) => ({ ...line, entryType: 'CREDIT' as const }));
      const [eventLogId] = loyalty.commit(orgId, {
        entries: [{ customerId: customer.id, eventName: 'PointsRedemptionReversal', createdAt: orgNow(orgId), lines, source: TILL_SOURCE, relatedEventId: redemption.eventLogId }],
      });
      const balance = accountOf(orgId, customer.id, readLoyaltyProgram(org.configs)).balance;
      return { value: { eventLogId, balance }, warnings: [] };
    },

    setClock(orgId, instant) {
      const current = Date.parse(orgNow(orgId));
      const time = typeof instant === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(instant) ? Date.parse(instant) : Number.NaN;
      // Before any ledger event the clock may start anywhere; after, it only moves on, so ledgers stay in date order.
      const started = loyalty.customersWithLedger(orgId).length > 0;
      if (Number.isNaN(time)) throw new DomainError(8520, String(instant));
      if (started && time < current) throw new DomainError(8316, String(instant), new Date(current).toISOString());
      core.setOrgClock(orgId, time);
      runDueJobs(orgId);
      return orgNow(orgId);
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

/** The regular points a return's lines debit. */
function pointsReturnedBy(entry: LedgerEntry): number {
  // Stryker disable next-line MethodExpression,ConditionalExpression: only a full return also credits redemptions, and nothing of its bill is returned after it
  return entry.lines.filter((line) => line.purpose === 'POINTS_RETURN').reduce((sum, line) => sum + line.points, 0);
}
