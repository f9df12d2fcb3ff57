// Turns the seeds' symbolic values (E1, M1, X1, S1; C1 for card numbers) into realistic values unique to one scenario, so
// scenarios never collide, even on a vendor's fixed org. NULL means "no identifier"; anything else is a
// literal and passes through unchanged.
import { randomBytes, randomInt } from 'node:crypto';

const SYMBOL = /^([EMXSC])(\d+)$/;

// Mobile numbers are E.164 digits without '+'. The national prefixes are chosen so that the national
// number alone is never a valid number of another country (checked with libphonenumber-js metadata).
const MOBILE_FORMATS = {
  M: { countryCode: '91', nationalPrefix: '99', nationalLength: 10 }, // India
  S: { countryCode: '65', nationalPrefix: '91', nationalLength: 8 }, // Singapore
} as const;

type Kind = 'E' | 'M' | 'X' | 'S' | 'C';

export class SymbolTable {
  private readonly nonce = randomBytes(4).toString('hex');
  private readonly values = new Map<string, string>();
  private readonly taken = new Set<string>();

  /** The value a token stands for; undefined for NULL. */
  resolve(token: string): string | undefined {
    if (token === 'NULL') return undefined;
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
    const format = MOBILE_FORMATS[kind];
    const free = format.nationalLength - format.nationalPrefix.length;
    const digits = String(randomInt(0, 10 ** free)).padStart(free, '0');
    return `${format.countryCode}${format.nationalPrefix}${digits}`;
  }
}
