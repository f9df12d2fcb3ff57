// The reference's domain vocabulary. Pure data: no I/O, no Express, no store.
import type { CustomerStatusView, FraudDetails, StatusLabel, StatusLabelSetup, StatusLogEntry } from './customer_status.ts';
import type { ApiMessage } from './errors.ts';
import type { AppliedPromotion } from './promotions.ts';

/** Identifier types of the v2 API. mobile, email and externalId take part in matching and merging. */
export type IdentifierType = string;
export const MATCHING_IDENTIFIER_TYPES = ['mobile', 'email', 'externalId'] as const;
export type MatchingIdentifierType = (typeof MATCHING_IDENTIFIER_TYPES)[number];
/**
 * The other identifier types the v2 API documents (capillary-api-notes 1.5; seed 002 "WeChat union ID, and
 * more"), cardnumber aside. Ruling 90: a customer holds, shows and is found by them, but they never match
 * or merge customers.
 */
export const OTHER_IDENTIFIER_TYPES = ['wechat', 'unionId', 'martjackId', 'fbId', 'cuid', 'line', 'tmall_uname', 'ali_uname', 'jd_uname', 'vip_uname'] as const;
export type OtherIdentifierType = (typeof OTHER_IDENTIFIER_TYPES)[number];
/** The other types a lookup may name (capillary-api-notes 3.1: identifierName wechat, martjackId, fbId). */
export const LOOKUP_OTHER_IDENTIFIER_TYPES: readonly OtherIdentifierType[] = ['wechat', 'martjackId', 'fbId'];
/** Custom fields (a profile's `fields`) and extended fields: name -> value, as the API takes them. */
export type FieldValues = Record<string, string | number | boolean>;

export interface Identifier {
  readonly type: IdentifierType;
  readonly value: string;
}

export type LoyaltyType = 'loyalty' | 'non_loyalty';

export interface CommChannel {
  readonly type: string;
  readonly value: string;
  readonly primary?: boolean;
  readonly verified?: boolean;
  readonly subscribed?: boolean;
}

/** One source (and account, for multi-account sources) through which the customer arrived. */
export interface SourceProfile {
  source: string;
  /** '' for single-account sources. */
  accountId: string;
  firstName?: string;
  lastName?: string;
  identifiers: Identifier[];
  commChannels: CommChannel[];
  /** The org's custom fields given through this profile. */
  fields?: FieldValues;
}

export interface Customer {
  readonly id: number;
  loyaltyType: LoyaltyType;
  /** The customer's identifiers used for matching: one value per type, absent when NULL. */
  identifiers: Partial<Record<MatchingIdentifierType, string>>;
  /** Identifiers that never match (ruling 90): one value per type, absent when none. */
  otherIdentifiers?: Partial<Record<OtherIdentifierType, string>>;
  /** The org's extended fields (seed 002 "Customer attributes"); absent when none. */
  extendedFields?: FieldValues;
  profiles: SourceProfile[];
  registeredOn: string;
  /** Set on a merge victim: the survivor's id. */
  mergedInto?: number;
  /** Opt-in/opt-out per source account, channel and priority (see subscriptions.ts); absent: none set. */
  subscriptions?: Subscription[];
  /** Absent: the auto-assigned group, TEST. */
  testControl?: TestControlStatus;
  /** The label assigned to the customer; absent: the org's default (customer_status.ts currentStatus). */
  customerStatus?: CustomerStatusView;
  /** Every status label change, oldest first. */
  statusLog?: StatusLogEntry[];
  /** The legacy fraud status, while customer status is not enabled. */
  fraudDetails?: FraudDetails;
  /** Seed 002 "Cards": the customer's cards (absent until one is issued or linked). */
  cards?: Card[];
}

