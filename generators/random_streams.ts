// Independent random streams: every value of the population is drawn from its own stream, keyed by
// (seed, person index, field name, sub-index). Adding a field adds a stream and leaves every other
// value unchanged; a person can be generated without generating the persons before it.
// One Randomizer is shared by the Faker instances: `open(key)` re-seeds it, so Faker calls made right
// after opening a stream draw from that stream.
import type { Randomizer } from '@faker-js/faker';

/** 32-bit FNV-1a: field names to stream keys. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Murmur3's finaliser: a bijective 32-bit mix. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const FIELD_KEYS = new Map<string, number>();
function fieldKey(field: string): number {
  let key = FIELD_KEYS.get(field);
  if (key === undefined) {
    key = hashText(field);
    FIELD_KEYS.set(field, key);
  }
  return key;
}

/** sfc32 (small fast counter generator): four 32-bit words of state, passes PractRand. */
export class StreamRandomizer implements Randomizer {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 1;
  /** Bumped at every re-seed, so a stream used after another was opened is detected. */
  generation = 0;

  seed(seed: number | number[]): void {
    const words = typeof seed === 'number' ? [seed] : seed;
    let h = 0x9e3779b9;
    for (const w of words) h = mix32(h ^ mix32((w >>> 0) + 0x6a09e667));
    this.a = h;
    this.b = mix32(h ^ 0x3c6ef372);
    this.c = mix32(h ^ 0xa54ff53a);
    this.d = mix32(h ^ 0x510e527f) | 1;
    this.generation++;
    for (let i = 0; i < 8; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  // An arrow function: Faker calls `next` detached from the randomizer.
  next = (): number => this.nextUint32() / 4294967296;
}

/** A stream's draws; valid until the next stream is opened on the same randomizer. */
export class Stream {
  constructor(
    private readonly randomizer: StreamRandomizer,
    private readonly generation: number,
    readonly key: string,
  ) {}

  private check(): StreamRandomizer {
    if (this.randomizer.generation !== this.generation) {
      throw new Error(`random stream "${this.key}" used after another stream was opened`);
    }
    return this.randomizer;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.check().next();
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.check().next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.check().next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.check().next() * items.length)];
  }

  /** Picks by weight from [item, weight] pairs. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of choices) total += w;
    let r = this.check().next() * total;
    for (const [item, w] of choices) {
      r -= w;
      if (r < 0) return item;
    }
    return choices[choices.length - 1][0];
  }

  /** A 32-bit value, e.g. to derive opaque ids. */
  uint32(): number {
    return this.check().nextUint32();
  }
}

/** The streams of one person: `open('email')`, `open('transaction', 3)`. */
export class PersonStreams {
  constructor(
    private readonly randomizer: StreamRandomizer,
    private readonly seed: number,
    readonly personIndex: number,
  ) {}

  open(field: string, sub = 0): Stream {
    this.randomizer.seed([this.seed, this.personIndex, fieldKey(field), sub]);
    return new Stream(this.randomizer, this.randomizer.generation, sub === 0 ? field : `${field}#${sub}`);
  }
}

/**
 * A keyed permutation of [0, size): a 4-round Feistel network over the next even power of two, with
 * cycle walking back into range. Gives unique, random-looking numbers (mobiles, ids) per index.
 */
export class KeyedPermutation {
  private readonly halfBits: number;
  private readonly halfMask: number;
  private readonly keys: number[];

  constructor(
    readonly size: number,
    key: number,
    label: string,
  ) {
    if (!(size >= 2) || !Number.isSafeInteger(size)) throw new Error(`permutation size ${size} out of range`);
    let bits = Math.max(2, Math.ceil(Math.log2(size)));
    if (bits % 2 === 1) bits++;
    if (bits > 52) throw new Error(`permutation size ${size} too large`);
    this.halfBits = bits / 2;
    this.halfMask = 2 ** this.halfBits - 1;
    const base = mix32(key ^ hashText(label));
    this.keys = [1, 2, 3, 4].map((round) => mix32(base + round * 0x9e3779b9));
  }

  private round(value: number, roundKey: number): number {
    // 26-bit halves at most: split the mix input so the product stays exact.
    return (mix32((value ^ roundKey) + Math.imul(value >>> 16, 0x27d4eb2d)) & this.halfMask) >>> 0;
  }

  private encrypt(x: number): number {
    const factor = 2 ** this.halfBits;
    let left = Math.floor(x / factor);
    let right = x % factor;
    for (const k of this.keys) {
      const next = (left ^ this.round(right, k)) >>> 0;
      left = right;
      right = next & this.halfMask;
    }
    return left * factor + right;
  }

  apply(index: number): number {
    if (!Number.isSafeInteger(index) || index < 0 || index >= this.size) throw new Error(`permutation index ${index} out of range`);
    let x = this.encrypt(index);
    while (x >= this.size) x = this.encrypt(x);
    return x;
  }
}
