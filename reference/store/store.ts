// State behind an interface: the service talks to this port; memory_store.ts is the default adapter.
import type { CustomerReader } from '../domain/customer_port.ts';
import type { Customer, LineItem, MergeRecord, Org } from '../domain/types.ts';
import type { LoyaltyStore } from './loyalty_store.ts';
import type { PromotionStore } from './promotion_store.ts';

export interface TransactionRecord {
  readonly id: number;
  readonly orgId: number;
  readonly customerId: number;
  readonly billNumber: string;
  readonly billAmount: number;
  readonly createdAt: string;
  /** When the bill was made, as the request gave it. */
  readonly billingTime?: string;
  readonly storeCode?: string;
  readonly lineItems?: readonly LineItem[];
  /** The customer's status label marked the transaction as an outlier. */
  readonly outlier?: boolean;
  readonly pointsAwarded?: number;
  /** A return of (part of) the bill with the same number; absent: a regular bill. */
  readonly type?: 'REGULAR' | 'RETURN';
}

/** Everything one operation changed; committed at once, after every rule has passed. */
export interface Changes {
  readonly customers: readonly Customer[];
  readonly merges: readonly MergeRecord[];
  readonly transaction?: Omit<TransactionRecord, 'id'>;
  /** The card series' next sequence number, when the operation took numbers from it. */
  readonly cardSequence?: bigint;
}

export interface Store {
  /** Saves a new org; `build` receives the org's id (org ids are global and increasing). */
  createOrg(build: (id: number) => Org): Org;
  getOrg(orgId: number): Org | undefined;
  /** How many orgs exist (for the per-server org limit). */
  orgCount(): number;
  findOrgByTillUsername(username: string): Org | undefined;
  /** One org's customers as the rules read them; O(1) per call. */
  customers(orgId: number): CustomerReader;
  /** The org a customer id belongs to, if any (to refuse other orgs' ids without leaking them). */
  orgOfCustomer(customerId: number): number | undefined;
  /** Applies an operation's changes; returns the new transaction's id when one was recorded. */
  commit(orgId: number, changes: Changes): { transactionId?: number };
  nextMergeRequestId(): number;
  listCustomers(orgId: number): Customer[];
  listMerges(orgId: number): MergeRecord[];
  listTransactions(orgId: number): TransactionRecord[];
  /** Points, tiers, coupons and referrals (loyalty_store.ts). */
  readonly loyalty: LoyaltyStore;
  /** Code-linked promotions and their promo codes (promotion_store.ts). */
  readonly promotions: PromotionStore;
}
