// Routes of the loyalty operations: transactions, points (ledger, goodwill, import, referral,
// redemption) and coupons. Handlers translate contract bodies to LoyaltyOperations calls and back.
import { couponStatusFilter, matchesCouponStatus } from '../domain/coupons.ts';
import { DomainError } from '../domain/errors.ts';
import { CATEGORY_NAMES, pointsOnEvent, type LedgerViewInput } from '../domain/ledger.ts';
import { readLoyaltyProgram, type Program } from '../domain/loyalty_program.ts';
import { ledgerPoints } from '../domain/points.ts';
import type { Coupon, CouponSeries, LedgerEntry, LineItem, TierUpgrade } from '../domain/types.ts';
import type { LedgerRead, PointsAward, PointsSummary } from '../service/loyalty_operations.ts';
import type { IdentityService } from '../service/identity_service.ts';
import type { Customer, Org } from '../domain/types.ts';
import type { TransactionRecord } from '../store/store.ts';
import { goodwillTarget } from './goodwill_by_card.ts';
import { incomingCustomer, lookupQuery, messages, ok, withoutUndefined, type CustomerBody, type RouteDefinition } from './route_support.ts';

/** The platform's side effects of a write: points awarded (isReferrer on the referrer's) and, memberspec's, tier upgrades. */
function sideEffects(awards: readonly (PointsAward & { isReferrer?: boolean })[]): Record<string, unknown>[] {
  return awards.flatMap((award) => [
    ...(award.points > 0
      ? [withoutUndefined({ entityType: 'USER', type: 'points', customerId: award.customerId, awardedPoints: award.points, rawAwardedPoints: award.points, isReferrer: award.isReferrer })]
      : []),
    ...(award.tierUpgrade ? [tierUpgradeEffect(award.customerId, award.tierUpgrade)] : []),
  ]);
}

function tierUpgradeEffect(customerId: number, upgrade: TierUpgrade): Record<string, unknown> {
  return { entityType: 'USER', type: 'tierUpgrade', customerId, fromTier: upgrade.from, toTier: upgrade.to };
}

function lineItemBody(item: LineItem): Record<string, unknown> {
  return withoutUndefined({ sku: item.sku, description: item.description, category: item.category, attributes: item.attributes, qty: item.qty, rate: item.rate, amount: item.amount });
}

function transactionBody(record: TransactionRecord): Record<string, unknown> {
  return withoutUndefined({
    id: record.id,
    type: record.type ?? 'REGULAR',
    billNumber: record.billNumber,
    billAmount: record.billAmount,
    billingTime: record.billingTime ?? record.createdAt,
    storeCode: record.storeCode,
    lineItems: (record.lineItems ?? []).map(lineItemBody),
    outlier: record.outlier ?? false,
    pointsIssued: record.pointsAwarded ?? 0,
  });
}

/** The customer a ledger request names: identifierName=id takes the id; other names are looked up. */
function ledgerCustomerId(service: IdentityService, org: Org, query: Readonly<Record<string, unknown>>): number {
  if (String(query.identifierName) === 'id') {
    const id = Number(query.identifierValue);
    if (!Number.isInteger(id) || id < 1) throw new DomainError(8015);
    return id;
  }
  return service.lookup(org.id, lookupQuery(query)).value;
}

/** Events that name a transaction: a bill's number and id on TransactionAdd, the return's own id on a return (ruling 102). */
function transactionDetails(entry: LedgerEntry): Record<string, unknown> {
  if (entry.transactionId === undefined) return {};
  if (entry.eventName === 'TransactionAdd') return { transactionId: entry.transactionId, transactionNumber: entry.billNumber };
  return { transactionId: entry.transactionId, returnedTransactionNumber: entry.billNumber, returnedAmount: entry.returnedAmount };
}

function ledgerEntryBody(entry: LedgerEntry, programs: readonly Program[], org: Org): Record<string, unknown> {
  const programName = (id: number) => programs.find((program) => program.id === id)?.name ?? String(id);
  return {
    eventLogId: entry.eventLogId,
    eventName: entry.eventName,
    customerId: entry.customerId,
    ledgerCreatedDate: entry.createdAt,
    entryDetails: entry.lines.map((line) => ({
      ledgerEntryType: line.entryType,
      points: ledgerPoints(line.points),
      pointsCategory: CATEGORY_NAMES[line.category],
      programName: programName(line.programId),
      programId: line.programId,
    })),
    netPointsOnEvent: ledgerPoints(pointsOnEvent(entry.lines)),
    transactionDetails: withoutUndefined(transactionDetails(entry)),
    eventSource: entry.source,
    storeCode: entry.storeCode ?? '',
    tillCode: org.till.username,
    eventDetails: withoutUndefined({ reason: entry.reason, counterpartCustomerId: entry.counterpartId, relatedEventLogId: entry.relatedEventId }),
  };
}

