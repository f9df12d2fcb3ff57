// The port between the living spec and any target. Steps call only what is declared here;
// adapters (in-process, HTTP) implement it. Results are plain data, never HTTP objects.
import type {
  Card,
  CardRequest,
  CustomerUpdate,
  CustomerView,
  IdentifierChange,
  IncomingCustomer,
  LookupQuery,
  MergeRecord,
  OrgSetup,
  TransactionInput,
  LineItem,
} from '../reference/domain/types.ts';
import type { Subscription, SubscriptionFilter, SubscriptionInput } from '../reference/domain/types.ts';
import type { CustomerAppClient, PartnerAppCredentials } from './customer_app_client.ts';

export type { CustomerAppClient, OAuthResult, PartnerAppCredentials, TokenPlacement, TokenSet } from './customer_app_client.ts';

export type {
  LineItem,
  Card,
  CardRequest,
  CardStatus,
  CommChannel,
  CustomerUpdate,
  CustomerView,
  Identifier,
  IdentifierChange,
  IncomingCustomer,
  LookupQuery,
  LoyaltyType,
  MergeRecord,
  OrgSetup,
  SourceProfile,
  TransactionInput,
} from '../reference/domain/types.ts';
export type {
  Subscription,
  SubscriptionFilter,
  SubscriptionInput,
  SubscriptionPriority,
  SubscriptionType,
  TestControlStatus,
} from '../reference/domain/types.ts';
export type { CustomerStatusView, FraudDetails, StatusLabelSetup } from '../reference/domain/customer_status.ts';
// The status vocabulary (seed words <-> API names), so steps turn the features' words into values.
export { FRAUD_STATUSES, resolveStatus } from '../reference/domain/customer_status.ts';
export { resolveRestriction } from '../reference/domain/restrictions.ts';
export type { RedemptionFilter as RedemptionFilterSpec } from '../reference/domain/coupons.ts';
import type { RedemptionFilter as RedemptionFilterSpec } from '../reference/domain/coupons.ts';

/** One entry of a customer's status log, as the target answers it. */
export interface StatusLogEntryView {
  readonly status: string;
  readonly label: string;
  readonly reason: string;
  readonly changedBy: string;
  readonly changedOn: string;
  readonly isActive: boolean;
}

export interface ApiMessage {
  readonly code: number;
  readonly message: string;
}

/** What the target answered to one operation (a contract operationId): a value with warnings, or a refusal. */
export type Result<T> =
  | { readonly ok: true; readonly operation: string; readonly value: T; readonly warnings: readonly ApiMessage[] }
  | {
      readonly ok: false;
      readonly operation: string;
      readonly status: number;
      readonly error: ApiMessage;
      readonly errors: readonly ApiMessage[];
    };

/**
 * How a test-control request presents the extension's admin token: as the harness holds it ('held',
 * the default), not at all ('missing') or altered ('wrong'). Anything but 'held' needs capabilities.adminToken.
 */
export type AdminCredential = 'held' | 'missing' | 'wrong';

export interface Capabilities {
  /** The target offers the test-control extension (isolated orgs with given configs, customer listing). */
  readonly testControl: boolean;
  /** The harness holds the admin token the target's test-control extension requires. */
  readonly adminToken: boolean;
}

/** One request/response pair, kept for the report. Credentials are redacted. */
export interface Exchange {
  readonly operation: string;
  readonly method: string;
  readonly url: string;
  readonly requestHeaders: Record<string, string>;
  readonly requestBody?: unknown;
  readonly status: number;
  readonly responseBody?: unknown;
  readonly durationMs: number;
}

