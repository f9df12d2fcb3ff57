// The documented org configurations (seed 000/001 "Setup customer configs", seed 004 CONF_SKIP_SECONDARY).
// One table of definitions drives parsing, defaults and the typed settings the rules read.
import { checkCardConfigs, parseSourceAccounts } from './card_configs.ts';
import { CARD_ALGORITHMS, CHECKSUM_INCLUDES } from './card_numbers.ts';
import { DomainError } from './errors.ts';
import { LOYALTY_DEFAULTS, formatTiers, parseAmountConfig, parsePrograms, parseTiers } from './loyalty_program.ts';
import { MATCHING_IDENTIFIER_TYPES, type ConfigValue, type MatchingIdentifierType, type OrgConfigs } from './types.ts';

type ConfigKind = 'boolean' | 'enum' | 'dateTime' | 'amount' | 'wholeAmount' | 'tiers' | 'programs' | 'integer' | 'alphanumeric' | 'sourceAccounts' | 'timeZone' | 'senderIds';

export interface ConfigDefinition {
  readonly name: string;
  readonly kind: ConfigKind;
  /** Undefined: the setting is off until an org sets it (CONF_MIN_REGISTRATION_DATE). */
  readonly default?: boolean | string | number;
  readonly allowed?: readonly string[];
}

const bool = (name: string, value: boolean): ConfigDefinition => ({ name, kind: 'boolean', default: value });

