// The coupon rules: a series' definition, issual within its limit (and the notification when few remain),
// its expiry, who may redeem a coupon, once, the status filters of a customer's coupons, and which campaign
// or program claimed a series (seed 003 "Coupons Claimed Information").
import { DomainError } from './errors.ts';
import type { Coupon, CouponSeries } from './types.ts';

export interface CouponSeriesInput {
  description: string;
  discountType: string;
  discountValue: number;
  issualLimit: number;
  /** Last instant its coupons are active (ISO 8601); absent: they never expire. */
  validTill?: unknown;
  /** Notify the brand when this many coupons remain to be issued (seed 003, "Send notification for issual limit"). */
  notifyWhenRemaining?: unknown;
}

const isWhole = (value: unknown, from: number): value is number => typeof value === 'number' && Number.isInteger(value) && value >= from;

/** A series definition; 8243 names what is wrong. */
export function checkSeries(input: CouponSeriesInput): Omit<CouponSeries, 'id' | 'issued'> {
  const invalid = (why: string) => new DomainError(8243, why);
  if (input.description.trim() === '') throw invalid('the description is empty');
  if (input.discountType !== 'ABS' && input.discountType !== 'PERC') throw invalid(`discountType ${input.discountType} is not ABS or PERC`);
  if (!(input.discountValue > 0)) throw invalid(`discountValue ${input.discountValue} must be above 0`);
  if (input.discountType === 'PERC' && input.discountValue > 100) throw invalid(`a PERC discount of ${input.discountValue} is above 100`);
  if (!isWhole(input.issualLimit, 1)) throw invalid(`issualLimit ${input.issualLimit} must be a whole number from 1`);
  if (input.validTill !== undefined && (typeof input.validTill !== 'string' || Number.isNaN(Date.parse(input.validTill)))) {
    throw invalid(`validTill ${String(input.validTill)} is not a date-time`);
  }
  if (input.notifyWhenRemaining !== undefined && (!isWhole(input.notifyWhenRemaining, 1) || input.notifyWhenRemaining >= input.issualLimit)) {
    throw invalid(`notifyWhenRemaining ${String(input.notifyWhenRemaining)} must be a whole number from 1 below the issual limit ${input.issualLimit}`);
  }
  return {
    description: input.description,
    discountType: input.discountType,
    discountValue: input.discountValue,
    issualLimit: input.issualLimit,
    ...(input.validTill !== undefined ? { validTill: new Date(input.validTill as string).toISOString() } : {}),
    ...(input.notifyWhenRemaining !== undefined ? { notifyWhenRemaining: input.notifyWhenRemaining as number } : {}),
  };
}

export function isSeriesExpired(series: CouponSeries, now: string): boolean {
  return series.validTill !== undefined && Date.parse(now) > Date.parse(series.validTill);
}

/** One more coupon of the series, unless the series is unknown (8239), has issued its limit (8238) or expired (8524). */
export function checkIssuable(seriesId: number, series: CouponSeries | undefined, now?: string): CouponSeries {
  if (!series) throw new DomainError(8239, seriesId);
  if (series.issued >= series.issualLimit) throw new DomainError(8238, seriesId, series.issualLimit);
  if (now !== undefined && isSeriesExpired(series, now)) throw new DomainError(8524, seriesId, series.validTill!);
  return series;
}

/**
 * The series after one more coupon, and whether that issue brings the remaining count down to the series'
 * notification threshold for the first time since the limit was set: the notification goes out once.
 */
export function afterIssue(series: CouponSeries): { series: CouponSeries; notify: boolean } {
  const issued = series.issued + 1;
  const remaining = series.issualLimit - issued;
  const notify = series.notifyWhenRemaining !== undefined && !series.notified && remaining <= series.notifyWhenRemaining;
  return { series: { ...series, issued, ...(notify ? { notified: true } : {}) }, notify };
}

/** A new issual limit: a whole number not below what was issued (8521); above the threshold again, the notification is re-armed. */
export function withIssualLimit(series: CouponSeries, limit: unknown): CouponSeries {
  if (!isWhole(limit, 1) || limit < series.issued) throw new DomainError(8521, String(limit), series.issued);
  if (series.notifyWhenRemaining !== undefined && limit <= series.notifyWhenRemaining) {
    throw new DomainError(8521, String(limit), series.issued);
  }
  const rearmed = series.notifyWhenRemaining !== undefined && limit - series.issued > series.notifyWhenRemaining;
  const { notified: _notified, ...rest } = series;
  return { ...rest, issualLimit: limit, ...(series.notified && !rearmed ? { notified: true } : {}) };
}

