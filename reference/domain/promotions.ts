// Code-linked promotions (seed 003 "Code linked promotions"): a promotion with an expiry, promo codes
// generated or uploaded for it, the restrictions on how often a code is redeemed, and the link that turns
// a physical code into one customer's digital code, applied at that customer's next transaction.
//
// Rulings (README "Where the seeds are unclear", 130-133):
// - 130: "redeemable once" against "can be redeemed multiple times as per set restrictions": a code with no
//   restriction set is redeemable once (the paper voucher); the brand's restrictions raise that.
// - 131: "limit the number of times a promo code can be used" is per code, over all customers (HOLIMAN100);
//   "limit the number of transactions a promo code can allow" is the promotion's budget of transactions,
//   shared by all its codes (per code it would repeat the first limit).
// - 132: a code applies once per transaction; a redemption is one transaction carrying it.
import { DomainError } from './errors.ts';

export type DiscountType = 'ABS' | 'PERC';
export type CodeOrigin = 'GENERATED' | 'UPLOADED';
/** The link-code API's modes: DISCOUNT links a code-linked promotion's code; PAYMENT_VOUCHER a gift voucher's. */
export const LINK_MODES = ['DISCOUNT', 'PAYMENT_VOUCHER'] as const;

export interface PromotionLimits {
  /** Redemptions of one code, all customers together (default 1, ruling 130). */
  readonly redemptionsPerCode: number;
  /** Redemptions of one code by one customer; absent: only the per-code limit. */
  readonly redemptionsPerCustomer?: number;
  /** Transactions the whole promotion allows over all its codes; absent: no such limit. */
  readonly transactions?: number;
}

export interface Promotion {
  readonly id: number;
  readonly name: string;
  readonly discountType: DiscountType;
  readonly discountValue: number;
  /** A bill must be above this amount for a code to apply (the seed's "a bill of more than 100$"). */
  readonly minBillAmount: number;
  /** Last instant a code is valid (ISO 8601); after it every code of the promotion is invalid. */
  readonly validTill: string;
  readonly limits: PromotionLimits;
  /** Transactions that redeemed one of its codes. */
  readonly redemptions: number;
}

export interface PromoCode {
  readonly code: string;
  readonly promotionId: number;
  readonly origin: CodeOrigin;
  readonly redemptions: number;
  /** Redemptions by customer id. */
  readonly redemptionsBy: Readonly<Record<number, number>>;
  /** The customer the code was linked to (link-code API); only they may redeem it. */
  readonly linkedTo?: number;
  /** When linked: not yet applied at the customer's next transaction. */
  readonly linkPending?: boolean;
  readonly linkedOn?: string;
}

/** One code a transaction redeemed, and what it gave. */
export interface AppliedPromotion {
  readonly code: string;
  readonly promotionId: number;
  readonly promotionName: string;
  readonly discount: number;
  /** True when the code came from a link, not from the bill. */
  readonly linked: boolean;
}

/** The contract's PromotionRequest: it makes the name, type and date strings and the amounts numbers. */
export interface PromotionInput {
  name: string;
  discountType: string;
  discountValue: number;
  minBillAmount?: number;
  validTill: string;
  limits?: { redemptionsPerCode?: number; redemptionsPerCustomer?: number; transactions?: number };
}

const isWhole = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1;
/** Codes at a till: letters and digits, 4 to 20 of them (upper-cased: a code is read aloud). */
const CODE_PATTERN = /^[A-Z0-9]{4,20}$/;
export const MAX_CODES_PER_REQUEST = 10_000;

