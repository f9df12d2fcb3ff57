// Coupon series beyond issue and redeem (seed 003, Engage+ sections): a series' information with the
// campaign or program that claimed it, raising its issual limit, the notifications sent to the brand's
// contacts, and a customer's redemption history (points and coupons) with the documented filters.
import { checkClaim, withIssualLimit, type RedemptionFilter } from '../domain/coupons.ts';
import { DomainError } from '../domain/errors.ts';
import { pointsOnEvent } from '../domain/ledger.ts';
import type { BrandNotification, CouponSeries, Org } from '../domain/types.ts';
import type { ServiceCore } from './service_core.ts';

export type RedemptionType = 'POINTS' | 'COUPONS' | 'BOTH';

export interface CouponRedemption {
  readonly couponId: number;
  readonly code: string;
  readonly seriesId: number;
  readonly description: string;
  readonly discountType: string;
  readonly redeemedAt: string;
  readonly billNumber?: string;
  readonly storeCode?: string;
}

export interface PointsRedemption {
  readonly id: number;
  readonly points: number;
  readonly redeemedAt: string;
  readonly billNumber?: string;
  readonly storeCode?: string;
}

export interface CouponOperations {
  couponSeries(orgId: number, seriesId: number): CouponSeries;
  setIssualLimit(orgId: number, seriesId: number, limit: unknown): CouponSeries;
  claimCouponSeries(orgId: number, seriesId: number, claim: { by: unknown; name: unknown }): CouponSeries;
  brandNotifications(orgId: number): BrandNotification[];
  customerRedemptions(orgId: number, customerId: number, filter: RedemptionFilter): { coupons: CouponRedemption[]; points: PointsRedemption[] };
}

/** The email the seed describes: sent to every registered brand contact when few coupons remain. */
export function issualLimitNotification(org: Org, series: CouponSeries, sentAt: string): Omit<BrandNotification, 'id'> {
  return {
    type: 'COUPON_ISSUAL_LIMIT',
    seriesId: series.id,
    seriesDescription: series.description,
    issualLimit: series.issualLimit,
    remaining: series.issualLimit - series.issued,
    recipients: [...(org.brandContacts ?? [])],
    sentAt,
  };
}

/** A date (the whole day) or a date-time as an instant; `end` takes a date's last millisecond. */
function instant(value: string, end: boolean): number {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const parsed = Date.parse(day ? `${value}T${end ? '23:59:59.999' : '00:00:00.000'}Z` : value);
  if (Number.isNaN(parsed)) throw new DomainError(8525, `${value} is not a date`);
  return parsed;
}

export function redemptionType(value: string | undefined): RedemptionType {
  const upper = (value ?? 'BOTH').toUpperCase();
  if (upper !== 'POINTS' && upper !== 'COUPONS' && upper !== 'BOTH') throw new DomainError(8526, String(value));
  return upper;
}

export function createCouponOperations(core: ServiceCore): CouponOperations {
  const { store, orgOf, guardForeign } = core;
  const loyalty = store.loyalty;

  const seriesOf = (orgId: number, seriesId: number): CouponSeries => {
    orgOf(orgId);
    const series = loyalty.series(orgId, seriesId);
    if (!series) throw new DomainError(8239, seriesId);
    return series;
  };

  return {
    couponSeries: seriesOf,

    setIssualLimit(orgId, seriesId, limit) {
      const series = withIssualLimit(seriesOf(orgId, seriesId), limit);
      loyalty.commit(orgId, { series: [series] });
      return series;
    },

    claimCouponSeries(orgId, seriesId, { by, name }) {
      const series = seriesOf(orgId, seriesId);
      const claimed: CouponSeries = { ...series, claim: checkClaim(series, by, name) };
      loyalty.commit(orgId, { series: [claimed] });
      return claimed;
    },

    brandNotifications(orgId) {
      orgOf(orgId);
      return loyalty.notifications(orgId);
    },

    customerRedemptions(orgId, customerId, filter) {
      guardForeign(orgId, customerId);
      orgOf(orgId);
      if (!store.customers(orgId).get(customerId)) throw new DomainError(8015);
      const type = redemptionType(filter.type);
      const from = filter.startDate === undefined ? -Infinity : instant(filter.startDate, false);
      const to = filter.endDate === undefined ? Infinity : instant(filter.endDate, true);
      if (from > to) throw new DomainError(8525, `start ${filter.startDate} is after end ${filter.endDate}`);
      const { couponsStartId: firstId, couponsEndId: lastId } = filter;
      // Stryker disable next-line ConditionalExpression,LogicalOperator: a comparison with an absent id is false either way
      if (firstId !== undefined && lastId !== undefined && firstId > lastId) throw new DomainError(8529, `coupons_start_id ${firstId} is above coupons_end_id ${lastId}`);
      const kept = (at: string, storeCode: string | undefined) => {
        const time = Date.parse(at);
        return time >= from && time <= to && (filter.merchantStoreId === undefined || storeCode === filter.merchantStoreId);
      };
      const coupons: CouponRedemption[] =
        type === 'POINTS'
          ? []
          : loyalty
              .couponsOf(orgId, customerId)
              .filter((coupon) => coupon.redemption && kept(coupon.redemption.redeemedAt, coupon.redemption.storeCode))
              .filter((coupon) => (firstId === undefined || coupon.id >= firstId) && (lastId === undefined || coupon.id <= lastId))
              .map((coupon) => {
                const series = loyalty.series(orgId, coupon.seriesId)!;
                const redemption = coupon.redemption!;
                return {
                  couponId: coupon.id,
                  code: coupon.code,
                  seriesId: series.id,
                  description: series.description,
                  discountType: series.discountType,
                  redeemedAt: redemption.redeemedAt,
                  ...(redemption.billNumber ? { billNumber: redemption.billNumber } : {}),
                  ...(redemption.storeCode ? { storeCode: redemption.storeCode } : {}),
                };
              });
      const points: PointsRedemption[] =
        type === 'COUPONS'
          ? []
          : loyalty
              .ledger(orgId, customerId)
              .filter((entry) => entry.eventName === 'PointsRedemption' && kept(entry.createdAt, entry.storeCode))
              .map((entry) => ({
                id: entry.eventLogId,
                // A redemption's debits, across programs.
                points: -pointsOnEvent(entry.lines),
                redeemedAt: entry.createdAt,
                ...(entry.billNumber ? { billNumber: entry.billNumber } : {}),
                ...(entry.storeCode ? { storeCode: entry.storeCode } : {}),
              }));
      return { coupons, points };
    },
  };
}