/** The ledger view a query asks for; a till other than the org's is unknown (11004; ruling 115). */
function ledgerView(org: Org, query: Readonly<Record<string, unknown>>): LedgerViewInput {
  if (query.tillCode !== undefined && query.tillCode !== org.till.username) throw new DomainError(11004, String(query.tillCode));
  return withoutUndefined({
    limit: query.limit as number | undefined,
    offset: query.offset as number | undefined,
    startDate: query.startDate as string | undefined,
    endDate: query.endDate as string | undefined,
    ledgerEntryType: query.ledgerEntryType as string | undefined,
    pointCategoryType: query.pointCategoryType as string | undefined,
    programId: query.programId as number | undefined,
    includeTillConceptEvents: query.includeTillConceptEvents as boolean | undefined,
    eventSource: query.eventSource as string | undefined,
  });
}

/** Seed 003: "Basic details of the customer". */
function ledgerCustomerDetails(customer: Customer): Record<string, unknown> {
  const named = customer.profiles.find((profile) => profile.firstName !== undefined || profile.lastName !== undefined);
  return withoutUndefined({ userId: customer.id, entityType: 'CUSTOMER', firstName: named?.firstName, lastName: named?.lastName });
}

function ledgerInfoBody(read: LedgerRead, org: Org): Record<string, unknown> {
  const { page } = read;
  const programs = readLoyaltyProgram(org.configs).programs;
  return {
    customerDetails: ledgerCustomerDetails(read.customer),
    ledgerDetails: { pageNumber: page.pageNumber, pageSize: page.pageSize, totalEntries: page.totalEntries, pageCount: page.pageCount },
    ledgerEntries: page.entries.map((entry) => ledgerEntryBody(entry, programs, org)),
    warnings: [],
  };
}

/** The documented pointsSummary of GET /v2/customers/{id}?embed=points. */
export function pointsSummaryBody(summary: PointsSummary): Record<string, unknown> {
  const tierNumber = summary.tierNumber;
  return {
    loyaltyPoints: summary.balance,
    lifetimePoints: summary.lifetimePoints,
    redeemed: summary.redeemed,
    currentSlab: summary.tier,
    slabSNo: tierNumber,
    nextSlab: summary.nextTier?.name ?? '',
    nextSlabSerialNumber: summary.nextTier ? tierNumber + 1 : -1,
    nextSlabThreshold: summary.nextTier?.threshold ?? -1,
  };
}

function couponBody(coupon: Coupon, series: CouponSeries): Record<string, unknown> {
  const redemptions = coupon.redemption ? [withoutUndefined({ date: coupon.redemption.redeemedAt, transactionNumber: coupon.redemption.billNumber })] : [];
  return {
    id: coupon.id,
    code: coupon.code,
    seriesId: coupon.seriesId,
    description: series.description,
    discountType: series.discountType,
    discountValue: series.discountValue,
    redemptionCount: redemptions.length,
    redemptionsLeft: 1 - redemptions.length,
    createdDate: coupon.issuedAt,
    ...(series.validTill ? { validTill: series.validTill } : {}),
    redemptions,
  };
}

interface LineItemBody {
  sku: string;
  description?: string;
  category?: string;
  attributes?: Record<string, string>;
  qty: number;
  rate: number;
  amount: number;
}