export interface Driver {
  /** 'in-process' or 'http'. */
  readonly name: string;
  readonly capabilities: Capabilities;
  /**
   * An isolated org with the given configs, and a session authenticated as its till.
   * Throws NotApplicableError when the target has a fixed configuration that differs, and
   * HarnessError when the target refuses the setup (the scenario's setup is then broken).
   */
  createOrg(setup: OrgSetup): Promise<OrgSession>;
  /**
   * Test control: asks the target for a new org and returns its answer, a refusal included (an unknown
   * config 8206, a bad value 8207). Throws NotApplicableError without the test-control extension.
   */
  requestOrg(setup: OrgSetup, credential?: AdminCredential): Promise<Result<OrgSession>>;
  /** Every exchange since the last call, oldest first; clears the buffer. */
  takeTranscript(): Exchange[];
  close(): Promise<void>;
}

export interface OrgSession {
  readonly orgId: string;
  /** The till's credentials, to hand the org to another process or thread (load shards); never for reports. */
  till?(): { readonly username: string; readonly password: string };
  register(customer: IncomingCustomer): Promise<Result<{ customerId: number }>>;
  /** Sends a registration body exactly as given (for malformed or oversized input). */
  registerRaw(body: string): Promise<Result<{ customerId: number }>>;
  addTransaction(transaction: TransactionInput): Promise<Result<TransactionOutcome>>;
  lookUp(query: LookupQuery): Promise<Result<{ customerId: number }>>;
  getCustomer(customerId: number): Promise<Result<CustomerView>>;
  getCustomerByIdentifier(query: LookupQuery): Promise<Result<CustomerView>>;
  updateCustomer(customerId: number, update: CustomerUpdate): Promise<Result<{ customerId: number }>>;
  changeIdentifier(customerId: number, change: IdentifierChange): Promise<Result<{ customerId: number }>>;
  mergeCustomers(request: { survivorId: number; victimId: number }): Promise<Result<{ requestId: number }>>;
  /** Test control: all customers of the org, merge victims included. */
  listCustomers(): Promise<{ customers: CustomerView[]; merges: MergeRecord[] }>;
  /** Test control: the customer listing's answer, a refusal included, sent with the given admin credential. */
  requestCustomerList(credential: AdminCredential): Promise<Result<{ customers: CustomerView[] }>>;
  /**
   * Test control: freezes the org's clock at `instant` (ISO 8601), running the jobs due by then (points expiry,
   * promised points; promo codes and coupons expire by it). Throws NotApplicableError without the test-control
   * extension; a refusal (a bad date, or back in time once the org has a ledger) is a Result.
   */
  setClock(instant: string): Promise<Result<{ now: string }>>;
  /** The same org reached with no credentials at all. */
  anonymous(): OrgSession;
  /** The same org reached with the till's password sent as it is, where its md5 belongs (a client's slip). */
  withPlainPassword(): OrgSession;
  /** The same org reached with one more hex digit after the md5 of the till's password (a client's slip). */
  withMd5AndOneMoreDigit(): OrgSession;

