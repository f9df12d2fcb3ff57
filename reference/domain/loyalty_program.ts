// The org's loyalty program as its configs describe it: the earn rule, the tiers and the referral
// rewards. Pure: parses config values and reads them; the points and tier rules live in points.ts.
import { DomainError } from './errors.ts';
import type { OrgConfigs } from './types.ts';

export interface Tier {
  readonly name: string;
  /** Lifetime points from which a customer belongs to this tier. */
  readonly threshold: number;
}

export interface LoyaltyProgram {
  /** Points a bill earns per currency unit of its amount (rounded down to whole points). */
  readonly pointsPerCurrencyUnit: number;
  /** Ascending thresholds; the first is 0, the tier every customer starts in. */
  readonly tiers: readonly Tier[];
  readonly referrerPoints: number;
  readonly refereePoints: number;
  /** The org's programs, ids from 1 in the order configured; the first is the default program. */
  readonly programs: readonly Program[];
  /** Days after which credited points expire (0: never); ruling 112. */
  readonly expiryDays: number;
  /** Days a bill's points stay promised before they convert into regular points (0: credited at once); ruling 113. */
  readonly promisedDays: number;
}

export interface Program {
  readonly id: number;
  readonly name: string;
}

/** The program's documented defaults (contract OrgConfigs). */
export const LOYALTY_DEFAULTS = {
  CONF_LOYALTY_POINTS_PER_CURRENCY_UNIT: 1,
  CONF_LOYALTY_TIERS: 'Silver:0,Gold:1000,Platinum:5000',
  CONF_LOYALTY_REFERRER_POINTS: 100,
  CONF_LOYALTY_REFEREE_POINTS: 50,
  CONF_LOYALTY_PROGRAMS: 'Default Program',
  CONF_LOYALTY_POINTS_EXPIRY_DAYS: 0,
  CONF_LOYALTY_PROMISED_POINTS_DAYS: 0,
} as const;

const PROGRAM_NAME = /^[A-Za-z0-9][A-Za-z0-9 _-]*$/;

/** "Default Program,Partner Program": program names, ids from 1 in this order; 8207 names the config otherwise. */
// Stryker disable next-line StringLiteral: error detail wording (the org's configs were checked at setup, under their own names)
export function parsePrograms(raw: unknown, configName = 'CONF_LOYALTY_PROGRAMS'): Program[] {
  // Stryker disable next-line StringLiteral: error detail wording, not pinned by the contract
  const invalid = (why: string) => new DomainError(8207, configName, `${String(raw)} (${why})`);
  // An empty or blank value splits into one empty name, which is not a program name.
  // Stryker disable next-line StringLiteral: error detail wording, not pinned by the contract
  if (typeof raw !== 'string') throw invalid('expected "Name,Name,..."');
  const names = raw.split(',').map((name) => name.trim());
  const bad = names.find((name) => !PROGRAM_NAME.test(name));
  // Stryker disable next-line StringLiteral: error detail wording, not pinned by the contract
  if (bad !== undefined) throw invalid(`"${bad}" is not a program name`);
  // Stryker disable next-line StringLiteral: error detail wording, not pinned by the contract
  // Stryker disable next-line MethodExpression: names compared in upper case differ as they do in lower case
  if (new Set(names.map((name) => name.toLowerCase())).size !== names.length) throw invalid('program names must differ');
  return names.map((name, index) => ({ id: index + 1, name }));
}

const TIER_NAME = /^[A-Za-z0-9][A-Za-z0-9 _-]*$/;

/**
 * "Silver:0,Gold:1000,Platinum:5000": names with the lifetime points each starts at. The first starts
 * at 0 and thresholds rise strictly. Throws DomainError 8207 naming the config otherwise.
 */