export const CONFIG_DEFINITIONS: readonly ConfigDefinition[] = [
  { name: 'CONF_REGISTRATION_PRIMARY_KEY', kind: 'enum', default: 'mobile', allowed: MATCHING_IDENTIFIER_TYPES },
  bool('CONF_ALLOW_REGISTRATION_FROM_ANY_IDENTIFIERS', false),
  bool('CONF_USERS_IS_EMAIL_REQUIRED', false),
  bool('CONF_USERS_IS_EMAIL_UNIQUE', true),
  bool('CONF_USERS_USE_EXTERNAL_ID', true),
  bool('CONF_USERS_IS_EXTERNAL_ID_REQUIRED', false),
  bool('CONF_USERS_IS_MOBILE_REQUIRED', false),
  bool('CONF_ALLOW_MOBILE_UPDATE', true),
  bool('CONF_ALLOW_EMAIL_UPDATE', true),
  bool('CONF_LOYALTY_ALLOW_EXTERNAL_ID_UPDATE', true),
  bool('CONF_PRIMARY_IDENTIFIER_STRICT_CHECK', false),
  bool('CONF_SKIP_SECONDARY_ID_ON_PRIMARY_MISMATCH', false),
  { name: 'CONF_MIN_REGISTRATION_DATE', kind: 'dateTime' },
  bool('CONF_CLIENT_DEFAULT_COUNTRYCODE_PASSED', false),
  bool('CONF_IDENTIFIERS_SYNC_ENABLED', false),
  bool('CONF_RESTRICT_ORPHAN_V2_PROFILE', false),
  bool('CONF_INSTORE_V2_ENABLED', false),
  // The loyalty program (memberspec's design; see loyalty_program.ts).
  { name: 'CONF_LOYALTY_POINTS_PER_CURRENCY_UNIT', kind: 'amount', default: LOYALTY_DEFAULTS.CONF_LOYALTY_POINTS_PER_CURRENCY_UNIT },
  { name: 'CONF_LOYALTY_TIERS', kind: 'tiers', default: LOYALTY_DEFAULTS.CONF_LOYALTY_TIERS },
  { name: 'CONF_LOYALTY_REFERRER_POINTS', kind: 'wholeAmount', default: LOYALTY_DEFAULTS.CONF_LOYALTY_REFERRER_POINTS },
  { name: 'CONF_LOYALTY_REFEREE_POINTS', kind: 'wholeAmount', default: LOYALTY_DEFAULTS.CONF_LOYALTY_REFEREE_POINTS },
  // Seed 003 group transactions show "their expiry details": days points issued on a bill stay valid.
  { name: 'CONF_LOYALTY_POINTS_VALIDITY_DAYS', kind: 'wholeAmount', default: 365 },
  // Seed 003 "Points ledger": programs (each with the three points categories), expiry and promised points.
  { name: 'CONF_LOYALTY_PROGRAMS', kind: 'programs', default: LOYALTY_DEFAULTS.CONF_LOYALTY_PROGRAMS },
  { name: 'CONF_LOYALTY_POINTS_EXPIRY_DAYS', kind: 'wholeAmount', default: LOYALTY_DEFAULTS.CONF_LOYALTY_POINTS_EXPIRY_DAYS },
  { name: 'CONF_LOYALTY_PROMISED_POINTS_DAYS', kind: 'wholeAmount', default: LOYALTY_DEFAULTS.CONF_LOYALTY_PROMISED_POINTS_DAYS },
  // Seed 003 "Time Zone in Interactions Tab": the org's time zone (IANA name); interactions show their time in it.
  { name: 'CONF_ORG_TIMEZONE', kind: 'timeZone', default: 'UTC' },
  // Seed 003 "Send SMS to customers from OU specific Sender IDs": the org's default sender ID and the sender IDs
  // configured for the org and its OUs (comma-separated).
  { name: 'CONF_SMS_DEFAULT_SENDER_ID', kind: 'alphanumeric', default: 'MEMBRS' },
  { name: 'CONF_SMS_SENDER_IDS', kind: 'senderIds', default: '' },
  // Ruling 23, a reading a vendor states (seed 000: "a customer's communication channel, such as WeChat, may
  // exclusively come from the WeChat system"): on, a WeChat or LINE channel comes only through its own source.
  bool('CONF_CHANNELS_FROM_OWN_SOURCE_ONLY', false),
  // Seed 001 "Enable customer status". Ruling 7: on unless the org states false (seed 002: "From June 2024,
  // the customer status feature will be enabled by default for new organizations.").
  bool('CONF_CUSTOMER_STATUS_ENABLED', true),
  // Seed 001 "External ID configuration": the card-number series; cross-checked by checkCardConfigs.
  bool('CONF_CARD_NUMBER_GENERATION_ENABLED', false),
  { name: 'SOURCE_ACCOUNTS_EXTERNALID_ENABLED', kind: 'sourceAccounts' },
  { name: 'CONF_CARD_CHECKSUM_DIGIT_ALGO', kind: 'enum', allowed: CARD_ALGORITHMS },
  { name: 'CONF_CARD_NUMBER_LENGTH', kind: 'integer' },
  // Seed 001: "Any integer value" (ruling 33: a negative offset ignores no number).
  { name: 'CONF_CARD_NUMBER_OFFSET', kind: 'integer', default: 0 },
  { name: 'CONF_CARD_NUMBER_PREFIX', kind: 'alphanumeric', default: '' },
  { name: 'CONF_CARD_NUMBER_SUFFIX', kind: 'alphanumeric', default: '' },
  { name: 'CONF_VALUES_TO_INCLUDE_FOR_CHECKSUM_DIGIT', kind: 'enum', default: 'NONE', allowed: CHECKSUM_INCLUDES },
];

/** Ruling 2: seed 004 calls the skip switch CONF_SKIP_SECONDARY; both names set the same switch. */
export const CONFIG_ALIASES: Readonly<Record<string, string>> = {
  CONF_SKIP_SECONDARY: 'CONF_SKIP_SECONDARY_ID_ON_PRIMARY_MISMATCH',
};

const BY_NAME = new Map(CONFIG_DEFINITIONS.map((definition) => [definition.name, definition]));

/** Every documented config at its default (CONF_MIN_REGISTRATION_DATE absent: no minimum). */
export function defaultConfigs(): Record<string, ConfigValue> {
  const configs: Record<string, ConfigValue> = {};
  for (const definition of CONFIG_DEFINITIONS) {
    // Stryker disable next-line ConditionalExpression: a setting without a default stored as undefined reads as absent everywhere
    if (definition.default !== undefined) configs[definition.name] = definition.default;
  }
  return configs;
}

