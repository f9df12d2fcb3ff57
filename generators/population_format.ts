// The population file format: what `memberspec generate` writes and `memberspec seed` reads.
// NDJSON: line 1 is a PopulationHeader, every other line a SourceProfileRecord, in the order the
// profiles are to be sent. The ground truth is a second NDJSON file beside it (GroundTruthRecord per
// person). Generators never import the reference: the truth comes from how the population is built.

export const POPULATION_FORMAT_VERSION = 1;

/** The org a population is meant for: the seed command creates it when the target has test control. */
export interface PopulationOrgSetup {
  readonly configs: Readonly<Record<string, string | number | boolean>>;
  readonly baseCountry?: string;
  readonly supportedCountries?: readonly string[];
  /**
   * The org's customer status labels in the order they are created (the test-control org setup's
   * `statusLabels`). Profiles' `statusLabel`s are sent only when the org declares labels and has
   * customer status on (configs.CONF_CUSTOMER_STATUS_ENABLED, on unless stated false).
   */
  readonly statusLabels?: readonly PopulationStatusLabel[];
}

/** One status label of the org: one of the seven statuses, the label's name, optional restrictions. */
export interface PopulationStatusLabel {
  readonly status: string;
  readonly label: string;
  readonly restrictions?: readonly string[];
}

export interface PopulationHeader {
  readonly record: 'population';
  readonly formatVersion: typeof POPULATION_FORMAT_VERSION;
  /** memberspec's package version that wrote the file (reproducibility is per version). */
  readonly generatorVersion: string;
  readonly seed: number;
  readonly persons: number;
  /** The named population profile (e.g. 'balanced', 'merge-heavy', 'dual-eligibility'). */
  readonly profile: string;
  /** Registration and transaction dates fall in [from, to] (ISO 8601). */
  readonly from: string;
  readonly to: string;
  readonly org: PopulationOrgSetup;
}

export interface PopulationIdentifier {
  /** mobile, email, externalId, wechat, ... as the v2 API names identifier types. */
  readonly type: string;
  readonly value: string;
}

export interface PopulationCommChannel {
  readonly type: string;
  readonly value: string;
  readonly primary?: boolean;
  readonly verified?: boolean;
  readonly subscribed?: boolean;
}

export interface PopulationSubscription {
  /** The channel the subscription is for (SMS, EMAIL, WECHAT, ...). */
  readonly channel: string;
  /** TRANS (transactional) or BULK (promotional). */
  readonly type: 'TRANS' | 'BULK';
  readonly status: 'OPTIN' | 'OPTOUT';
}

export interface PopulationCard {
  readonly cardNumber: string;
  readonly seriesCode?: string;
}

export interface PopulationLineItem {
  readonly sku: string;
  readonly description: string;
  readonly qty: number;
  readonly rate: number;
  readonly amount: number;
}

export interface PopulationTransaction {
  readonly billNumber: string;
  readonly billAmount: number;
  readonly billDate: string;
  readonly storeCode: string;
  readonly lineItems: readonly PopulationLineItem[];
}

/** One source profile of one (hidden) person: a registration through the contract. */
export interface SourceProfileRecord {
  readonly record: 'profile';
  /** Unique in the file; the ground truth refers to it. */
  readonly profileId: string;
  /** An API source enum value (INSTORE, WECHAT, WEB_ENGAGE, ECOMMERCE, MOBILE_APP, FACEBOOK, LINE, ...). */
  readonly source: string;
  /** Set for multi-account sources (WECHAT, FACEBOOK, LINE, MOBILE_APP, WEB_ENGAGE, MPUSH_FCM). */
  readonly accountId?: string;
  readonly loyaltyType: 'loyalty' | 'non_loyalty';
  readonly firstName?: string;
  readonly lastName?: string;
  readonly identifiers: readonly PopulationIdentifier[];
  readonly commChannels: readonly PopulationCommChannel[];
  /** Registration date through this source (ISO 8601). */
  readonly createDate: string;
  /** Status label the person carries (absent: the default, Active). */
  readonly statusLabel?: string;
  readonly subscriptions: readonly PopulationSubscription[];
  readonly cards: readonly PopulationCard[];
  readonly transactions: readonly PopulationTransaction[];
  /** Org-specific fields of the profile (the API's extendedFields); absent unless the generator was asked for them. */
  readonly extendedFields?: Readonly<Record<string, string | number | boolean>>;
}

export type PopulationRecord = PopulationHeader | SourceProfileRecord;

/** One real person of the population and every profile that belongs to them. */
export interface GroundTruthRecord {
  readonly record: 'person';
  readonly personId: string;
  /** Market (ISO 3166 alpha-2 of IN, ID, CN, SG, MY, AE, ...). */
  readonly market: string;
  /** In file order. */
  readonly profileIds: readonly string[];
  /** The generator's own labels for what it did to this person (e.g. 'moved-mobile', 'campaign-collision'). */
  readonly traits: readonly string[];
}

/** The ground-truth file's name for a population file: `people.ndjson` -> `people.truth.ndjson`. */
export function groundTruthPath(populationPath: string): string {
  return populationPath.replace(/(\.ndjson)?$/, '.truth.ndjson');
}
