// In-memory LoyaltyStore: per org, ledgers and accounts by customer, series by id, coupons by code.
import { accountEffect } from '../domain/ledger.ts';
import type { BrandNotification, Coupon, CouponSeries, LedgerEntry } from '../domain/types.ts';
import type { LoyaltyStore, StoredAccount } from './loyalty_store.ts';

interface OrgLoyalty {
  readonly accounts: Map<number, StoredAccount>;
  readonly ledgers: Map<number, LedgerEntry[]>;
  readonly series: Map<number, CouponSeries>;
  readonly coupons: Map<string, Coupon>;
  readonly couponsByCustomer: Map<number, string[]>;
  readonly referred: Set<number>;
  readonly notifications: BrandNotification[];
}

const EMPTY_ACCOUNT: StoredAccount = { balances: {}, balance: 0, lifetimePoints: 0, redeemed: 0 };

export function createMemoryLoyaltyStore(): LoyaltyStore {
  const orgs = new Map<number, OrgLoyalty>();
  let lastEventLogId = 0;
  let lastSeriesId = 0;
  let lastCouponId = 0;
  let lastNotificationId = 0;

  const of = (orgId: number): OrgLoyalty => {
    let state = orgs.get(orgId);
    if (!state) {
      state = { accounts: new Map(), ledgers: new Map(), series: new Map(), coupons: new Map(), couponsByCustomer: new Map(), referred: new Set(), notifications: [] };
      orgs.set(orgId, state);
    }
    return state;
  };

  const append = (state: OrgLoyalty, entry: LedgerEntry): void => {
    const ledger = state.ledgers.get(entry.customerId) ?? [];
    ledger.push(entry);
    state.ledgers.set(entry.customerId, ledger);
    const before = state.accounts.get(entry.customerId) ?? EMPTY_ACCOUNT;
    const effect = accountEffect(entry);
    const balances = { ...before.balances };
    let regular = before.balance;
    for (const [key, delta] of effect.balances) {
      balances[key] = (balances[key] ?? 0) + delta;
      if (key.endsWith('/REGULAR')) regular += delta;
    }
    state.accounts.set(entry.customerId, {
      ...before,
      balances,
      balance: regular,
      lifetimePoints: before.lifetimePoints + effect.lifetime,
      redeemed: before.redeemed + effect.redeemed,
    });
  };

  const saveCoupon = (state: OrgLoyalty, coupon: Coupon): void => {
    const previous = state.coupons.get(coupon.code);
    if (previous && previous.customerId !== coupon.customerId) {
      const codes = state.couponsByCustomer.get(previous.customerId) ?? [];
      state.couponsByCustomer.set(previous.customerId, codes.filter((code) => code !== coupon.code));
    }
    if (!previous || previous.customerId !== coupon.customerId) {
      const codes = state.couponsByCustomer.get(coupon.customerId) ?? [];
      codes.push(coupon.code);
      state.couponsByCustomer.set(coupon.customerId, codes);
    }
    state.coupons.set(coupon.code, coupon);
  };

  return {
    account: (orgId, customerId) => orgs.get(orgId)?.accounts.get(customerId),
    ledger: (orgId, customerId) => orgs.get(orgId)?.ledgers.get(customerId) ?? [],
    customersWithLedger: (orgId) => [...(orgs.get(orgId)?.ledgers.keys() ?? [])],
    series: (orgId, seriesId) => orgs.get(orgId)?.series.get(seriesId),
    coupon: (orgId, code) => orgs.get(orgId)?.coupons.get(code),
    couponsOf(orgId, customerId) {
      const state = orgs.get(orgId);
      return (state?.couponsByCustomer.get(customerId) ?? []).map((code) => state!.coupons.get(code)!);
    },
    wasReferred: (orgId, customerId) => orgs.get(orgId)?.referred.has(customerId) ?? false,
    notifications: (orgId) => [...(orgs.get(orgId)?.notifications ?? [])],
    nextSeriesId: () => ++lastSeriesId,
    nextCouponId: () => ++lastCouponId,
    commit(orgId, changes) {
      const state = of(orgId);
      const ids: number[] = [];
      for (const input of changes.entries ?? []) {
        const entry: LedgerEntry = { eventLogId: ++lastEventLogId, ...input };
        ids.push(entry.eventLogId);
        append(state, entry);
      }
      for (const { customerId, tier } of changes.tiers ?? []) {
        state.accounts.set(customerId, { ...(state.accounts.get(customerId) ?? EMPTY_ACCOUNT), tier });
      }
      for (const series of changes.series ?? []) state.series.set(series.id, series);
      for (const coupon of changes.coupons ?? []) saveCoupon(state, coupon);
      for (const customerId of changes.referred ?? []) state.referred.add(customerId);
      for (const notification of changes.notifications ?? []) state.notifications.push({ id: ++lastNotificationId, ...notification });
      return ids;
    },
  };
}
