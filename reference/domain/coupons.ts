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
  validTill?: string;
  /** Notify the brand when this many coupons remain to be issued (seed 003, "Send notification for issual limit"). */
  notifyWhenRemaining?: number;
}

// The contract makes these numbers; Number.isInteger refuses anything else too.
const isWhole = (value: unknown, from: number): value is number => Number.isInteger(value) && (value as number) >= from;

/** A series definition; 8243 names what is wrong. */
export function checkSeries(input: CouponSeriesInput): Omit<CouponSeries, 'id' | 'issued'> {
  const invalid = (why: string) => new DomainError(8243, why);
  // Stryker disable StringLiteral: error detail wording (README, equivalent mutants)
  if (input.description.trim() === '') throw invalid('the description is empty');
  if (input.discountType !== 'ABS' && input.discountType !== 'PERC') throw invalid(`discountType ${input.discountType} is not ABS or PERC`);
  if (!(input.discountValue > 0)) throw invalid(`discountValue ${input.discountValue} must be above 0`);
  if (input.discountType === 'PERC' && input.discountValue > 100) throw invalid(`a PERC discount of ${input.discountValue} is above 100`);
  if (!isWhole(input.issualLimit, 1)) throw invalid(`issualLimit ${input.issualLimit} must be a whole number from 1`);
  if (input.validTill !== undefined && Number.isNaN(Date.parse(input.validTill))) throw invalid(`validTill ${input.validTill} is not a date-time`);
  if (input.notifyWhenRemaining !== undefined && (!isWhole(input.notifyWhenRemaining, 1) || input.notifyWhenRemaining >= input.issualLimit)) {
    throw invalid(`notifyWhenRemaining ${input.notifyWhenRemaining} must be a whole number from 1 below the issual limit ${input.issualLimit}`);
  }
  // Stryker restore StringLiteral
  return {
    description: input.description,
    discountType: input.discountType,
    discountValue: input.discountValue,
    issualLimit: input.issualLimit,
    ...(input.validTill !== undefined ? { validTill: new Date(input.validTill).toISOString() } : {}),
    // Stryker disable next-line ConditionalExpression: an absent threshold kept as undefined reads as absent
    ...(input.notifyWhenRemaining !== undefined ? { notifyWhenRemaining: input.notifyWhenRemaining } : {}),
  };
}

export function isSeriesExpired(series: CouponSeries, now: string): boolean {
  // Stryker disable next-line ConditionalExpression: without validTill the comparison is with NaN, which no instant is after
  return series.validTill !== undefined && Date.parse(now) > Date.parse(series.validTill);
}

/** One more coupon of the series, unless the series is unknown (8239), has issued its limit (8238) or expired (8524). */
export function checkIssuable(seriesId: number, series: CouponSeries | undefined, now: string): CouponSeries {
  if (!series) throw new DomainError(8239, seriesId);
  if (series.issued >= series.issualLimit) throw new DomainError(8238, seriesId, series.issualLimit);
  if (isSeriesExpired(series, now)) throw new DomainError(8524, seriesId, series.validTill!);
  return series;
}

/**
 * The series after one more coupon, and whether that issue brings the remaining count down to the series'
 * notification threshold for the first time since the limit was set: the notification goes out once.
 */
export function afterIssue(series: CouponSeries): { series: CouponSeries; notify: boolean } {
  const issued = series.issued + 1;
  const remaining = series.issualLimit - issued;
  // No threshold: no remaining count is at or below it.
  const notify = !series.notified && remaining <= (series.notifyWhenRemaining ?? Number.NEGATIVE_INFINITY);
  return { series: { ...series, issued, ...(notify ? { notified: true } : {}) }, notify };
}

/** A new issual limit: a whole number not below what was issued (8521); above the threshold again, the notification is re-armed. */
export function withIssualLimit(series: CouponSeries, limit: unknown): CouponSeries {
  if (!isWhole(limit, 1) || limit < series.issued) throw new DomainError(8521, String(limit), series.issued);
  // No threshold: nothing to stay above; the series was never notified, so nothing to re-arm.
  const threshold = series.notifyWhenRemaining ?? Number.NEGATIVE_INFINITY;
  if (limit <= threshold) throw new DomainError(8521, String(limit), series.issued);
  const rearmed = limit - series.issued > threshold;
  const { notified: _notified, ...rest } = series;
  return { ...rest, issualLimit: limit, ...(series.notified && !rearmed ? { notified: true } : {}) };
}

/** A code unique in the org: the series and the coupon's id, readable at a till. */
export function couponCode(seriesId: number, couponId: number): string {
  // Stryker disable next-line MethodExpression: a code is compared as the till sends it back, in any case the reference chose
  return `CP${seriesId.toString(36).toUpperCase()}X${couponId.toString(36).toUpperCase().padStart(6, '0')}`;
}

/** Only the customer it was issued to redeems a coupon, once, while active: 8242 unknown, 8241 not theirs, 8240 redeemed, 8523 expired. */
export function checkRedeemableCoupon(code: string, coupon: Coupon | undefined, customerId: number, series: CouponSeries | undefined, now: string): Coupon {
  if (!coupon) throw new DomainError(8242, code);
  if (coupon.customerId !== customerId) throw new DomainError(8241, code, customerId);
  if (coupon.redemption) throw new DomainError(8240, code);
  // A known coupon's series is known.
  if (isSeriesExpired(series!, now)) throw new DomainError(8523, code, series!.validTill!);
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
  const upper = value.toUpperCase();
  // Stryker disable next-line StringLiteral: error detail wording (README, equivalent mutants)
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
  // The contract makes both strings.
  const upper = String(by).toUpperCase();
  // Stryker disable next-line StringLiteral: error detail wording (README, equivalent mutants)
  if (upper !== 'OUTBOUND' && upper !== 'LOYALTY') throw new DomainError(8527, `claimedBy ${String(by)} is not OUTBOUND or LOYALTY`);
  // Stryker disable next-line StringLiteral: error detail wording (README, equivalent mutants)
  if (String(name).trim() === '') throw new DomainError(8527, 'the campaign or program name is empty');
  if (series.claim && (series.claim.by !== upper || series.claim.name !== name)) throw new DomainError(8528, series.id, series.claim.name);
  return { by: upper, name: String(name) };
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