/** Seed 002 "Change card status & label": a card's status, and the label shown for it. */
export const CARD_STATUSES = ['ACTIVE', 'SUSPENDED', 'EXPIRED', 'DELETED'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

export interface Card {
  readonly number: string;
  /** Seed 003 "Card External Id": the card's own external id, given when it is linked. */
  readonly externalId?: string;
  /** The series it was issued from or validated against; absent for a linked number of no series. */
  readonly seriesId?: number;
  status: CardStatus;
  label: string;
}

/** Seed 002 "Link card" / "Issue card": a number to link, or a series to issue the next number from. */
export interface CardRequest {
  readonly number?: string;
  /** The card's external id (seed 003 goodwill by card). */
  readonly externalId?: string;
  readonly seriesId?: number;
  /** Only ACTIVE labels can be assigned when a card is issued or linked. */
  readonly statusLabel?: string;
}

export interface MergeRecord {
  readonly survivorId: number;
  readonly victimId: number;
  /** What caused the merge. */
  readonly trigger: 'registration' | 'transaction' | 'changeIdentifier' | 'mergeRequest';
  /** Identifiers that moved from the victim to the survivor. */
  readonly moved: Identifier[];
}

/** Org configuration: the documented CONF_* names with typed values (see configs.ts). */
export type ConfigValue = boolean | string | number | string[];
export type OrgConfigs = Readonly<Record<string, ConfigValue>>;

export interface OrgSetup {
  configs?: Record<string, unknown>;
  /** ISO 3166 alpha-2 country of the org, used to complete mobile numbers. */
  baseCountry?: string;
  supportedCountries?: string[];
  /** Customer status labels in the order they were created (the first under Active is the default). */
  statusLabels?: StatusLabelSetup[];
  /** The brand's registered contacts (POCs), who receive its notifications (seed 003). */
  brandContacts?: string[];
}

export interface TillCredentials {
  readonly username: string;
  /** Plain password; clients send base64(username:md5(password)). */
  readonly password: string;
}

export interface Org {
  readonly id: number;
  readonly configs: OrgConfigs;
  readonly baseCountry: string;
  readonly supportedCountries: readonly string[];
  readonly till: TillCredentials;
  /** Customer status labels, in the order they were created. */
  readonly statusLabels?: readonly StatusLabel[];
  readonly brandContacts?: readonly string[];
}

/** The customer part of a registration or of an incoming transaction (seed 004: data, not a customer). */
export interface IncomingCustomer {
  source: string;
  accountId?: string;
  loyaltyType?: LoyaltyType;
  firstName?: string;
  lastName?: string;
  identifiers: Identifier[];
  commChannels?: CommChannel[];
  /** Registration date (v2 createDate), ISO 8601. */
  createDate?: string;
  /** The profile's custom fields (v2 profiles[].fields). */
  fields?: FieldValues;
  /** Extended fields (v2 extendedFields). */
  extendedFields?: FieldValues;
}

export interface TransactionInput {
  billNumber: string;
  billAmount: number;
  customer: IncomingCustomer;
  /** When the bill was made (ISO 8601); absent: when the platform receives it. */
  billingTime?: string;
  /** The store where the bill was made (seed 002 "recently transacted store"). */
  storeCode?: string;
  /** The bill's lines; when given, the bill amount must equal their total. */
  lineItems?: LineItem[];
  /** Promo codes presented at checkout (seed 003 "Code linked promotions"). */
  promoCodes?: string[];
}

export interface IdentifierChange {
  source: string;
  accountId?: string;
  add: Identifier[];
  remove: Identifier[];
  /** Cards to link or issue with the change (the changeIdentifier "Issue Card" form). */
  cards?: CardRequest[];
}

export interface CustomerUpdate {
  source: string;
  accountId?: string;
  loyaltyType?: LoyaltyType;
  firstName?: string;
  lastName?: string;
}

export interface LookupQuery {
  source: string;
  accountId?: string;
  /** Several only for dual eligibility (order-matched names and values). */
  identifiers: Identifier[];
}

/** What the API shows of a customer: identifiers with the primary one first. */
export interface CustomerView {
  id: number;
  loyaltyType: LoyaltyType;
  identifiers: Identifier[];
  profiles: SourceProfile[];
  /** Communication channel types the customer can be reached on (seed 002 "Reachable on"). */
  reachableOn: string[];
  registeredOn: string;
  mergedInto?: number;
  /** Seed 002 "Customer attributes": the extended fields; absent when none. */
  extendedFields?: FieldValues;
  /** Seed 002 "Test & control status". */
  testControl?: TestControlStatus;
  /** Shown while customer status is enabled (seed 002 "Customer status and name"). */
  customerStatus?: CustomerStatusView;
  /** Shown while customer status is not enabled and a fraud status is set; neither: blank. */
  fraudDetails?: FraudDetails;
  /** The customer's cards (seed 002 "Cards"); absent when it has none. */
  cards?: Card[];
}

export interface Outcome<T> {
  readonly value: T;
  readonly warnings: ApiMessage[];
}

export interface RegistrationResult {
  customerId: number;
  merges: MergeRecord[];
}

export interface TransactionResult {
  transactionId: number;
  customerId: number;
  merges: MergeRecord[];
  /** The customer's status label marks their transactions as outliers. */
  outlier: boolean;
  /** Points the bill earned (0 when points allocation is blocked). */
  pointsAwarded: number;
  /** Set when the bill lifted the customer into a higher tier. */
  tierUpgrade?: TierUpgrade;
  /** Promo codes the bill redeemed: presented ones and the customer's linked ones. */
  appliedPromotions?: AppliedPromotion[];
}

export interface MergeRequestResult {
  requestId: number;
  survivorId: number;
  victimId: number;
  status: 'APPROVED';
}

// ---- Subscriptions and test/control groups (seed 000 "Managing subscription", "Managing test and control status")

/** TRANS: transactional messages; BULK: promotional messages (the seeds' words are aliases). */
export type SubscriptionPriority = 'TRANS' | 'BULK';
export type SubscriptionType = 'OPTIN' | 'OPTOUT';

/** One opt-in or opt-out of a source account's channel for one priority. */
export interface Subscription {
  readonly source: string;
  /** '' for single-account sources. */
  readonly accountId: string;
  /** Lowercase channel type, as in sources.ts CHANNELS. */
  readonly channel: string;
  readonly priority: SubscriptionPriority;
  readonly type: SubscriptionType;
}

/** A subscription as a client sends it: names not yet checked (aliases and case allowed). */
export interface SubscriptionInput {
  source: string;
  accountId?: string;
  channel: string;
  priority: string;
  type: string;
}

/** Which subscriptions to read: source 'ALL' (or absent) reads every source account. */
export interface SubscriptionFilter {
  source?: string;
  accountId?: string;
}

/** Test group customers receive campaign communications; control group customers do not. */
export type TestControlStatus = 'TEST' | 'CONTROL';
// ---- Loyalty operations: transactions' lines, points, tiers, coupons ------------------------------

export interface LineItem {
  sku: string;
  description?: string;
  /** The product's category and attributes (seed 003 Audience Manager filters). */
  category?: string;
  attributes?: Record<string, string>;
  qty: number;
  rate: number;
  amount: number;
}

export interface TierUpgrade {
  readonly from: string;
  readonly to: string;
}

/**
 * Ledger event names: the platform's (capillary-api-notes §8.1) where it names the event, else seed 003's
 * heading in the same style (TransactionReturn, MergeCustomer, PointsLedgerBulkJob; ruling 102).
 */
export type LedgerEventName =
  | 'CustomerRegistration'
  | 'PointsLedgerBulkJob'
  | 'TransactionAdd'
  | 'TransactionReturn'
  | 'PointsRedemption'
  | 'PointsRedemptionReversal'
  | 'PointsTransfer'
  | 'PointsExpiry'
  | 'AllocateGoodwillPoints'
  | 'BulkAllocatePoints'
  | 'GenericEvent'
  | 'MergeCustomer'
  | 'PromisedPointsConversion';

/** Seed 003's points categories; the API's pointCategoryType names. */
export type PointsCategory = 'REGULAR' | 'PROMISED' | 'TRIGGER_BASED';
export type LedgerEntryType = 'CREDIT' | 'DEBIT' | 'OPENING_BALANCE';

/** One entry of a ledger event: the points it moves in one program's account of one category. */
export interface LedgerLine {
  readonly entryType: LedgerEntryType;
  /** Never negative: the entry type says which way the points move. */
  readonly points: number;
  readonly category: PointsCategory;
  readonly programId: number;
  /** Within a transaction return: which half this line is. */
  readonly purpose?: 'POINTS_RETURN' | 'REDEMPTION_REVERSAL';
}

/** One ledger event of one customer (the API's ledgerEntries item) with its entries. */
export interface LedgerEntry {
  readonly eventLogId: number;
  readonly customerId: number;
  readonly eventName: LedgerEventName;
  readonly createdAt: string;
  readonly lines: readonly LedgerLine[];
  /** The source the request came through (the till's INSTORE when it names none). */
  readonly source: string;
  /** Why: the goodwill reason, the import reference, REFERRER / REFEREE, the redemption's purpose. */
  readonly reason?: string;
  readonly transactionId?: number;
  readonly billNumber?: string;
  /** Where a redemption was made (seed 003 "merchant_store_id"). */
  readonly storeCode?: string;
  /** The other customer of a transfer or a merge. */
  readonly counterpartId?: number;
  /** The event this one answers: the redemption a reversal reverses, the accrual a conversion converts. */
  readonly relatedEventId?: number;
  /** A transaction return: the amount returned. */
  readonly returnedAmount?: number;
}

/** A customer's points and tier as the points summary shows them. */
export interface PointsAccount {
  readonly customerId: number;
  readonly balance: number;
  readonly lifetimePoints: number;
  readonly redeemed: number;
  readonly tier: string;
}

export interface CouponSeries {
  readonly id: number;
  readonly description: string;
  readonly discountType: 'ABS' | 'PERC';
  readonly discountValue: number;
  /** How many coupons the series may issue in all. */
  readonly issualLimit: number;
  readonly issued: number;
  /** Last instant its coupons are active (ISO 8601); absent: they never expire. */
  readonly validTill?: string;
  /** Seed 003 "Send notification for issual limit": notify the brand when this many coupons remain. */
  readonly notifyWhenRemaining?: number;
  /** The notification went out and the limit was not raised past it since. */
  readonly notified?: boolean;
  /** Seed 003 "Coupons Claimed Information": the outbound campaign or loyalty program using the series. */
  readonly claim?: { readonly by: 'OUTBOUND' | 'LOYALTY'; readonly name: string };
}

/** A message the platform sent to the brand's registered contacts (seed 003: the issual-limit email). */
export interface BrandNotification {
  readonly id: number;
  readonly type: 'COUPON_ISSUAL_LIMIT';
  readonly seriesId: number;
  readonly seriesDescription: string;
  readonly issualLimit: number;
  readonly remaining: number;
  readonly recipients: readonly string[];
  readonly sentAt: string;
}

export interface Coupon {
  readonly id: number;
  readonly code: string;
  readonly seriesId: number;
  readonly customerId: number;
  readonly issuedAt: string;
  readonly redemption?: { readonly redeemedAt: string; readonly billNumber?: string; readonly storeCode?: string };
}