// Stryker disable next-line StringLiteral: error detail wording (the org's configs were checked at setup, under their own names)
export function parseTiers(raw: unknown, configName = 'CONF_LOYALTY_TIERS'): Tier[] {
  // Stryker disable next-line StringLiteral: error detail wording, not pinned by the contract
  const invalid = (why: string) => new DomainError(8207, configName, `${String(raw)} (${why})`);
  // An empty or blank value splits into one empty part, which is not Name:points.
  // Stryker disable next-line StringLiteral: error detail wording, not pinned by the contract
  if (typeof raw !== 'string') throw invalid('expected "Name:points,Name:points,..."');
  const tiers = raw.split(',').map((part) => {
    const match = /^\s*([^:]+?)\s*:\s*(\d+)\s*$/.exec(part);
    // Stryker disable next-line StringLiteral,MethodExpression: error detail wording, not pinned by the contract
    if (!match || !TIER_NAME.test(match[1])) throw invalid(`"${part.trim()}" is not Name:points`);
    return { name: match[1], threshold: Number(match[2]) };
  });
  // Stryker disable next-line StringLiteral: error detail wording, not pinned by the contract
  if (tiers[0].threshold !== 0) throw invalid('the first tier must start at 0 points');
  for (let i = 1; i < tiers.length; i++) {
    // Stryker disable next-line StringLiteral: error detail wording, not pinned by the contract
    if (tiers[i].threshold <= tiers[i - 1].threshold) throw invalid('thresholds must rise');
  }
  // Stryker disable next-line MethodExpression: names compared in upper case differ as they do in lower case
  const names = new Set(tiers.map((tier) => tier.name.toLowerCase()));
  // Stryker disable next-line StringLiteral: error detail wording, not pinned by the contract
  if (names.size !== tiers.length) throw invalid('tier names must differ');
  return tiers;
}

/** The canonical text of a tier list (how configs store it). */
export function formatTiers(tiers: readonly Tier[]): string {
  return tiers.map((tier) => `${tier.name}:${tier.threshold}`).join(',');
}

/** A non-negative number config (decimal allowed when `whole` is false); 8207 otherwise. */
export function parseAmountConfig(raw: unknown, configName: string, whole: boolean): number {
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
  if (!Number.isFinite(value) || value < 0 || (whole && !Number.isInteger(value))) {
    throw new DomainError(8207, configName, String(raw));
  }
  return value;
}

const PROGRAMS = new WeakMap<OrgConfigs, LoyaltyProgram>();

/**
 * The org's program; configs missing a key read as its default. Org setup checked each value (configs.ts
 * parseOrgConfigs, with the parsers above), so reading them cannot fail. Frozen configs are read once.
 */
export function readLoyaltyProgram(configs: OrgConfigs): LoyaltyProgram {
  const known = PROGRAMS.get(configs);
  // Stryker disable next-line ConditionalExpression: a cache; the program read again is the same
  if (known) return known;
  const value = (name: keyof typeof LOYALTY_DEFAULTS) => configs[name] ?? LOYALTY_DEFAULTS[name];
  const program: LoyaltyProgram = Object.freeze({
    pointsPerCurrencyUnit: Number(value('CONF_LOYALTY_POINTS_PER_CURRENCY_UNIT')),
    tiers: Object.freeze(parseTiers(value('CONF_LOYALTY_TIERS'))),
    referrerPoints: Number(value('CONF_LOYALTY_REFERRER_POINTS')),
    refereePoints: Number(value('CONF_LOYALTY_REFEREE_POINTS')),
    programs: Object.freeze(parsePrograms(value('CONF_LOYALTY_PROGRAMS'))),
    expiryDays: Number(value('CONF_LOYALTY_POINTS_EXPIRY_DAYS')),
    promisedDays: Number(value('CONF_LOYALTY_PROMISED_POINTS_DAYS')),
  });
  // Stryker disable next-line ConditionalExpression: a cache; the program read again is the same
  if (Object.isFrozen(configs)) PROGRAMS.set(configs, program);
  return program;
}