  // Subscriptions and test/control groups
  /** Sets opt-ins/opt-outs; the answer lists the entries as the target stored them. */
  updateSubscriptions(customerId: number, subscriptions: SubscriptionInput[]): Promise<Result<{ subscriptions: Subscription[] }>>;
  /** The subscriptions of one source account, or of all (no source, or ALL). */
  getSubscriptions(customerId: number, filter: SubscriptionFilter): Promise<Result<{ subscriptions: Subscription[] }>>;
  changeTestControl(customerId: number, status: string): Promise<Result<{ customerId: number }>>;
  // ---- Loyalty operations (loyalty_operations features)
  /** The customer's transactions, newest first. */
  transactionsOf(customerId: number): Promise<Result<TransactionView[]>>;
  /** Points and tier (the customer view's points summary). */
  pointsSummary(customerId: number): Promise<Result<PointsSummaryView>>;
  /** Every event of a ledger view (default: the last 7 days), oldest first, read page by page (10 a page). */
  pointsLedger(customerId: number, view?: Pick<LedgerViewRequest, 'startDate' | 'endDate'>): Promise<Result<LedgerEntryView[]>>;
  /** One page of a ledger view (seed 003 "API to fetch Points Ledger Entries"). */
  readLedger(customerId: number, view?: LedgerViewRequest): Promise<Result<LedgerPageView>>;
  /** The ledger's closing balance: the regular points of every program. */
  pointsBalance(customerId: number): Promise<Result<number>>;
  /** The closing balances of a ledger view, per program and points category. */
  ledgerBalances(customerId: number, view?: LedgerViewRequest): Promise<Result<ClosingBalanceView[]>>;
  /** Seed 003 "Points Transfer". */
  transferPoints(fromId: number, toId: number, points: number): Promise<Result<{ balance: number }>>;
  /** Seed 003 "Transaction Return": the whole bill, or `amount` of it. */
  returnTransaction(customerId: number, billNumber: string, amount?: number): Promise<Result<ReturnOutcome>>;
  /** Seed 003 "Redemption Reversal" of a redemption (by the id its redemption answered). */
  reverseRedemption(customerId: number, redemptionId: number): Promise<Result<{ balance: number }>>;
  giveGoodwillPoints(customerId: number, points: number, reason: string, programId?: number): Promise<Result<PointsWriteOutcome>>;
  /** Points an import brings (ALLOCATION, the default) or takes (REDEMPTION, EXPIRY; seed 003). */
  importPoints(customerId: number, points: number, importReference: string, type?: 'ALLOCATION' | 'REDEMPTION' | 'EXPIRY'): Promise<Result<PointsWriteOutcome>>;
  /** Seed 003 goodwill by card: the customer named by a card number or card external id; the program the card's unless given. */
  giveGoodwillPointsByCard(
    card: { readonly by: 'cardnumber' | 'cardExternalId'; readonly value: string },
    points: number,
    reason: string,
    programId?: number,
  ): Promise<Result<GoodwillOutcome>>;
  awardReferral(referrerId: number, refereeId: number): Promise<Result<PointsWriteOutcome>>;
  /** Where a redemption was made (seed 003 "merchant_store_id") and the bill it was made on. */
  redeemPoints(customerId: number, points: number, where?: { storeCode?: string; billNumber?: string }): Promise<Result<{ balance: number; redemptionId: number }>>;
  createCouponSeries(series: CouponSeriesSpec): Promise<Result<{ seriesId: number }>>;
  issueCoupon(seriesId: number, customerId: number): Promise<Result<{ couponId: number; code: string }>>;
  redeemCoupon(code: string, customerId: number, storeCode?: string): Promise<Result<{ couponId: number }>>;
  /** The customer's coupons with a status filter (e.g. ACTIVE_UNREDEEMED), newest first. */
  couponsOf(customerId: number, status?: string): Promise<Result<CouponView[]>>;

  /** A series' information: counts and who claimed it (seed 003 "Coupons Claimed Information"). */
  couponSeries(seriesId: number): Promise<Result<CouponSeriesView>>;
  setIssualLimit(seriesId: number, issualLimit: number): Promise<Result<CouponSeriesView>>;
  /** An outbound campaign (OUTBOUND) or a loyalty program (LOYALTY) claims the series. */
  claimCouponSeries(seriesId: number, claimedBy: string, name: string): Promise<Result<CouponSeriesView>>;
  /** The customer redemptions read (points and coupons) with its documented filters. */
  customerRedemptions(customerId: number, filter: RedemptionFilterSpec): Promise<Result<RedemptionsView>>;
  /** Test control: notifications sent to the brand's contacts, oldest first (NotApplicableError without it). */
  brandNotifications(): Promise<BrandNotificationView[]>;

  // ---- Audience Manager filters (audiences features)
  /** Customers whose line items in the date range pass every filter (and the loyalty type, if given), by id. */
  queryAudience(query: AudienceQuerySpec): Promise<Result<{ customerIds: number[] }>>;