function parseValue(definition: ConfigDefinition, raw: unknown): ConfigValue | undefined {
  // Quoted only when refused; the body's nesting limit keeps JSON.stringify off deep values.
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral,LogicalOperator: how the refused value is quoted in the error detail (wording)
  const invalid = () => new DomainError(8207, definition.name, typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? String(raw)));
  switch (definition.kind) {
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      // Seed 001: "0 - Disable 1 - Enable", as a number or as text in any case.
      const text = typeof raw === 'string' ? raw.trim().toLowerCase() : typeof raw === 'number' ? String(raw) : undefined;
      if (text === 'true' || text === '1') return true;
      if (text === 'false' || text === '0') return false;
      throw invalid();
    }
    case 'enum': {
      const match = definition.allowed!.find((value) => typeof raw === 'string' && value.toLowerCase() === raw.trim().toLowerCase());
      if (match === undefined) throw invalid();
      return match;
    }
    case 'dateTime': {
      if (raw === null || raw === '') return undefined;
      if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(Date.parse(raw))) throw invalid();
      return new Date(raw).toISOString();
    }
    case 'amount':
    case 'wholeAmount':
      return parseAmountConfig(raw, definition.name, definition.kind === 'wholeAmount');
    case 'tiers':
      return formatTiers(parseTiers(raw, definition.name));
    case 'programs':
      return parsePrograms(raw, definition.name).map((program) => program.name).join(',');
    case 'integer': {
      // Stryker disable next-line Regex: Number() refuses text around the digits anyway ("x16", "16x" are NaN)
      const value = typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : raw;
      if (!Number.isSafeInteger(value)) throw invalid();
      return value as number;
    }
    case 'alphanumeric': {
      // A whole number is taken as its digits (a negative one then fails the letters-and-digits check).
      const value = Number.isSafeInteger(raw) ? String(raw) : raw;
      if (typeof value !== 'string') throw invalid();
      const text = value.trim();
      if (!/^[A-Za-z0-9]*$/.test(text)) throw invalid();
      return text;
    }
    case 'timeZone': {
      // An empty or unknown name is refused by Intl below.
      // Stryker disable next-line ConditionalExpression: equivalent, a value that is not text fails at trim() inside the try and is refused the same
      if (typeof raw !== 'string') throw invalid();
      try {
        return new Intl.DateTimeFormat('en-US', { timeZone: raw.trim() }).resolvedOptions().timeZone;
      } catch {
        throw invalid();
      }
    }
    case 'senderIds': {
      if (typeof raw !== 'string') throw invalid();
      const ids = raw.split(',').map((id) => id.trim()).filter(Boolean);
      if (ids.some((id) => !/^[A-Za-z0-9]{1,11}$/.test(id))) throw invalid();
      return ids.join(',');
    }
    case 'sourceAccounts': {
      const accounts = parseSourceAccounts(raw);
      if (accounts === undefined) throw invalid();
      return accounts;
    }
  }
}

/**
 * Documented defaults overlaid with `raw`. Aliases are stored under the documented name.
 * Throws DomainError 8206 for an unknown key and 8207 for a value the key does not accept.
 */
export function parseOrgConfigs(raw: Record<string, unknown> | undefined): OrgConfigs {
  const configs = defaultConfigs();
  const given = new Map<string, unknown>();
  for (const [key, value] of Object.entries(raw ?? {})) {
    const name = CONFIG_ALIASES[key] ?? key;
    const definition = BY_NAME.get(name);
    if (!definition) throw new DomainError(8206, key);
    const parsed = parseValue(definition, value);
    if (given.has(name) && given.get(name) !== parsed) {
      // Stryker disable next-line StringLiteral: error detail wording (README, equivalent mutants)
      throw new DomainError(8207, key, `${String(value)} disagrees with ${name}`);
    }
    given.set(name, parsed);
    // Only CONF_MIN_REGISTRATION_DATE parses to undefined (no minimum), and it has no default to remove.
    // Stryker disable next-line ConditionalExpression: an unset minimum stored as undefined reads as no minimum
    if (parsed !== undefined) configs[name] = parsed;
  }
  checkCardConfigs(configs);
  // Frozen: an org's configs never change, so readSettings can compute its settings once.
  return Object.freeze(configs);
}

