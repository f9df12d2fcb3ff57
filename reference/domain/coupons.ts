// The coupon rules: a series' definition, issual within its limit, and who may redeem a coupon, once.
import { DomainError } from './errors.ts';
import type { Coupon, CouponSeries } from './types.ts';

export interface CouponSeriesInput {
  description: string;
  discountType: string;
  discountValue: number;
  issualLimit: number;
}

/** A series definition; 8243 names what is wrong. */
export function checkSeries(input: CouponSeriesInput): Omit<CouponSeries, 'id' | 'issued'> {
  const invalid = (why: string) => new DomainError(8243, why);
  if (input.description.trim() === '') throw invalid('the description is empty');
  if (input.discountType !== 'ABS' && input.discountType !== 'PERC') throw invalid(`discountType ${input.discountType} is not ABS or PERC`);
  if (!(input.discountValue > 0)) throw invalid(`discountValue ${input.discountValue} must be above 0`);
  if (input.discountType === 'PERC' && input.discountValue > 100) throw invalid(`a PERC discount of ${input.discountValue} is above 100`);
  if (!Number.isInteger(input.issualLimit) || input.issualLimit < 1) throw invalid(`issualLimit ${input.issualLimit} must be a whole number from 1`);
  return { description: input.description, discountType: input.discountType, discountValue: input.discountValue, issualLimit: input.issualLimit };
}

/** One more coupon of the series, unless the series is unknown (8239) or has issued its limit (8238). */
export function checkIssuable(seriesId: number, series: CouponSeries | undefined): CouponSeries {
  if (!series) throw new DomainError(8239, seriesId);
  if (series.issued >= series.issualLimit) throw new DomainError(8238, seriesId, series.issualLimit);
  return series;
}

/** A code unique in the org: the series and the coupon's id, readable at a till. */
export function couponCode(seriesId: number, couponId: number): string {
  return `CP${seriesId.toString(36).toUpperCase()}X${couponId.toString(36).toUpperCase().padStart(6, '0')}`;
}

/** Only the customer it was issued to redeems a coupon, and only once: 8242 unknown, 8241 not theirs, 8240 redeemed. */
export function checkRedeemableCoupon(code: string, coupon: Coupon | undefined, customerId: number): Coupon {
  if (!coupon) throw new DomainError(8242, code);
  if (coupon.customerId !== customerId) throw new DomainError(8241, code, customerId);
  if (coupon.redemption) throw new DomainError(8240, code);
  return coupon;
}
