// Turns the seeds' symbolic values (E1, M1, X1, S1; C1 for card numbers; W1 and U1 for WeChat open and union ids) into realistic values unique to one scenario, so
// scenarios never collide, even on a vendor's fixed org. NULL means "no identifier"; anything else is a
// literal and passes through unchanged. "E1 in upper case" is E1's value in capitals.
import { randomBytes, randomInt } from 'node:crypto';

const SYMBOL = /^([EMXSCWU])(\d+)$/;
/** "E1 in upper case", "E1 in mixed case": the symbol's value as a till might type it (ruling 10). */
const LETTER_CASE = /^(\S+) in (upper|mixed) case$/;

function inLetterCase(value: string, letterCase: string): string {
  if (letterCase === 'upper') return value.toUpperCase();
  // Mixed: each part between dots, @ and hyphens starts with a capital (e1.ab12@example.com -> E1.Ab12@Example.Com).
  return value.replace(/(^|[.@-])([a-z])/g, (_, before: string, letter: string) => before + letter.toUpperCase());
}

// Mobile numbers are E.164 digits without '+'. The national prefixes are chosen so that the national
// number alone is never a valid number of another country (checked with libphonenumber-js metadata).
const MOBILE_FORMATS = {
  M: { countryCode: '91', nationalPrefix: '99', nationalLength: 10 }, // India
  S: { countryCode: '65', nationalPrefix: '91', nationalLength: 8 }, // Singapore
} as const;

type Kind = 'E' | 'M' | 'X' | 'S' | 'C' | 'W' | 'U';

export class SymbolTable {
  private readonly nonce = randomBytes(4).toString('hex');
  private readonly values = new Map<string, string>();
  private readonly taken = new Set<string>();

  /** The value a token stands for; undefined for NULL. */
  resolve(token: string): string | undefined {
    if (token === 'NULL') return undefined;
    const cased = LETTER_CASE.exec(token);
    if (cased) {
      const value = this.resolve(cased[1]);
      return value === undefined ? undefined : inLetterCase(value, cased[2]);
    }
    const match = SYMBOL.exec(token);
    if (!match) return token;
    let value = this.values.get(token);
    if (value === undefined) {
      value = this.fresh(match[1] as Kind, match[2]);
      this.values.set(token, value);
    }
    return value;
  }

  /** A mobile symbol's number without its country code, as a person might type it. */
  national(token: string): string {
    const match = SYMBOL.exec(token);
    if (!match || !(match[1] in MOBILE_FORMATS)) throw new Error(`${token} is not a mobile symbol (M1, S1...)`);
    const format = MOBILE_FORMATS[match[1] as keyof typeof MOBILE_FORMATS];
    return (this.resolve(token) as string).slice(format.countryCode.length);
  }

  /** The symbol a value came from, for readable assertion messages. */
  describe(value: string | undefined): string {
    if (value === undefined) return 'NULL';
    for (const [token, v] of this.values) if (v === value) return `${token} (${value})`;
    for (const [token, v] of this.values) if (v.toLowerCase() === value.toLowerCase()) return `${token} in another letter case (${value})`;
    return value;
  }

  private fresh(kind: Kind, n: string): string {
    for (;;) {
      const value = this.candidate(kind, n);
      if (!this.taken.has(value)) {
        this.taken.add(value);
        return value;
      }
    }
  }

  private candidate(kind: Kind, n: string): string {
    if (kind === 'E') return `e${n}.${this.nonce}@example.com`;
    // Card numbers: 18 digits, outside any short series a scenario configures.
    if (kind === 'C') return `9${String(randomInt(0, 10 ** 8)).padStart(8, '0')}${String(randomInt(0, 10 ** 9)).padStart(9, '0')}`;
    if (kind === 'X') return `X${n}-${this.nonce}`;
    // WeChat open ids and union ids: opaque, 28 characters in life; unique per scenario here.
    if (kind === 'W') return `oW${n}_${this.nonce}${randomBytes(6).toString('hex')}`;
    if (kind === 'U') return `oU${n}_${this.nonce}${randomBytes(6).toString('hex')}`;
    const format = MOBILE_FORMATS[kind];
    const free = format.nationalLength - format.nationalPrefix.length;
    const digits = String(randomInt(0, 10 ** free)).padStart(free, '0');
    return `${format.countryCode}${format.nationalPrefix}${digits}`;
  }
}