  // ---- Code-linked promotions (promotions features)
  createPromotion(promotion: PromotionSpec): Promise<Result<{ promotionId: number }>>;
  /** Generates `count` codes, or uploads `codes`; answers the new codes. */
  addPromoCodes(promotionId: number, request: { count?: number; codes?: string[] }): Promise<Result<{ codes: string[] }>>;
  /** A promotion's codes with their redemptions and links. */
  promoCodes(promotionId: number): Promise<Result<PromoCodeView[]>>;
  /** The link-code API: the code becomes the customer's, applied at their next transaction. */
  linkPromoCode(customerId: number, code: string, mode: string): Promise<Result<{ code: string; customerId: number }>>;
  // setClock (the org's clock, test control) is declared with the other test-control operations above.

  // ---- Customer status (customer_status features)
  /** The till this session calls as (status changes name it as their author). */
  readonly tillUsername: string;
  /** Gives the customer found by `query` a status label, with the reason for the change. */
  changeStatusLabel(query: LookupQuery, change: { label: string; reason: string }): Promise<Result<{ customerId: number }>>;
  /** The customer's status label changes, newest first. */
  statusLog(customerId: number): Promise<Result<StatusLogEntryView[]>>;
  requestPiiDeletion(customerId: number): Promise<Result<{ customerId: number }>>;
  setFraudStatus(customerId: number, change: { status: string; reason: string }): Promise<Result<{ customerId: number }>>;

  // ---- Cards (cards features)
  /** Seed 002 "Link card" (a number) or "Issue card" (a series' next number), through changeIdentifier. */
  addCard(customerId: number, card: CardRequest, through: { source: string; accountId?: string }): Promise<Result<{ customerId: number }>>;
  /** Seed 002 "Change card status & label". */
  changeCardStatus(customerId: number, cardNumber: string, status: string, label?: string): Promise<Result<{ card: Card }>>;
  /** Seed 002 "Check availability" of a card number (optionally as a number of a series). */
  checkCardAvailability(cardNumber: string, seriesId?: number): Promise<Result<{ available: boolean; reason?: string }>>;

  // ---- Communications (seed 003)
  sendSms(message: { to: string; body: string; sender?: string }): Promise<Result<{ sender: string }>>;
  sendEmail(message: { to: string; subject: string; body: string; attachments?: readonly Record<string, string>[] }): Promise<Result<{ attachments: readonly { fileName: string; bytes: number }[] }>>;

  // ---- Imports (seed 003 Connect+ templates)
  /** One CSV file for a template; the answer has a result per row. */
  importCsv(request: { template: string; csv: string; dateFormat?: string }): Promise<Result<ImportOutcome>>;

  // ---- User groups (seed 003 /v2/userGroup2)
  createUserGroup(group: { name: string; primaryMemberId: number; memberIds?: number[]; externalId?: string }): Promise<Result<UserGroupView>>;
  getUserGroup(groupId: number): Promise<Result<UserGroupView>>;
  /** A member's transaction on behalf of the group. */
  addGroupTransaction(groupId: number, transaction: { memberId: number; billNumber: string; billAmount: number; billingTime?: string }): Promise<Result<GroupTransactionView>>;
  /** The group's transactions, newest first. */
  groupTransactions(groupId: number): Promise<Result<GroupTransactionView[]>>;

  // ---- Customer apps (seed 003 OAuth2 sign-in) and the org's outbox
  /** Test control: registers a partner app with its redirect URL; answers its client key and secret. */
  registerPartnerApp(app: PartnerAppSetup): Promise<Result<PartnerAppCredentials>>;
  /** The harness playing that partner app (and its customer on the landing page). */
  partnerApp(credentials: PartnerAppCredentials): CustomerAppClient;
  /** Test control: every SMS and email the org sent, oldest first. */
  sentMessages(): Promise<SentMessageView[]>;
}

