// Everything a population's values are drawn from: the seed, the independent random streams, the Faker
// instances (one per name origin, all on the shared stream randomizer, reference date pinned) and the
// keyed permutations that make identifiers unique across persons.
import type { Faker } from '@faker-js/faker';
import { faker as fakerAR } from '@faker-js/faker/locale/ar';
import { faker as fakerEN } from '@faker-js/faker/locale/en';
import { faker as fakerEN_IN } from '@faker-js/faker/locale/en_IN';
import { faker as fakerID_ID } from '@faker-js/faker/locale/id_ID';
import { faker as fakerZH_CN } from '@faker-js/faker/locale/zh_CN';
import { MARKETS, mobileCapacity, type NameOrigin } from './markets.ts';
import { MAX_PERSONS } from './generation_limits.ts';
import { checkMobilePlans } from './mobiles.ts';
import { KeyedPermutation, PersonStreams, StreamRandomizer } from './random_streams.ts';

/** Faker's "now": every relative date Faker could draw is relative to this, never to the clock. */
export const REFERENCE_DATE = '2026-01-01T00:00:00.000Z';
/** Identifier variants per person (e.g. mobile before and after a move, a shared household number). */
export const VARIANTS_PER_PERSON = 3;
/** Source profiles one person may have at most (profile ids and bill numbers are sized for it). */
export const MAX_PROFILES_PER_PERSON = 8;
export const MAX_TRANSACTIONS_PER_PROFILE = 8;
/** Cards one source profile carries at most (a card and its replacement). */
export const MAX_CARDS_PER_PROFILE = 2;

// The locale modules each load one locale (the package root loads all 77); their definitions are reused
// to build Faker instances that draw from our randomizer.
const LOCALES: Readonly<Record<Exclude<NameOrigin, 'sg_chinese' | 'malay'>, Faker>> = {
  en_IN: fakerEN_IN,
  id_ID: fakerID_ID,
  zh_CN: fakerZH_CN,
  ar: fakerAR,
  en: fakerEN,
};

export type FakerOrigin = keyof typeof LOCALES;

export interface GenerationContext {
  readonly seed: number;
  /** Faker of a locale, drawing from the stream opened last. */
  faker(origin: FakerOrigin): Faker;
  /** The streams of person `index`. */
  streams(index: number): PersonStreams;
  /** Unique slots: `unique(space, index)` is a bijection per space. */
  unique(space: UniqueSpace, index: number): number;
  /** A unique mobile slot of a market's numbering plan. */
  mobileSlot(market: string, index: number): number;
}

export type UniqueSpace = 'email' | 'externalId' | 'profileId' | 'card' | 'bill';

const SPACE_SIZES: Readonly<Record<UniqueSpace, number>> = {
  email: MAX_PERSONS * VARIANTS_PER_PERSON,
  externalId: MAX_PERSONS * VARIANTS_PER_PERSON,
  profileId: MAX_PERSONS * MAX_PROFILES_PER_PERSON,
  card: MAX_PERSONS * MAX_PROFILES_PER_PERSON * MAX_CARDS_PER_PROFILE,
  bill: MAX_PERSONS * MAX_PROFILES_PER_PERSON * MAX_TRANSACTIONS_PER_PROFILE,
};

export function createGenerationContext(seed: number): GenerationContext {
  checkMobilePlans();
  const randomizer = new StreamRandomizer();
  const fakers = new Map<FakerOrigin, Faker>();
  for (const [origin, localeFaker] of Object.entries(LOCALES) as [FakerOrigin, Faker][]) {
    // The locale module exports an instance, not the class; its constructor is Faker itself.
    const FakerClass = localeFaker.constructor as new (options: { locale: Faker['rawDefinitions']; randomizer: StreamRandomizer }) => Faker;
    const instance = new FakerClass({ locale: localeFaker.rawDefinitions, randomizer });
    instance.setDefaultRefDate(REFERENCE_DATE);
    fakers.set(origin, instance);
  }
  const permutations = new Map<string, KeyedPermutation>();
  const permutation = (label: string, size: number) => {
    let p = permutations.get(label);
    if (!p) {
      p = new KeyedPermutation(size, seed, label);
      permutations.set(label, p);
    }
    return p;
  };
  return {
    seed,
    faker: (origin) => fakers.get(origin)!,
    streams: (index) => new PersonStreams(randomizer, seed, index),
    unique: (space, index) => permutation(space, SPACE_SIZES[space]).apply(index),
    mobileSlot: (market, index) => {
      const plan = MARKETS[market].mobile;
      return permutation(`mobile:${market}`, mobileCapacity(plan)).apply(index);
    },
  };
}