export const LOYALTY_ROUTES: readonly RouteDefinition[] = [
  {
    method: 'POST',
    path: '/v2/transactions',
    operationId: 'addTransaction',
    auth: true,
    handler: ({ service, org, body }) => {
      const outcome = service.addTransaction(
        org.id,
        withoutUndefined({
          billNumber: body.billNumber as string,
          billAmount: body.billAmount as number,
          customer: incomingCustomer(body.customer as CustomerBody),
          billingTime: body.billingTime as string | undefined,
          storeCode: body.storeCode as string | undefined,
          lineItems: (body.lineItems as LineItemBody[] | undefined)?.map((item) => withoutUndefined({ ...item })),
          promoCodes: body.promoCodes as string[] | undefined,
        }),
      );
      const result = outcome.value;
      return ok({
        createdId: result.transactionId,
        customerId: result.customerId,
        outlier: result.outlier,
        ...(result.appliedPromotions ? { appliedPromotions: result.appliedPromotions.map((applied) => ({ ...applied })) } : {}),
        warnings: messages(outcome.warnings),
        sideEffects: sideEffects([{ customerId: result.customerId, points: result.pointsAwarded, ...(result.tierUpgrade ? { tierUpgrade: result.tierUpgrade } : {}) }]),
      });
    },
  },
  {
    method: 'GET',
    path: '/v2/customers/coupons',
    operationId: 'getCustomerCoupons',
    auth: true,
    handler: ({ service, org, query }) => {
      const customerId = query.id as number;
      const status = query.status === undefined ? undefined : couponStatusFilter(String(query.status));
      const customer = service.getCustomer(org.id, customerId).value;
      const now = service.orgNow(org.id);
      const coupons = service
        .customerCoupons(org.id, customerId)
        .filter(({ coupon, series }) => matchesCouponStatus(status, coupon, series, now))
        .reverse();
      const name = customer.profiles.find((profile) => profile.firstName !== undefined);
      return ok({
        entity: {
          pagination: { limit: String(coupons.length), offset: '0', total: coupons.length },
          customers: [
            withoutUndefined({
              id: customer.id,
              firstname: name?.firstName,
              lastname: name?.lastName,
              coupons: coupons.map(({ coupon, series }) => couponBody(coupon, series)),
            }),
          ],
        },
        warnings: [],
        errors: [],
        success: true,
      });
    },
  },
  {
    method: 'GET',
    path: '/v2/customers/:customerId/transactions',
    operationId: 'getCustomerTransactions',
    auth: true,
    handler: ({ service, org, path }) => {
      const records = service.customerTransactions(org.id, path.customerId as number);
      return ok({ entity: { customerId: path.customerId, transactions: records.map(transactionBody) }, warnings: [] });
    },
  },
  {
    method: 'GET',
    path: '/v2/pointsLedger/getCustomerLedgerInfo',
    operationId: 'getCustomerLedgerInfo',
    auth: true,
    handler: ({ service, org, query }) => {
      const customerId = ledgerCustomerId(service, org, query);
      return ok(ledgerInfoBody(service.readLedger(org.id, customerId, ledgerView(org, query)), org));
    },
  },
  {
    method: 'GET',
    path: '/v2/pointsLedger/getCustomerLedgerBalance',
    operationId: 'getCustomerLedgerBalance',
    auth: true,
    handler: ({ service, org, query }) => {
      const customerId = ledgerCustomerId(service, org, query);
      const { customer, balances } = service.ledgerBalances(org.id, customerId, { ...ledgerView(org, query), limit: undefined, offset: undefined });
      const programs = readLoyaltyProgram(org.configs).programs;
      const closing = balances.map((balance) => ({
        pointsCategory: CATEGORY_NAMES[balance.category],
        programName: programs.find((program) => program.id === balance.programId)?.name ?? String(balance.programId),
        programId: balance.programId,
        closingBalance: ledgerPoints(balance.balance),
      }));
      return ok({
        customerDetails: ledgerCustomerDetails(customer),
        ledgerDetails: { pageNumber: 0, pageSize: closing.length, totalEntries: closing.length, pageCount: 1, ledgerClosingBalance: closing },
        warnings: [],
      });
    },
  },
  {
    method: 'POST',
    path: '/v2/points/transfer',
    operationId: 'transferPoints',
    auth: true,
    handler: ({ service, org, body }) => {
      const outcome = service.transferCustomerPoints(org.id, { fromId: body.fromCustomerId, toId: body.toCustomerId, points: body.points });
      return ok({
        createdId: outcome.value.eventLogId,
        entity: { fromCustomerId: body.fromCustomerId, toCustomerId: body.toCustomerId, pointsTransferred: body.points, balance: outcome.value.balance },
        warnings: messages(outcome.warnings),
      });
    },
  },
  {
    method: 'POST',
    path: '/v2/points/redeem/reverse',
    operationId: 'reversePointsRedemption',
    auth: true,
    handler: ({ service, org, body }) => {
      const outcome = service.reverseRedemption(org.id, { customerId: body.customerId, redemptionId: body.redemptionId });
      return ok({ createdId: outcome.value.eventLogId, entity: { customerId: body.customerId, balance: outcome.value.balance }, warnings: messages(outcome.warnings) });
    },
  },
  {
    method: 'POST',
    path: '/v2/transactions/return',
    operationId: 'returnTransaction',
    auth: true,
    handler: ({ service, org, body }) => {
      const amount = body.returnType === 'AMOUNT' ? (body.amount ?? Number.NaN) : undefined;
      const outcome = service.returnTransaction(org.id, withoutUndefined({ customerId: body.customerId as number, billNumber: body.billNumber as string, amount }));
      const result = outcome.value;
      return ok({
        createdId: result.returnTransactionId,
        entity: {
          customerId: body.customerId,
          billNumber: body.billNumber,
          pointsReturned: result.pointsReturned,
          redemptionsReversed: result.redemptionsReversed,
          netPointsOnEvent: result.pointsOnEvent,
        },
        warnings: messages(outcome.warnings),
      });
    },
  },
  {
    method: 'POST',
    path: '/v2/points/goodwill',
    operationId: 'allocateGoodwillPoints',
    auth: true,
    handler: ({ service, org, body }) => {
      const target = goodwillTarget(service, org, body);
      const outcome = service.allocatePoints(org.id, { customerId: target.customerId, points: body.points, kind: 'goodwill', reason: body.reason, programId: target.programId });
      return ok({ createdId: outcome.value.eventLogId, entity: target, warnings: messages(outcome.warnings), sideEffects: sideEffects([outcome.value]) });
    },
  },
  {
    method: 'POST',
    path: '/v2/points/import',
    operationId: 'importPoints',
    auth: true,
    handler: ({ service, org, body }) => {
      // Seed 003 "Imports for points redemption or expiry": an import may also take points (ruling 114).
      if (body.type === 'REDEMPTION' || body.type === 'EXPIRY') {
        const taken = service.importDebit(org.id, { customerId: body.customerId, points: body.points, kind: body.type, reason: body.importReference });
        return ok({ createdId: taken.value.eventLogId, warnings: messages(taken.warnings), sideEffects: [] });
      }
      const outcome = service.allocatePoints(org.id, { customerId: body.customerId, points: body.points, kind: 'import', reason: body.importReference });
      return ok({ createdId: outcome.value.eventLogId, warnings: messages(outcome.warnings), sideEffects: sideEffects([outcome.value]) });
    },
  },
  {
    method: 'POST',
    path: '/v2/points/referral',
    operationId: 'awardReferralPoints',
    auth: true,
    handler: ({ service, org, body }) => {
      const outcome = service.awardReferral(org.id, { referrerId: body.referrerId, refereeId: body.refereeId });
      const { referrer, referee } = outcome.value;
      return ok({
        entity: { referrerId: referrer.customerId, refereeId: referee.customerId },
        warnings: messages(outcome.warnings),
        sideEffects: sideEffects([{ ...referee }, { ...referrer, isReferrer: true }]),
      });
    },
  },
  {
    method: 'POST',
    path: '/v2/points/redeem',
    operationId: 'redeemPoints',
    auth: true,
    handler: ({ service, org, body }) => {
      const outcome = service.redeemPoints(
        org.id,
        withoutUndefined({ customerId: body.customerId as number, points: body.points as unknown, purpose: body.purpose as string | undefined, billNumber: body.billNumber as string | undefined, storeCode: body.storeCode as string | undefined }),
      );
      return ok({
        createdId: outcome.value.eventLogId,
        entity: { customerId: body.customerId, pointsRedeemed: body.points, balance: outcome.value.balance },
        warnings: messages(outcome.warnings),
      });
    },
  },
  {
    method: 'POST',
    path: '/v2/coupon/series',
    operationId: 'createCouponSeries',
    auth: true,
    handler: ({ service, org, body }) => {
      const series = service.createCouponSeries(org.id, {
        description: body.description,
        discountType: body.discountType,
        discountValue: body.discountValue,
        issualLimit: body.issualLimit,
        validTill: body.validTill,
        notifyWhenRemaining: body.notifyWhenRemaining,
      });
      return ok({ createdId: series.id, warnings: [] });
    },
  },
  {
    method: 'POST',
    path: '/v2/coupon/issue',
    operationId: 'issueCoupon',
    auth: true,
    handler: ({ service, org, body }) => {
      const outcome = service.issueCoupon(org.id, { seriesId: body.seriesId, customerId: body.customerId });
      const coupon = outcome.value;
      return ok({
        createdId: coupon.id,
        entity: { id: coupon.id, code: coupon.code, seriesId: coupon.seriesId, customerId: coupon.customerId, createdDate: coupon.issuedAt },
        warnings: messages(outcome.warnings),
      });
    },
  },
  {
    method: 'POST',
    path: '/v2/coupon/redeem',
    operationId: 'redeemCoupon',
    auth: true,
    handler: ({ service, org, body }) => {
      const outcome = service.redeemCoupon(
        org.id,
        withoutUndefined({ code: body.code as string, customerId: body.customerId as number, billNumber: body.billNumber as string | undefined, storeCode: body.storeCode as string | undefined }),
      );
      const coupon = outcome.value;
      return ok({
        createdId: coupon.id,
        entity: { id: coupon.id, code: coupon.code, customerId: coupon.customerId, redeemedOn: coupon.redemption!.redeemedAt },
        warnings: messages(outcome.warnings),
      });
    },
  },
];
