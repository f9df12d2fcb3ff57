// Card numbers of a series (seed 001 "External ID configuration"): prefix, a zero-padded sequence number,
// then either a check digit (LUHN_ALGO, MOD7_ALGO) or a suffix (AUTO_INC), CONF_CARD_NUMBER_LENGTH
// characters in all. Pure rules: no store, no clock. Sequence numbers are bigints because a series may
// leave up to 49 digits for them.
import { DomainError } from './errors.ts';

export const CARD_ALGORITHMS = ['LUHN_ALGO', 'MOD7_ALGO', 'AUTO_INC'] as const;
export type CardAlgorithm = (typeof CARD_ALGORITHMS)[number];

/** CONF_VALUES_TO_INCLUDE_FOR_CHECKSUM_DIGIT: whether the prefix is part of what the check digit covers. */
export const CHECKSUM_INCLUDES = ['PREFIX', 'NONE'] as const;

/** Seed 001: "Integers ranging from 1-50"; "prefix + suffix + system-generated number should not be more than 50". */
export const MAX_CARD_NUMBER_LENGTH = 50;

export interface CardSeries {
  readonly algorithm: CardAlgorithm;
  /** Total length: prefix + sequence + check digit or suffix. */
  readonly length: number;
  /** The first sequence number issued: the `offset` numbers before it are never issued. */
  readonly offset: bigint;
  readonly prefix: string;
  /** AUTO_INC only. */
  readonly suffix: string;
  /** The check digit covers the prefix too (CONF_VALUES_TO_INCLUDE_FOR_CHECKSUM_DIGIT = PREFIX). */
  readonly includePrefix: boolean;
}

const DIGITS = /^\d+$/;

/** Luhn (mod 10): from the right, every second digit of the payload is doubled (9s cast out). */
export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  for (let i = payload.length - 1, double = true; i >= 0; i -= 1, double = !double) {
    let digit = payload.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      // Stryker disable next-line EqualityOperator: a doubled digit is even, so it is never 9
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** MOD7: the payload read as a decimal number, modulo 7 (so the check digit is 0-6). */
export function mod7CheckDigit(payload: string): number {
  return Number(BigInt(payload) % 7n);
}

export function hasCheckDigit(algorithm: CardAlgorithm): boolean {
  return algorithm !== 'AUTO_INC';
}

/** The check digit of `payload` under the algorithm; AUTO_INC has none. */
export function checkDigit(algorithm: CardAlgorithm, payload: string): number | undefined {
  if (algorithm === 'LUHN_ALGO') return luhnCheckDigit(payload);
  if (algorithm === 'MOD7_ALGO') return mod7CheckDigit(payload);
  return undefined;
}

/** Digits left for the sequence number once prefix, suffix and check digit are placed. */
export function sequenceWidth(series: CardSeries): number {
  return series.length - series.prefix.length - series.suffix.length - (hasCheckDigit(series.algorithm) ? 1 : 0);
}

/** The first sequence number the series cannot hold. */
export function sequenceLimit(series: CardSeries): bigint {
  return 10n ** BigInt(Math.max(sequenceWidth(series), 0));
}

/**
 * Refuses a series that cannot issue a single number: a suffix with a check digit (8262), a prefix the
 * check digit cannot cover (8264), no room for a sequence digit (8261), an offset past the space (8263).
 */
export function checkSeries(series: CardSeries): void {
  if (series.suffix !== '' && hasCheckDigit(series.algorithm)) throw new DomainError(8262, series.algorithm);
  if (series.includePrefix && hasCheckDigit(series.algorithm) && series.prefix !== '' && !DIGITS.test(series.prefix)) {
    throw new DomainError(8264, series.prefix);
  }
  if (sequenceWidth(series) < 1) {
    throw new DomainError(8261, series.length, series.prefix.length, series.suffix.length, hasCheckDigit(series.algorithm) ? 1 : 0);
  }
  if (series.offset >= sequenceLimit(series)) throw new DomainError(8263, series.offset.toString(), sequenceWidth(series));
}

/** The digits the check digit covers: the sequence, after the prefix when it is included. */
function checkedPayload(series: CardSeries, sequenceDigits: string): string {
  return series.includePrefix ? `${series.prefix}${sequenceDigits}` : sequenceDigits;
}

/** The card number with this sequence number (never negative: offsets below 0 count as 0); 8263 when the series has no room for it. */
export function formatCardNumber(series: CardSeries, sequence: bigint): string {
  if (sequence >= sequenceLimit(series)) throw new DomainError(8263, sequence.toString(), sequenceWidth(series));
  const digits = sequence.toString().padStart(sequenceWidth(series), '0');
  const check = checkDigit(series.algorithm, checkedPayload(series, digits));
  return `${series.prefix}${digits}${check ?? ''}${series.suffix}`;
}

/** Why `number` is not a number of the series, or undefined when it is one (issued or not). */
export function cardNumberProblem(series: CardSeries, number: string): string | undefined {
  if (number.length !== series.length) return `it has ${number.length} characters, the series ${series.length}`;
  if (!number.startsWith(series.prefix)) return `it does not start with the prefix ${series.prefix}`;
  if (!number.endsWith(series.suffix)) return `it does not end with the suffix ${series.suffix}`;
  const width = sequenceWidth(series);
  const digits = number.slice(series.prefix.length, series.prefix.length + width);
  if (!DIGITS.test(digits)) return 'its sequence part is not all digits';
  if (!hasCheckDigit(series.algorithm)) return undefined;
  const given = number.charAt(series.prefix.length + width);
  const expected = checkDigit(series.algorithm, checkedPayload(series, digits));
  return given === String(expected) ? undefined : `its check digit ${given} should be ${expected} (${series.algorithm})`;
}
