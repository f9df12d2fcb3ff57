// The reference's domain vocabulary. Pure data: no I/O, no Express, no store.
import type { ApiMessage } from './errors.ts';

/** Identifier types of the v2 API. mobile, email and externalId take part in matching and merging. */
export type IdentifierType = string;
export const MATCHING_IDENTIFIER_TYPES = ['mobile', 'email', 'externalId'] as const;
export type MatchingIdentifierType = (typeof MATCHING_IDENTIFIER_TYPES)[number];

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
}

export interface Customer {
  readonly id: number;
  loyaltyType: LoyaltyType;
  /** The customer's identifiers used for matching: one value per type, absent when NULL. */
  identifiers: Partial<Record<MatchingIdentifierType, string>>;
  profiles: SourceProfile[];
  registeredOn: string;
  /** Set on a merge victim: the survivor's id. */
  mergedInto?: number;
  /** Seed 002 "Cards": the customer's cards (absent until one is issued or linked). */
  cards?: Card[];
}

/** Seed 002 "Change card status & label": a card's status, and the label shown for it. */
export const CARD_STATUSES = ['ACTIVE', 'SUSPENDED', 'EXPIRED', 'DELETED'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

export interface Card {
  readonly number: string;
  /** The series it was issued from or validated against; absent for a linked number of no series. */
  readonly seriesId?: number;
  status: CardStatus;
  label: string;
}

/** Seed 002 "Link card" / "Issue card": a number to link, or a series to issue the next number from. */
export interface CardRequest {
  readonly number?: string;
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
}

export interface TransactionInput {
  billNumber: string;
  billAmount: number;
  customer: IncomingCustomer;
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
  /** The customer's cards (seed 002 "Cards"); absent when it has none. */
  cards?: Card[];
}

export interface Outcome<T> {
  readonly value: T;
  readonly warnings: ApiMessage[];
}

export interface RegistrationResult {
  customerId: number;
  /** 'created' a new customer, 'updated' an existing one, or 'merged' customers. */
  action: 'created' | 'updated' | 'merged';
  merges: MergeRecord[];
}

export interface TransactionResult {
  transactionId: number;
  customerId: number;
  merges: MergeRecord[];
}

export interface MergeRequestResult {
  requestId: number;
  survivorId: number;
  victimId: number;
  status: 'APPROVED';
}