export interface ImportRowOutcome {
  readonly row: number;
  readonly status: string;
  readonly customerId?: number;
  readonly code?: number;
}

export interface ImportOutcome {
  readonly accepted: number;
  readonly refused: number;
  readonly rows: readonly ImportRowOutcome[];
}

export interface UserGroupView {
  readonly id: number;
  readonly name: string;
  /** The external id the group was created with, if any. */
  readonly externalId?: string;
  readonly primaryMemberId: number;
  readonly memberIds: readonly number[];
  /** The group's loyalty details; absent when the target answers none (null). */
  readonly loyalty?: { readonly programName: string; readonly tier: string; readonly points: number; readonly lifetimePoints: number };
}

export interface GroupTransactionView {
  readonly id: number;
  readonly memberId: number;
  readonly billNumber: string;
  readonly billAmount: number;
  readonly pointsIssued: number;
  readonly pointsExpiryDate: string;
}

export interface PartnerAppSetup {
  readonly name: string;
  readonly redirectUri: string;
  readonly accessTokenLifetimeSeconds?: number;
  readonly refreshTokenLifetimeSeconds?: number;
}

export interface SentMessageView {
  readonly channel: string;
  readonly to: string;
  readonly body: string;
  readonly purpose: string;
  readonly sentAt: string;
  readonly sender?: string;
  readonly subject?: string;
  readonly attachments?: readonly { readonly fileName: string; readonly bytes: number }[];
}

// ---- Loyalty operations: what the target answers, in the driver's words

export interface AwardView {
  readonly customerId: number;
  readonly points: number;
  readonly isReferrer: boolean;
}

export interface TierUpgradeView {
  readonly customerId: number;
  readonly from: string;
  readonly to: string;
}

export interface PointsWriteOutcome {
  readonly awards: readonly AwardView[];
  readonly tierUpgrades: readonly TierUpgradeView[];
}

/** Where goodwill points went: the customer and the program, as far as the target said. */
export interface GoodwillOutcome extends PointsWriteOutcome {
  readonly customerId?: number;
  readonly programId?: number;
  readonly programName?: string;
}

export interface TransactionOutcome extends PointsWriteOutcome {
  readonly transactionId: number;
  readonly customerId: number;
  readonly outlier: boolean;
  /** Promo codes the bill redeemed (presented or linked), with the discount each gave. */
  readonly appliedPromotions: readonly AppliedPromotionView[];
}

export interface AppliedPromotionView {
  readonly code: string;
  readonly discount: number;
  readonly linked: boolean;
}

export interface AudienceQuerySpec {
  /** Dates (whole days) or date-times, both ends included. */
  readonly from: string;
  readonly to: string;
  readonly loyaltyType?: string;
  readonly filters: readonly { readonly type: string; readonly item: Record<string, unknown>; readonly moreThan: number }[];
}

export interface PromotionSpec {
  readonly name: string;
  readonly discountType: string;
  readonly discountValue: number;
  readonly minBillAmount?: number;
  /** ISO 8601: every code of the promotion is invalid after it. */
  readonly validTill: string;
  readonly limits?: { readonly redemptionsPerCode?: number; readonly redemptionsPerCustomer?: number; readonly transactions?: number };
}

export interface PromoCodeView {
  readonly code: string;
  readonly origin: string;
  readonly redemptions: number;
  readonly linkedCustomerId?: number;
}

export interface TransactionView {
  readonly id: number;
  readonly billNumber: string;
  readonly billAmount: number;
  /** When the bill was made (ISO 8601). */
  readonly billingTime: string;
  readonly storeCode?: string;
  readonly lineItems: readonly LineItem[];
  readonly outlier: boolean;
  readonly pointsIssued: number;
}