/** A code unique in the org: the series and the coupon's id, readable at a till. */
export function couponCode(seriesId: number, couponId: number): string {
  return `CP${seriesId.toString(36).toUpperCase()}X${couponId.toString(36).toUpperCase().padStart(6, '0')}`;
}

/** Only the customer it was issued to redeems a coupon, once, while active: 8242 unknown, 8241 not theirs, 8240 redeemed, 8523 expired. */
export function checkRedeemableCoupon(code: string, coupon: Coupon | undefined, customerId: number, series?: CouponSeries, now?: string): Coupon {
  if (!coupon) throw new DomainError(8242, code);
  if (coupon.customerId !== customerId) throw new DomainError(8241, code, customerId);
  if (coupon.redemption) throw new DomainError(8240, code);
  if (series && now !== undefined && isSeriesExpired(series, now)) throw new DomainError(8523, code, series.validTill!);
  return coupon;
}

/** The v2 coupons read's `status` values (any case); seed 003 added the four ACTIVE_/EXPIRED_ pairs. */
export const COUPON_STATUSES = [
  'ACTIVE',
  'EXPIRED',
  'REDEEMED',
  'UNREDEEMED',
  'ACTIVE_REDEEMED',
  'ACTIVE_UNREDEEMED',
  'EXPIRED_REDEEMED',
  'EXPIRED_UNREDEEMED',
  'REDEEMABLE',
] as const;
export type CouponStatusFilter = (typeof COUPON_STATUSES)[number];

/** A status filter, or 8522. */
export function couponStatusFilter(value: string): CouponStatusFilter {
  const upper = value.trim().toUpperCase();
  if (!(COUPON_STATUSES as readonly string[]).includes(upper)) throw new DomainError(8522, value, COUPON_STATUSES.join(', '));
  return upper as CouponStatusFilter;
}

/** Active is by the expiry date alone ("does not validate redemptions"); redeemed by the redemption alone. */
export function matchesCouponStatus(filter: CouponStatusFilter | undefined, coupon: Coupon, series: CouponSeries, now: string): boolean {
  if (filter === undefined) return true;
  const active = !isSeriesExpired(series, now);
  const redeemed = coupon.redemption !== undefined;
  switch (filter) {
    case 'ACTIVE':
      return active;
    case 'EXPIRED':
      return !active;
    case 'REDEEMED':
      return redeemed;
    case 'UNREDEEMED':
      return !redeemed;
    case 'ACTIVE_REDEEMED':
      return active && redeemed;
    case 'ACTIVE_UNREDEEMED':
    case 'REDEEMABLE':
      return active && !redeemed;
    case 'EXPIRED_REDEEMED':
      return !active && redeemed;
    case 'EXPIRED_UNREDEEMED':
      return !active && !redeemed;
  }
}

/** Who claims a series: an outbound campaign or a loyalty program, by name (8527); one claimant only (8528). */
export function checkClaim(series: CouponSeries, by: unknown, name: unknown): NonNullable<CouponSeries['claim']> {
  const upper = String(by ?? '').trim().toUpperCase();
  if (upper !== 'OUTBOUND' && upper !== 'LOYALTY') throw new DomainError(8527, `claimedBy ${String(by)} is not OUTBOUND or LOYALTY`);
  if (typeof name !== 'string' || name.trim() === '') throw new DomainError(8527, 'the campaign or program name is empty');
  if (series.claim && (series.claim.by !== upper || series.claim.name !== name)) throw new DomainError(8528, series.id, series.claim.name);
  return { by: upper, name };
}

/** The customer redemptions read's filters (seed 003 "Enhancement in Customer Redemptions API"). */
export interface RedemptionFilter {
  readonly type?: string;
  /** Dates (YYYY-MM-DD, the whole day) or date-times, both ends included. */
  readonly startDate?: string;
  readonly endDate?: string;
  /** Coupon ids from and to (ruling 134: the documented coupons_start_id and coupons_end_id). */
  readonly couponsStartId?: number;
  readonly couponsEndId?: number;
  /** The store the redemption was made in (seed 003 `merchant_store_id`). */
  readonly merchantStoreId?: string;
}
