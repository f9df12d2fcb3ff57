// The reference's application layer: each operation of the contract as one call, in domain terms.
// Handlers (HTTP or in-process) call this; rules live in ../domain, state in ../store.
// Operations throw DomainError with a catalogued code and change nothing when they refuse.
import type { CardOperations } from './card_operations.ts';
import type {
  CustomerUpdate,
  CustomerView,
  IdentifierChange,
  IncomingCustomer,
  LookupQuery,
  MergeRecord,
  MergeRequestResult,
  Org,
  OrgSetup,
  Outcome,
  RegistrationResult,
  TransactionInput,
  TransactionResult,
} from '../domain/types.ts';
import type { SubscriptionOperations } from './subscription_operations.ts';
import type { LoyaltyOperations } from './loyalty_operations.ts';
import type { StatusOperations } from './status_operations.ts';
import type { CustomerAppOperations } from './customer_app_sign_in.ts';
import type { CommunicationOperations } from './communications.ts';
import type { UserGroupOperations } from './user_groups.ts';
import type { ImportOperations } from './imports.ts';
import type { PromotionOperations } from './promotion_operations.ts';
import type { CouponOperations } from './coupon_operations.ts';
import type { AudienceOperations } from './audience_operations.ts';

export interface IdentityService extends StatusOperations, CardOperations {
  createOrg(setup: OrgSetup): Org;
  /**
   * The org whose till matches; `passwordMd5` is the hex MD5 of the till password. Orgs are never
   * removed and till passwords never change, so the server may remember an accepted header.
   */
  authenticate(username: string, passwordMd5: string): Org | undefined;
  register(orgId: number, input: IncomingCustomer): Outcome<RegistrationResult>;
  addTransaction(orgId: number, input: TransactionInput): Outcome<TransactionResult>;
  lookup(orgId: number, query: LookupQuery): Outcome<number>;
  getCustomer(orgId: number, customerId: number): Outcome<CustomerView>;
  getCustomerByIdentifier(orgId: number, query: LookupQuery): Outcome<CustomerView>;
  updateCustomer(orgId: number, customerId: number, update: CustomerUpdate): Outcome<{ customerId: number }>;
  changeIdentifier(orgId: number, customerId: number, change: IdentifierChange): Outcome<{ customerId: number }>;
  requestMerge(orgId: number, request: { survivorId: number; victimId: number }): Outcome<MergeRequestResult>;
  /** Test control: every customer of the org, merge victims included, and the merges so far. */
  listCustomers(orgId: number): { customers: CustomerView[]; merges: MergeRecord[] };
}

// Subscriptions and test/control groups (declaration merging keeps each group's extension a separate block).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface IdentityService extends SubscriptionOperations {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface IdentityService extends LoyaltyOperations {}
// Seed 003: OAuth2 sign-in for customer apps, and the messages the org sent (test control shows them).
export interface IdentityService extends CustomerAppOperations, CommunicationOperations {}
// Seed 003: user groups and their transactions.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface IdentityService extends UserGroupOperations {}
// Seed 003: Connect+ imports.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface IdentityService extends ImportOperations {}
// Code-linked promotions (seed 003), and the org's time they expire by (the test-control clock is LoyaltyOperations.setClock).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface IdentityService extends PromotionOperations, CouponOperations, AudienceOperations {
  orgNow(orgId: number): string;
}
