import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  cardNumberProblem,
  checkDigit,
  checkSeries,
  formatCardNumber,
  luhnCheckDigit,
  mod7CheckDigit,
  sequenceLimit,
  sequenceWidth,
  type CardAlgorithm,
  type CardSeries,
} from './card_numbers.ts';
import { codeOf } from './spec_support.ts';

const series = (overrides: Partial<CardSeries>): CardSeries => ({
  algorithm: 'LUHN_ALGO',
  length: 16,
  offset: 0n,
  prefix: '',
  suffix: '',
  includePrefix: false,
  ...overrides,
});

/** A whole number (payload + check digit) is valid when its last digit is the payload's check digit. */
const validUnder = (algorithm: CardAlgorithm, number: string) => String(checkDigit(algorithm, number.slice(0, -1))) === number.slice(-1);

const substitute = (text: string, at: number, digit: number) => `${text.slice(0, at)}${digit}${text.slice(at + 1)}`;
const swap = (text: string, at: number) => `${text.slice(0, at)}${text[at + 1]}${text[at]}${text.slice(at + 2)}`;

describe('check digits', () => {
  it('Luhn gives the textbook check digits', () => {
    assert.equal(luhnCheckDigit('7992739871'), 3); // 79927398713
    assert.equal(luhnCheckDigit('411111111111111'), 1); // 4111 1111 1111 1111
  });

  it('MOD7 is the payload as a decimal number modulo 7', () => {
    assert.equal(mod7CheckDigit('0000003000'), 4);
    assert.equal(mod7CheckDigit('0000003001'), 5);
    assert.equal(mod7CheckDigit('12345678901234567890123'), Number(12345678901234567890123n % 7n));
  });
});

describe('the seed 001 worked examples', () => {
  it('AUTO_INC: length 12, prefix 1234, suffix 3401, offset 3000 gives 123430003401', () => {
    const autoInc = series({ algorithm: 'AUTO_INC', length: 12, prefix: '1234', suffix: '3401', offset: 3000n });
    assert.equal(sequenceWidth(autoInc), 4);
    assert.equal(formatCardNumber(autoInc, 3000n), '123430003401');
    assert.equal(formatCardNumber(autoInc, 3001n), '123430013401');
  });

  it('offset 3000 gives 111200000030004, 111200000030015: MOD7 over the sequence, prefix 1112 not included', () => {
    const mod7 = series({ algorithm: 'MOD7_ALGO', length: 15, prefix: '1112', offset: 3000n, includePrefix: false });
    assert.equal(formatCardNumber(mod7, 3000n), '111200000030004');
    assert.equal(formatCardNumber(mod7, 3001n), '111200000030015');
    // The other readings of the example do not give both of its numbers.
    for (const other of [{ ...mod7, includePrefix: true }, { ...mod7, algorithm: 'LUHN_ALGO' as const }, { ...mod7, algorithm: 'LUHN_ALGO' as const, includePrefix: true }]) {
      assert.notEqual(`${formatCardNumber(other, 3000n)} ${formatCardNumber(other, 3001n)}`, '111200000030004 111200000030015');
    }
  });
});

describe('series checks', () => {
  it('refuses a suffix with a check digit (8262)', () => {
    assert.equal(codeOf(() => checkSeries(series({ algorithm: 'LUHN_ALGO', suffix: '99' }))), 8262);
    assert.equal(codeOf(() => checkSeries(series({ algorithm: 'AUTO_INC', suffix: '99' }))), undefined);
  });

  it('refuses a series with no digit left for the sequence (8261)', () => {
    assert.equal(codeOf(() => checkSeries(series({ algorithm: 'AUTO_INC', length: 50, prefix: '1'.repeat(30), suffix: '2'.repeat(20) }))), 8261);
    assert.equal(codeOf(() => checkSeries(series({ algorithm: 'LUHN_ALGO', length: 5, prefix: '1234' }))), 8261);
    assert.equal(codeOf(() => checkSeries(series({ algorithm: 'AUTO_INC', length: 50, prefix: '1'.repeat(29), suffix: '2'.repeat(20) }))), undefined);
  });

  it('refuses an offset the sequence digits cannot hold (8263), and numbers past the space', () => {
    const small = series({ algorithm: 'LUHN_ALGO', length: 3, offset: 100n });
    assert.equal(sequenceLimit(small), 100n);
    assert.equal(codeOf(() => checkSeries(small)), 8263);
    assert.equal(codeOf(() => checkSeries({ ...small, offset: 99n })), undefined);
    assert.equal(codeOf(() => formatCardNumber({ ...small, offset: 99n }, 100n)), 8263);
  });

  it('refuses PREFIX in the checksum when the prefix has letters (8264)', () => {
    assert.equal(codeOf(() => checkSeries(series({ prefix: 'BRAND20', includePrefix: true }))), 8264);
    assert.equal(codeOf(() => checkSeries(series({ prefix: 'BRAND20', includePrefix: false }))), undefined);
  });
});

