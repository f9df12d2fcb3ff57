// A real person of the population (the hidden truth): who they are, the identifiers they own over time,
// and what happened in their life that shows in their profiles (a new mobile after a move, a new email).
import { mobileAt, type Market, type NameOrigin } from './markets.ts';
import { MALAY, SG_CHINESE } from './names.ts';
import type { GenerationContext } from './generation_context.ts';
import { VARIANTS_PER_PERSON } from './generation_context.ts';
import type { PopulationStatusLabel } from './population_format.ts';
import type { PersonStreams } from './random_streams.ts';

export interface PersonName {
  readonly first: string;
  /** Absent for people with one name (common in Indonesia). */
  readonly last?: string;
  /** Another first name the person goes by (an English name beside a Chinese one). */
  readonly alias?: string;
}

export interface Person {
  readonly index: number;
  readonly personId: string;
  readonly market: Market;
  readonly origin: NameOrigin;
  readonly name: PersonName;
  readonly streams: PersonStreams;
  readonly loyalty: boolean;
  readonly statusLabel?: string;
  /** Registration window of this person's first profile (ms since epoch). */
  readonly firstSeen: number;
  /** The traits the generator gave the person (ground truth labels). */
  readonly traits: string[];
}

/** The time range of a population. */
export interface TimeRange {
  readonly from: number;
  readonly to: number;
}

/**
 * The org's customer status labels (seed 001 "Managing customer lifecycle with customer status"), in the
 * order they are created: the first under Active is the default, so a person without a label is Active.
 * The restrictions make a loaded population exercise the blocks a status carries.
 */
export const ORG_STATUS_LABELS: readonly PopulationStatusLabel[] = [
  { status: 'Active', label: 'Member' },
  { status: 'Suspended', label: 'Suspended', restrictions: ['Block transaction'] },
  { status: 'Suspended', label: 'Inactive' },
  { status: 'Fraud suspected', label: 'Fraud suspected', restrictions: ['Block points redemption', 'Block coupons redemption'] },
  { status: 'Fraud confirmed', label: 'Fraud confirmed', restrictions: ['Block points allocation', 'Block transaction'] },
  { status: 'Internal', label: 'Internal', restrictions: ['Mark transaction outlier'] },
];

/** How often each label of ORG_STATUS_LABELS is held; undefined is the default label (Active). */
const STATUS_LABELS: readonly (readonly [string | undefined, number])[] = [
  [undefined, 90],
  ['Suspended', 3],
  ['Fraud suspected', 2],
  ['Internal', 2],
  ['Fraud confirmed', 1],
  ['Inactive', 2],
];

const DAY = 86_400_000;

function drawName(person: { origin: NameOrigin; streams: PersonStreams; market: Market }, ctx: GenerationContext): PersonName {
  const s = person.streams.open('name');
  const female = s.chance(0.5);
  const sex = female ? 'female' : 'male';
  switch (person.origin) {
    case 'sg_chinese':
      return { first: s.pick(SG_CHINESE.given), last: s.pick(SG_CHINESE.last), ...(s.chance(0.5) ? { alias: s.pick(SG_CHINESE.english) } : {}) };
    case 'malay': {
      const first = s.pick(female ? MALAY.female : MALAY.male);
      return { first, last: `${female ? 'binti' : 'bin'} ${s.pick(MALAY.fathers)}` };
    }
    case 'id_ID': {
      const faker = ctx.faker('id_ID');
      const first = faker.person.firstName(sex);
      // Many Indonesians have a single name.
      return s.chance(0.15) ? { first } : { first, last: faker.person.lastName(sex) };
    }
    default: {
      const faker = ctx.faker(person.origin);
      return { first: faker.person.firstName(sex), last: faker.person.lastName(sex) };
    }
  }
}

export function createPerson(
  ctx: GenerationContext,
  index: number,
  market: Market,
  range: TimeRange,
  options: { loyaltyShare: number },
): Person {
  const streams = ctx.streams(index);
  const origin = streams.open('origin').weighted(market.names);
  const name = drawName({ origin, streams, market }, ctx);
  const loyalty = streams.open('loyalty').chance(options.loyaltyShare);
  const statusLabel = streams.open('statusLabel').weighted(STATUS_LABELS);
  // The first registration leaves room for later ones.
  const firstSeen = Math.round(range.from + streams.open('firstSeen').float() * (range.to - range.from - 60 * DAY));
  return {
    index,
    personId: `person-${index + 1}`,
    market,
    origin,
    name,
    streams,
    loyalty,
    ...(statusLabel !== undefined ? { statusLabel } : {}),
    firstSeen: Math.floor(firstSeen / 1000) * 1000,
    traits: [],
  };
}

/**
 * The national significant number of one of the person's mobiles (variant 0: the first one). The plan's
 * blocks are checked against libphonenumber once per process (checkMobilePlans), not per number.
 */
export function personMobile(ctx: GenerationContext, market: Market, ownerIndex: number, variant: number): string {
  return mobileAt(market.mobile, ctx.mobileSlot(market.code, ownerIndex * VARIANTS_PER_PERSON + variant));
}

/** Letters of a name usable in an email's local part (Faker transliterates non-Latin scripts). */
function emailBase(person: Person, ctx: GenerationContext, variant: number): string {
  const s = person.streams.open('emailBase', variant);
  const faker = ctx.faker(person.origin === 'sg_chinese' || person.origin === 'malay' ? 'en' : person.origin);
  const first = person.name.alias && s.chance(0.5) ? person.name.alias : person.name.first;
  const username = faker.internet.username({ firstName: first.split(' ')[0], lastName: (person.name.last ?? '').split(' ').pop() || undefined });
  const letters = username.toLowerCase().replace(/[^a-z._]/g, '').replace(/^[._]+|[._]+$/g, '').replace(/[._]{2,}/g, '.');
  return letters || 'user';
}

/**
 * One of the person's email addresses (variant 0: the first; 1: a later or work address). The number in
 * the local part comes from a bijection of (person, variant), so two persons never share an address.
 */
export function personEmail(person: Person, ctx: GenerationContext, variant: number, domain?: string): string {
  const token = ctx.unique('email', person.index * VARIANTS_PER_PERSON + variant);
  const chosenDomain = domain ?? person.streams.open('emailDomain', variant).weighted(person.market.emailDomains);
  if (chosenDomain === 'qq.com') return `${10_000 + token}@qq.com`;
  return `${emailBase(person, ctx, variant)}${token}@${chosenDomain}`;
}

/** The loyalty member number (externalId): market letters and 9 digits, unique per (person, variant). */
export function personExternalId(person: Person, ctx: GenerationContext, variant: number): string {
  return `${person.market.code}${String(ctx.unique('externalId', person.index * VARIANTS_PER_PERSON + variant)).padStart(9, '0')}`;
}

export function addTrait(person: Person, trait: string): void {
  if (!person.traits.includes(trait)) person.traits.push(trait);
}