/** A promotion's definition; 8500 names what is wrong. */
export function checkPromotion(input: PromotionInput): Omit<Promotion, 'id' | 'redemptions'> {
  const invalid = (why: string) => new DomainError(8500, why);
  if (input.name.trim() === '') {
    // Stryker disable next-line StringLiteral: error detail wording (README, equivalent mutants)
    throw invalid('the name is empty');
  }
  if (input.discountType !== 'ABS' && input.discountType !== 'PERC') {
    // Stryker disable next-line StringLiteral: error detail wording (README, equivalent mutants)
    throw invalid(`discountType ${String(input.discountType)} is not ABS or PERC`);
  }
  if (!(input.discountValue > 0)) {
    // Stryker disable next-line StringLiteral: error detail wording (README, equivalent mutants)
    throw invalid(`discountValue ${String(input.discountValue)} must be above 0`);
  }
  if (input.discountType === 'PERC' && input.discountValue > 100) {
    // Stryker disable next-line StringLiteral: error detail wording (README, equivalent mutants)
    throw invalid(`a PERC discount of ${input.discountValue} is above 100`);
  }
  const minBillAmount = input.minBillAmount ?? 0;
  if (minBillAmount < 0) {
    // Stryker disable next-line StringLiteral: error detail wording (README, equivalent mutants)
    throw invalid(`minBillAmount ${String(minBillAmount)} must be 0 or more`);
  }
  if (Number.isNaN(Date.parse(input.validTill))) {
    // Stryker disable next-line StringLiteral: error detail wording (README, equivalent mutants)
    throw invalid(`validTill ${String(input.validTill)} is not a date-time`);
  }
  const limits = input.limits ?? {};
  for (const [name, value] of Object.entries(limits)) {
    // The contract makes each limit given a number (JSON has no undefined).
    if (!isWhole(value)) {
      // Stryker disable next-line StringLiteral: error detail wording (README, equivalent mutants)
      throw invalid(`limits.${name} ${String(value)} must be a whole number from 1`);
    }
  }
  return {
    name: input.name,
    discountType: input.discountType as DiscountType,
    discountValue: input.discountValue,
    minBillAmount,
    validTill: new Date(input.validTill).toISOString(),
    limits: {
      redemptionsPerCode: limits.redemptionsPerCode ?? 1,
      // Stryker disable next-line ConditionalExpression: an absent limit kept as undefined reads as absent
      ...(limits.redemptionsPerCustomer !== undefined ? { redemptionsPerCustomer: limits.redemptionsPerCustomer } : {}),
      // Stryker disable next-line ConditionalExpression: an absent limit kept as undefined reads as absent
      ...(limits.transactions !== undefined ? { transactions: limits.transactions } : {}),
    },
  };
}

/** The promotion, or 8501. */
export function checkPromotionExists(promotionId: number, promotion: Promotion | undefined): Promotion {
  if (!promotion) throw new DomainError(8501, promotionId);
  return promotion;
}

/** How many codes to generate: 1 to MAX_CODES_PER_REQUEST (8502). */
export function checkCodeCount(count: unknown): number {
  if (!isWhole(count) || count > MAX_CODES_PER_REQUEST) throw new DomainError(8502, String(count), MAX_CODES_PER_REQUEST);
  return count;
}

/** Codes a brand uploads, upper-cased: well formed (8503), none twice and none the org already has (8504). */
export function checkUploadedCodes(codes: readonly unknown[], exists: (code: string) => boolean): string[] {
  if (codes.length === 0 || codes.length > MAX_CODES_PER_REQUEST) throw new DomainError(8502, String(codes.length), MAX_CODES_PER_REQUEST);
  const seen = new Set<string>();
  return codes.map((raw) => {
    const code = normalizeCode(raw);
    if (!CODE_PATTERN.test(code)) throw new DomainError(8503, String(raw));
    if (seen.has(code) || exists(code)) throw new DomainError(8504, code);
    seen.add(code);
    return code;
  });
}

