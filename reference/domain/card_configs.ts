// The card-number settings of an org (seed 001 "External ID configuration") read together: the series
// the CONF_CARD_* configs define, and the source accounts whose registrations get a generated external ID.
import { checkSeries, MAX_CARD_NUMBER_LENGTH, type CardAlgorithm, type CardSeries } from './card_numbers.ts';
import { DomainError } from './errors.ts';
import { isMultiAccountSource, resolveSource } from './sources.ts';
import type { OrgConfigs } from './types.ts';

/** The one card series an org has (its CONF_CARD_* configs); cards name it by this id. */
export const ORG_CARD_SERIES_ID = 1;

export interface CardSettings {
  /** Defined when CONF_CARD_CHECKSUM_DIGIT_ALGO and CONF_CARD_NUMBER_LENGTH are set. */
  readonly series?: CardSeries;
  /** CONF_CARD_NUMBER_GENERATION_ENABLED: "SOURCE:accountId" entries whose registrations get a generated external ID. */
  readonly generationFor?: readonly string[];
}

const ENTRY = /^([A-Za-z][A-Za-z_-]*):(.*)$/;

/**
 * SOURCE_ACCOUNTS_EXTERNALID_ENABLED in the seed's syntax: "INSTORE:", "web_engage:1234", or several of
 * them as a list (a JSON array, or the seed's `"INSTORE:", "web_engage:1234"`). Returns the canonical
 * entries ("INSTORE:", "WEB_ENGAGE:1234"), or undefined when an entry is malformed, names an unknown
 * source, omits the account of a multi-account source or gives one to a single-account source.
 */
export function parseSourceAccounts(raw: unknown): string[] | undefined {
  let items: unknown[];
  if (Array.isArray(raw)) items = raw;
  else if (typeof raw === 'string' && raw.trim().startsWith('[')) {
    try {
      // Valid JSON that starts with "[" is an array.
      items = JSON.parse(raw) as unknown[];
    } catch {
      return undefined;
    }
  } else if (typeof raw === 'string') items = raw.split(',');
  else return undefined;
  const entries: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string') return undefined;
    // Stryker disable next-line Regex: unanchored, the quotes are stripped from values the entry pattern or the source list refuses anyway
    const match = ENTRY.exec(item.trim().replace(/^"(.*)"$/, '$1').trim());
    const source = match ? resolveSource(match[1]) : undefined;
    if (!match || !source) return undefined;
    const accountId = match[2].trim();
    if (isMultiAccountSource(source) !== (accountId !== '')) return undefined;
    const entry = `${source}:${accountId}`;
    // Stryker disable next-line ConditionalExpression: a repeated entry only appears twice in a list read for membership
    if (!entries.includes(entry)) entries.push(entry);
  }
  return entries.length > 0 ? entries : undefined;
}

function seriesOf(configs: OrgConfigs): CardSeries | undefined {
  const algorithm = configs.CONF_CARD_CHECKSUM_DIGIT_ALGO;
  const length = configs.CONF_CARD_NUMBER_LENGTH;
  // Parsed configs hold a known algorithm and a whole number, or nothing.
  if (algorithm === undefined || length === undefined) return undefined;
  return {
    algorithm: algorithm as CardAlgorithm,
    length: length as number,
    // Ruling 33: the offset takes "Any integer value" (seed 001); a negative one ignores no number, like 0.
    // Parsed configs hold every default (offset 0, empty prefix and suffix).
    offset: BigInt(Math.max(0, configs.CONF_CARD_NUMBER_OFFSET as number)),
    prefix: configs.CONF_CARD_NUMBER_PREFIX as string,
    suffix: configs.CONF_CARD_NUMBER_SUFFIX as string,
    includePrefix: configs.CONF_VALUES_TO_INCLUDE_FOR_CHECKSUM_DIGIT === 'PREFIX',
  };
}

const MANDATORY_FOR_GENERATION = ['SOURCE_ACCOUNTS_EXTERNALID_ENABLED', 'CONF_CARD_CHECKSUM_DIGIT_ALGO', 'CONF_CARD_NUMBER_LENGTH'] as const;

/** Org setup: the card settings must describe a series that can issue numbers (8260-8265). */
export function checkCardConfigs(configs: OrgConfigs): void {
  // A whole number, or undefined when not set (then neither comparison holds).
  const length = configs.CONF_CARD_NUMBER_LENGTH as number;
  if (length < 1 || length > MAX_CARD_NUMBER_LENGTH) throw new DomainError(8260, length);
  if (configs.CONF_CARD_NUMBER_GENERATION_ENABLED === true) {
    const missing = MANDATORY_FOR_GENERATION.find((name) => configs[name] === undefined);
    if (missing) throw new DomainError(8265, missing);
  }
  const series = seriesOf(configs);
  if (series) checkSeries(series);
}

const CACHE = new WeakMap<OrgConfigs, CardSettings>();

export function readCardSettings(configs: OrgConfigs): CardSettings {
  let settings = CACHE.get(configs);
  // Stryker disable next-line ConditionalExpression: a cache; computing the settings again gives the same ones
  if (!settings) {
    const series = seriesOf(configs);
    const accounts = configs.SOURCE_ACCOUNTS_EXTERNALID_ENABLED;
    const generationFor = configs.CONF_CARD_NUMBER_GENERATION_ENABLED === true && series && Array.isArray(accounts) ? accounts : undefined;
    settings = { ...(series ? { series } : {}), ...(generationFor ? { generationFor } : {}) };
    // Stryker disable next-line ConditionalExpression: a cache; unfrozen configs (unit specs) are only read once
    if (Object.isFrozen(configs)) CACHE.set(configs, settings);
  }
  return settings;
}

/** Whether a registration through this source account gets a generated external ID. */
export function generatesExternalId(settings: CardSettings, source: string, accountId: string): boolean {
  return settings.generationFor?.includes(`${source}:${accountId}`) ?? false;
}