describe('card number properties', () => {
  const payload = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 30 });

  it('Luhn detects every single-digit error', () => {
    fc.assert(
      fc.property(payload, fc.nat(), fc.integer({ min: 0, max: 9 }), (p, where, digit) => {
        const number = `${p}${luhnCheckDigit(p)}`;
        const at = where % number.length;
        fc.pre(number[at] !== String(digit));
        assert.equal(validUnder('LUHN_ALGO', substitute(number, at, digit)), false);
      }),
    );
  });

  it('Luhn detects every adjacent transposition except 09 <-> 90', () => {
    fc.assert(
      fc.property(payload, fc.nat(), (p, where) => {
        const number = `${p}${luhnCheckDigit(p)}`;
        const at = where % (number.length - 1);
        fc.pre(number[at] !== number[at + 1]);
        const blind = new Set([number[at], number[at + 1]]).has('0') && new Set([number[at], number[at + 1]]).has('9');
        assert.equal(validUnder('LUHN_ALGO', swap(number, at)), blind);
      }),
    );
  });

  it('MOD7 misses exactly the single-digit errors of the payload that change a digit by 7 (0<->7, 1<->8, 2<->9)', () => {
    fc.assert(
      fc.property(payload, fc.nat(), fc.integer({ min: 0, max: 9 }), (p, where, digit) => {
        const number = `${p}${mod7CheckDigit(p)}`;
        const at = where % number.length;
        fc.pre(number[at] !== String(digit));
        const inPayload = at < p.length;
        const blind = inPayload && Math.abs(Number(number[at]) - digit) === 7;
        assert.equal(validUnder('MOD7_ALGO', substitute(number, at, digit)), blind);
      }),
    );
  });

  it('MOD7 misses exactly the adjacent transpositions of payload digits that differ by 7 (07, 18, 29); never one with the check digit', () => {
    fc.assert(
      fc.property(payload, fc.nat(), (p, where) => {
        const number = `${p}${mod7CheckDigit(p)}`;
        const at = where % (number.length - 1);
        fc.pre(number[at] !== number[at + 1]);
        const inPayload = at + 1 < p.length;
        const blind = inPayload && Math.abs(Number(number[at]) - Number(number[at + 1])) === 7;
        assert.equal(validUnder('MOD7_ALGO', swap(number, at)), blind);
      }),
    );
  });

  const checkedSeries = fc
    .record({
      algorithm: fc.constantFrom<CardAlgorithm>('LUHN_ALGO', 'MOD7_ALGO', 'AUTO_INC'),
      prefix: fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 6 }),
      suffix: fc.string({ unit: fc.constantFrom(...'0123456789AZ'), maxLength: 4 }),
      width: fc.integer({ min: 1, max: 20 }),
      includePrefix: fc.boolean(),
    })
    .map(({ algorithm, prefix, suffix, width, includePrefix }): CardSeries => {
      const realSuffix = algorithm === 'AUTO_INC' ? suffix : '';
      const length = prefix.length + width + realSuffix.length + (algorithm === 'AUTO_INC' ? 0 : 1);
      return { algorithm, length, offset: 0n, prefix, suffix: realSuffix, includePrefix };
    });
  const generated = checkedSeries.chain((s) =>
    fc.bigInt({ min: 0n, max: sequenceLimit(s) - 1n }).map((sequence) => ({ series: s, number: formatCardNumber(s, sequence) })),
  );

  it('every generated number has the series length and validates under its algorithm', () => {
    fc.assert(
      fc.property(generated, ({ series: s, number }) => {
        assert.equal(number.length, s.length);
        assert.equal(cardNumberProblem(s, number), undefined);
      }),
    );
  });

  it('against its series, a changed prefix is always refused; sequence digits follow the algorithm (AUTO_INC has no check digit)', () => {
    fc.assert(
      fc.property(generated, fc.nat(), fc.integer({ min: 0, max: 9 }), ({ series: s, number }, where, digit) => {
        const digits = s.length - s.suffix.length;
        const at = where % digits;
        fc.pre(number[at] !== String(digit));
        const inSequence = at >= s.prefix.length && at < s.prefix.length + sequenceWidth(s);
        const blind =
          inSequence && (s.algorithm === 'AUTO_INC' || (s.algorithm === 'MOD7_ALGO' && Math.abs(Number(number[at]) - digit) === 7));
        assert.equal(cardNumberProblem(s, substitute(number, at, digit)) === undefined, blind);
      }),
    );
  });
});