/** A code as the contract brings it (a string), upper-cased. */
export function normalizeCode(raw: unknown): string {
  return String(raw).trim().toUpperCase();
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A generated code: the promotion's id and a random part of fixed length, so two promotions never draw the same code. */
export function generatedCode(promotionId: number, random: (bound: number) => number): string {
  let tail = '';
  // Stryker disable next-line EqualityOperator: the random part's length is the reference's choice (codes are read from the answer)
  for (let i = 0; i < 6; i += 1) tail += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return `P${promotionId}${tail}`;
}

export function isExpired(promotion: Promotion, now: string): boolean {
  return Date.parse(now) > Date.parse(promotion.validTill);
}

/** The code as a customer presents it: known in this org (8505) and not expired (8506). */
export function checkLiveCode(raw: string, code: PromoCode | undefined, promotion: Promotion | undefined, now: string): { code: PromoCode; promotion: Promotion } {
  if (!code) throw new DomainError(8505, raw);
  // A code's promotion exists: codes are added to a promotion the org has (8501).
  const live = promotion!;
  if (isExpired(live, now)) throw new DomainError(8506, code.code, live.validTill);
  return { code, promotion: live };
}

/**
 * May this customer redeem the code on a bill of this amount? Linked to someone else 8507, the code's
 * redemptions used up 8508 (HOLIMAN100's 1001st), the customer's 8509, the promotion's transactions 8510,
 * a bill not above the promotion's minimum 8511.
 */
export function checkRedemption(code: PromoCode, promotion: Promotion, customerId: number, billAmount: number): void {
  if (code.linkedTo !== undefined && code.linkedTo !== customerId) throw new DomainError(8507, code.code);
  if (code.redemptions >= promotion.limits.redemptionsPerCode) throw new DomainError(8508, code.code, promotion.limits.redemptionsPerCode);
  const perCustomer = promotion.limits.redemptionsPerCustomer;
  // Stryker disable next-line ConditionalExpression: a comparison with an absent limit is false either way
  if (perCustomer !== undefined && (code.redemptionsBy[customerId] ?? 0) >= perCustomer) throw new DomainError(8509, code.code, customerId, perCustomer);
  const transactions = promotion.limits.transactions;
  // Stryker disable next-line ConditionalExpression: a comparison with an absent limit is false either way
  if (transactions !== undefined && promotion.redemptions >= transactions) throw new DomainError(8510, promotion.id, transactions);
  if (!(billAmount > promotion.minBillAmount)) throw new DomainError(8511, code.code, billAmount, promotion.minBillAmount);
}

/** The code after one more redemption by the customer (a pending link is used up by it). */
export function redeemed(code: PromoCode, customerId: number): PromoCode {
  const { linkPending: _used, ...rest } = code;
  return { ...rest, redemptions: code.redemptions + 1, redemptionsBy: { ...code.redemptionsBy, [customerId]: (code.redemptionsBy[customerId] ?? 0) + 1 } };
}

/** The discount a code gives on a bill: ABS up to the bill, PERC of the bill, to the cent. */
export function discountOn(promotion: Promotion, billAmount: number): number {
  const raw = promotion.discountType === 'ABS' ? Math.min(promotion.discountValue, billAmount) : (billAmount * promotion.discountValue) / 100;
  return Math.round(raw * 100) / 100;
}

/**
 * The link-code API: mode DISCOUNT only for a code-linked promotion's code (8512); a code linked to another
 * customer stays theirs (8513, "You cannot link to multiple customers at a time"); a code that can no longer
 * be redeemed cannot be linked (8508).
 */
export function checkLink(code: PromoCode, promotion: Promotion, customerId: number, mode: unknown): void {
  if (mode !== 'DISCOUNT') {
    throw new DomainError(8512, String(mode), LINK_MODES.includes(mode as never) ? 'the code belongs to a code-linked promotion, not a gift voucher' : 'use DISCOUNT or PAYMENT_VOUCHER');
  }
  if (code.linkedTo !== undefined && code.linkedTo !== customerId) throw new DomainError(8513, code.code, code.linkedTo);
  if (code.redemptions >= promotion.limits.redemptionsPerCode) throw new DomainError(8508, code.code, promotion.limits.redemptionsPerCode);
}