export interface PointsSummaryView {
  readonly balance: number;
  readonly lifetimePoints: number;
  readonly redeemed: number;
  readonly tier: string;
  /** The tier's place in the program, from 1 (the platform's slabSNo); the points summary read gives it. */
  readonly tierNumber?: number;
  /** The next tier up and the lifetime points it starts at (nextSlab, nextSlabThreshold); absent in the top tier. */
  readonly nextTier?: { readonly name: string; readonly threshold: number };
}

/** One ledger event as the target shows it, with its entries. */
export interface LedgerEntryView {
  readonly eventLogId: number;
  readonly eventName: string;
  readonly createdAt: string;
  /** Seed 003's points_on_event (netPointsOnEvent). */
  readonly pointsOnEvent: number;
  readonly entries: readonly LedgerLineView[];
  readonly transactionId?: number;
  readonly transactionNumber?: string;
  readonly reason?: string;
  readonly source?: string;
  readonly storeCode?: string;
  readonly tillCode?: string;
}

/** One entry of a ledger event; the category in the seed's words' API form (REGULAR, PROMISED, TRIGGER_BASED). */
export interface LedgerLineView {
  readonly entryType: string;
  readonly points: number;
  readonly category: string;
  readonly programId: number;
  readonly programName?: string;
}

/** What a ledger request asks for; every field optional (the API's defaults apply). */
export interface LedgerViewRequest {
  readonly page?: number;
  readonly limit?: number;
  readonly startDate?: string;
  readonly endDate?: string;
  readonly entryType?: string;
  readonly category?: string;
  readonly programId?: number;
  readonly includeTillConceptEvents?: boolean;
  readonly eventSource?: string;
  readonly tillCode?: string;
}

export interface LedgerPageView {
  readonly customer: { readonly userId: number; readonly firstName?: string; readonly lastName?: string };
  readonly pageNumber: number;
  readonly pageSize: number;
  readonly totalEntries: number;
  readonly pageCount: number;
  readonly entries: readonly LedgerEntryView[];
}

export interface ClosingBalanceView {
  readonly category: string;
  readonly programId?: number;
  readonly programName?: string;
  readonly balance: number;
}

export interface ReturnOutcome {
  readonly returnTransactionId: number;
  readonly pointsReturned: number;
  readonly redemptionsReversed: number;
}

export interface CouponSeriesSpec {
  readonly description: string;
  readonly discountType: string;
  readonly discountValue: number;
  readonly issualLimit: number;
  /** ISO 8601: its coupons expire after it. */
  readonly validTill?: string;
  readonly notifyWhenRemaining?: number;
}

export interface CouponSeriesView {
  readonly issualLimit: number;
  readonly issued: number;
  readonly remaining: number;
  readonly claimed: boolean;
  readonly claimedBy?: string;
  readonly campaignUsingThisOffer?: string;
  readonly programUsingThisOffer?: string;
}

/** A redemption's `store` and `bill` (the documented redeemed_store and transaction_number) are absent when it had none. */
export interface RedemptionsView {
  readonly coupons: readonly { readonly id: number; readonly code: string; readonly redeemedTime: string; readonly store?: string; readonly bill?: string }[];
  readonly points: readonly { readonly id: number; readonly points: number; readonly redeemedTime: string; readonly store?: string; readonly bill?: string }[];
}

export interface BrandNotificationView {
  readonly type: string;
  readonly seriesId: number;
  readonly remaining: number;
  readonly issualLimit: number;
  readonly recipients: readonly string[];
}

export interface CouponView {
  readonly code: string;
  readonly seriesId: number;
  readonly discountType: string;
  readonly discountValue: number;
  readonly redeemed: boolean;
  readonly validTill?: string;
}

/** The target cannot run this scenario (its fixed configuration differs); not a failure. */
export class NotApplicableError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NotApplicableError';
  }
}

/** The target answered outside the contract: the message names the operation and the field. */
export class ContractViolationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContractViolationError';
  }
}

/** The harness, the setup or the transport broke: the scenario's verdict is "error", not "failed". */
export class HarnessError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HarnessError';
  }
}