/** The configs as the rules read them. */
export interface OrgSettings {
  readonly primaryKey: MatchingIdentifierType;
  readonly allowAnyIdentifier: boolean;
  readonly emailRequired: boolean;
  readonly emailUnique: boolean;
  readonly useExternalId: boolean;
  readonly externalIdRequired: boolean;
  readonly mobileRequired: boolean;
  readonly allowUpdate: Readonly<Record<MatchingIdentifierType, boolean>>;
  readonly strictPrimaryCheck: boolean;
  readonly skipSecondary: boolean;
  readonly minRegistrationDate?: string;
  readonly completeCountryCode: boolean;
  readonly identifiersSync: boolean;
  readonly restrictOrphanV2Profile: boolean;
  readonly dualEligibility: boolean;
  readonly channelsFromOwnSourceOnly: boolean;
}

/** Config name that allows updates of each identifier type (rule 8, error 8204 names it). */
export const UPDATE_CONFIG: Readonly<Record<MatchingIdentifierType, string>> = {
  mobile: 'CONF_ALLOW_MOBILE_UPDATE',
  email: 'CONF_ALLOW_EMAIL_UPDATE',
  externalId: 'CONF_LOYALTY_ALLOW_EXTERNAL_ID_UPDATE',
};

const SETTINGS = new WeakMap<OrgConfigs, OrgSettings>();

/**
 * Typed accessors over parsed configs; missing keys read as their documented default. Rules call this
 * several times per request, so the settings of frozen configs (every parsed org's) are kept.
 */
export function readSettings(configs: OrgConfigs): OrgSettings {
  let settings = SETTINGS.get(configs);
  // Stryker disable next-line ConditionalExpression: a cache; computing the settings again gives the same ones
  if (!settings) {
    settings = computeSettings(configs);
    // Stryker disable next-line ConditionalExpression: a cache; unfrozen configs (unit specs) are only read once
    if (Object.isFrozen(configs)) SETTINGS.set(configs, Object.freeze(settings));
  }
  return settings;
}

function computeSettings(configs: OrgConfigs): OrgSettings {
  // Every name asked for is a documented config (the names below).
  const flag = (name: string): boolean => (configs[name] ?? BY_NAME.get(name)!.default) === true;
  const minDate = configs.CONF_MIN_REGISTRATION_DATE;
  return {
    primaryKey: (configs.CONF_REGISTRATION_PRIMARY_KEY ?? 'mobile') as MatchingIdentifierType,
    allowAnyIdentifier: flag('CONF_ALLOW_REGISTRATION_FROM_ANY_IDENTIFIERS'),
    emailRequired: flag('CONF_USERS_IS_EMAIL_REQUIRED'),
    emailUnique: flag('CONF_USERS_IS_EMAIL_UNIQUE'),
    useExternalId: flag('CONF_USERS_USE_EXTERNAL_ID'),
    externalIdRequired: flag('CONF_USERS_IS_EXTERNAL_ID_REQUIRED'),
    mobileRequired: flag('CONF_USERS_IS_MOBILE_REQUIRED'),
    allowUpdate: {
      mobile: flag(UPDATE_CONFIG.mobile),
      email: flag(UPDATE_CONFIG.email),
      externalId: flag(UPDATE_CONFIG.externalId),
    },
    strictPrimaryCheck: flag('CONF_PRIMARY_IDENTIFIER_STRICT_CHECK'),
    skipSecondary: flag('CONF_SKIP_SECONDARY_ID_ON_PRIMARY_MISMATCH'),
    // Stryker disable next-line ConditionalExpression: an unset minimum spread as undefined reads as no minimum
    ...(typeof minDate === 'string' ? { minRegistrationDate: minDate } : {}),
    completeCountryCode: flag('CONF_CLIENT_DEFAULT_COUNTRYCODE_PASSED'),
    identifiersSync: flag('CONF_IDENTIFIERS_SYNC_ENABLED'),
    restrictOrphanV2Profile: flag('CONF_RESTRICT_ORPHAN_V2_PROFILE'),
    dualEligibility: flag('CONF_INSTORE_V2_ENABLED'),
    channelsFromOwnSourceOnly: flag('CONF_CHANNELS_FROM_OWN_SOURCE_ONLY'),
  };
}
