// The loyalty state behind a port: points ledgers and accounts, coupon series and coupons, referrals.
// The service validates everything first and then commits one LoyaltyChanges, so a refusal leaves it as it was.
import type { BrandNotification, Coupon, CouponSeries, LedgerEntry } from '../domain/types.ts';

/** A customer's running totals; `tier` is absent until a credit sets it (the program's first tier). */
export interface StoredAccount {
  /** Balance per account (ledger.ts accountKey: program and points category). */
  readonly balances: Readonly<Record<string, number>>;
  /** The regular points of every program: the points summary's balance. */
  readonly balance: number;
  readonly lifetimePoints: number;
  readonly redeemed: number;
  readonly tier?: string;
}

export interface LoyaltyChanges {
  /** Ledger events to append, in order; each changes its customer's accounts (ledger.ts accountEffect). */
  readonly entries?: readonly Omit<LedgerEntry, 'eventLogId'>[];
  readonly tiers?: readonly { readonly customerId: number; readonly tier: string }[];
  /** Series to save (new, or with a new issued count). */
  readonly series?: readonly CouponSeries[];
  /** Coupons to save (new, redeemed, or moved to another customer by a merge). */
  readonly coupons?: readonly Coupon[];
  /** Referees rewarded by this change. */
  readonly referred?: readonly number[];
  /** Notifications sent to the brand by this change (the series' issual-limit email). */
  readonly notifications?: readonly Omit<BrandNotification, 'id'>[];
}

export interface LoyaltyStore {
  account(orgId: number, customerId: number): StoredAccount | undefined;
  /** The customer's ledger, oldest first; the stored array itself (read-only), so reading a page is cheap. */
  ledger(orgId: number, customerId: number): readonly LedgerEntry[];
  /** Customers of the org with a ledger, for the jobs that scan them (expiry, promised points). */
  customersWithLedger(orgId: number): number[];
  series(orgId: number, seriesId: number): CouponSeries | undefined;
  coupon(orgId: number, code: string): Coupon | undefined;
  /** The customer's coupons, oldest first. */
  couponsOf(orgId: number, customerId: number): Coupon[];
  wasReferred(orgId: number, customerId: number): boolean;
  /** Notifications sent to the org's brand contacts, oldest first. */
  notifications(orgId: number): BrandNotification[];
  /** Ids are global and increasing, reserved before the rule builds what carries them. */
  nextSeriesId(): number;
  nextCouponId(): number;
  /** Applies the changes; returns the event log ids of the new entries, in order. */
  commit(orgId: number, changes: LoyaltyChanges): number[];
}
