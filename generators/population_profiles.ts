// Named population profiles: which markets, which org the population is meant for, and how each person's
// registrations are laid out. The layouts are life stories, not rules of the reference: who registered
// where, when, with which identifiers. The ground truth is the person who owns each registration.
import type { PopulationOrgSetup } from './population_format.ts';
import type { GenerationContext } from './generation_context.ts';
import { MARKETS, type Market } from './markets.ts';
import { ORG_STATUS_LABELS, addTrait, createPerson, personEmail, personExternalId, personMobile, type Person, type TimeRange } from './person.ts';
import { defaultAccount, laterDate, type ProfilePlan } from './source_profiles.ts';

export interface PopulationProfile {
  readonly name: string;
  readonly description: string;
  readonly org: PopulationOrgSetup;
  readonly range: { readonly from: string; readonly to: string };
  readonly markets: readonly (readonly [string, number])[];
  readonly loyaltyShare: number;
  readonly purchases: readonly (readonly [number, number])[];
  /** The person at `index`, with the registrations they make, in the order they make them. */
  person(ctx: GenerationContext, index: number, range: TimeRange): { person: Person; plans: ProfilePlan[] };
}

const RANGE = { from: '2023-01-01T00:00:00Z', to: '2025-12-31T23:59:59Z' } as const;
const MARKET_MIX: readonly (readonly [string, number])[] = [['IN', 30], ['ID', 20], ['CN', 15], ['SG', 12], ['MY', 12], ['AE', 11]];
const PURCHASES: readonly (readonly [number, number])[] = [[0, 35], [1, 25], [2, 15], [3, 10], [4, 8], [6, 7]];

/** What each source typically carries: [chance of a mobile, chance of an email]. */
const CARRIES: Readonly<Record<string, readonly [number, number]>> = {
  INSTORE: [1, 0.5],
  ECOMMERCE: [0.7, 1],
  MOBILE_APP: [1, 0.6],
  WEB_ENGAGE: [0.4, 1],
  WECHAT: [0.5, 0],
  FACEBOOK: [0.2, 0.85],
  LINE: [0.4, 0.3],
};
/** Sources where a loyalty member enrols (the others register them as non-loyalty). */
const ENROLLING_SOURCES = new Set(['INSTORE', 'MOBILE_APP', 'ECOMMERCE']);

function drawMarket(ctx: GenerationContext, index: number, markets: PopulationProfile['markets']): Market {
  return MARKETS[ctx.streams(index).open('market').weighted(markets)];
}

/**
 * An ordinary life: one to four registrations through the market's sources; some people move and get a
 * new mobile (often with a new email), and later registrations carry the new values.
 */
function ordinaryLife(ctx: GenerationContext, person: Person, range: TimeRange): ProfilePlan[] {
  const s = person.streams.open('life');
  const count = s.weighted([[1, 45], [2, 30], [3, 17], [4, 8]] as const);
  const moved = s.chance(0.12);
  const newEmailWithMove = moved && s.chance(0.35);
  const newEmailAlone = !moved && s.chance(0.05);
  const changeDate = range.from + s.float() * (range.to - range.from);
  const mobiles = [personMobile(ctx, person.market, person.index, 0)];
  if (moved) mobiles.push(personMobile(ctx, person.market, person.index, 1));
  const emailChanged = newEmailWithMove || newEmailAlone;
  const emails = [personEmail(person, ctx, 0)];
  if (emailChanged) emails.push(personEmail(person, ctx, 1));
  const sourcesDraw = person.streams.open('sources');
  const available = [...person.market.sources];
  const plans: ProfilePlan[] = [];
  let date = person.firstSeen;
  const carriesDraw = () => person.streams.open('carries', plans.length);
  for (let k = 0; k < count && available.length > 0; k++) {
    const source = pickWithout(available, sourcesDraw.float());
    plans.push({ source, loyalty: false, date, variations: true });
    date = laterDate(date, sourcesDraw.float(), range);
  }
  const laterThan = (d: number) => changeDate <= d;
  if (moved && plans.some((p) => laterThan(p.date))) addTrait(person, 'moved-mobile');
  if (emailChanged && plans.some((p) => laterThan(p.date))) addTrait(person, newEmailWithMove ? 'new-email-with-move' : 'new-email');
  return plans.map((plan) => {
    const carries = carriesDraw();
    const [mobileChance, emailChance] = CARRIES[plan.source] ?? [1, 0.5];
    let hasMobile = carries.chance(mobileChance);
    const hasEmail = carries.chance(emailChance);
    if (!hasMobile && !hasEmail) hasMobile = true;
    const after = laterThan(plan.date);
    const loyalty = person.loyalty && ENROLLING_SOURCES.has(plan.source);
    return {
      ...plan,
      loyalty,
      ...(hasMobile ? { mobile: mobiles[after && moved ? 1 : 0] } : {}),
      ...(hasEmail ? { email: emails[after && emailChanged ? 1 : 0] } : {}),
      ...(loyalty && (plan.source === 'INSTORE' || carries.chance(0.5)) ? { externalId: personExternalId(person, ctx, 0) } : {}),
    };
  });
}

/** Removes and returns a weighted choice from `choices`. */
function pickWithout(choices: (readonly [string, number])[], draw: number): string {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let r = draw * total;
  for (let i = 0; i < choices.length; i++) {
    r -= choices[i][1];
    if (r < 0 || i === choices.length - 1) return choices.splice(i, 1)[0][0];
  }
  throw new Error('no choice left');
}

/**
 * The org a population is meant for: its identity configs, in India with every market supported, with
 * customer status on and the labels the persons carry.
 */
function orgFor(configs: PopulationOrgSetup['configs']): PopulationOrgSetup {
  return {
    configs: { ...configs, CONF_CUSTOMER_STATUS_ENABLED: true },
    statusLabels: ORG_STATUS_LABELS,
    baseCountry: 'IN',
    supportedCountries: MARKET_MIX.map(([code]) => code),
  };
}

const balanced: PopulationProfile = {
  name: 'balanced',
  description: 'six markets, one to four registrations per person, ordinary life changes (moves, new emails, nicknames, slips)',
  org: orgFor({ CONF_REGISTRATION_PRIMARY_KEY: 'mobile', CONF_ALLOW_REGISTRATION_FROM_ANY_IDENTIFIERS: true, CONF_CLIENT_DEFAULT_COUNTRYCODE_PASSED: true }),
  range: RANGE,
  markets: MARKET_MIX,
  loyaltyShare: 0.55,
  purchases: PURCHASES,
  person(ctx, index, range) {
    const person = createPerson(ctx, index, drawMarket(ctx, index, this.markets), range, { loyaltyShare: this.loyaltyShare });
    return { person, plans: ordinaryLife(ctx, person, range) };
  },
};

/**
 * Seed 004's situations at scale: a campaign user (imported from the campaign list, non-loyalty) and the
 * same person's later loyalty registrations and incoming transaction, colliding on the primary (mobile)
 * or secondary (email) identifier exactly as the seed's tables lay out.
 */
export const SEED_004_PATTERNS = ['seed004-example-1', 'seed004-example-2', 'seed004-example-3', 'seed004-example-4', 'campaign-shares-primary'] as const;
const CAMPAIGN = { source: 'WEB_ENGAGE', accountId: 'webengage-campaigns' } as const;

function seed004Life(ctx: GenerationContext, person: Person, pattern: (typeof SEED_004_PATTERNS)[number], range: TimeRange): ProfilePlan[] {
  const s = person.streams.open('seed004Dates');
  const d0 = person.firstSeen;
  const d1 = laterDate(d0, s.float(), range);
  const d2 = laterDate(d1, s.float(), range);
  const incomingSource = s.pick(['INSTORE', 'ECOMMERCE', 'MOBILE_APP']);
  const employer = s.pick(['acme', 'globex', 'initech', 'umbrella', 'stark']);
  const e1 = personEmail(person, ctx, 0);
  const m1 = personMobile(ctx, person.market, person.index, 0);
  const incoming = (email: string | undefined, mobile: string | undefined, date: number): ProfilePlan => ({
    source: incomingSource,
    loyalty: true,
    date,
    ...(email ? { email } : {}),
    ...(mobile ? { mobile } : {}),
    variations: false,
    minTransactions: 1,
  });
  const campaign = (email: string | undefined, mobile: string | undefined): ProfilePlan => ({
    ...CAMPAIGN,
    loyalty: false,
    date: d0,
    ...(email ? { email } : {}),
    ...(mobile ? { mobile } : {}),
    variations: false,
  });
  const loyaltyUser = (email: string | undefined, mobile: string | undefined, date: number): ProfilePlan => ({
    source: 'INSTORE',
    loyalty: true,
    date,
    ...(email ? { email } : {}),
    ...(mobile ? { mobile } : {}),
    variations: false,
  });
  addTrait(person, 'campaign-collision');
  addTrait(person, pattern);
  switch (pattern) {
    case 'seed004-example-1': {
      // The person moved: the campaign list still has the old mobile.
      addTrait(person, 'moved-mobile');
      const m2 = personMobile(ctx, person.market, person.index, 1);
      return [campaign(e1, m1), incoming(e1, m2, d1)];
    }
    case 'seed004-example-2': {
      addTrait(person, 'moved-mobile');
      const m2 = personMobile(ctx, person.market, person.index, 1);
      return [campaign(e1, m1), loyaltyUser(undefined, m2, d1), incoming(e1, m2, d2)];
    }
    case 'seed004-example-3':
      return [campaign(undefined, m1), loyaltyUser(e1, undefined, d1), incoming(e1, m1, d2)];
    case 'seed004-example-4':
      return [campaign(e1, undefined), loyaltyUser(undefined, m1, d1), incoming(e1, m1, d2)];
    case 'campaign-shares-primary': {
      // The campaign list has the person's work address; they enrol with their personal one.
      const work = personEmail(person, ctx, 1, `${employer}-${person.market.code.toLowerCase()}.example`);
      return [campaign(work, m1), { ...loyaltyUser(e1, m1, d1), minTransactions: 1 }];
    }
  }
}

const mergeHeavy: PopulationProfile = {
  name: 'merge-heavy',
  description: "seed 004 at scale: campaign users colliding with the same people's loyalty registrations on mobile and email",
  org: orgFor({ CONF_SKIP_SECONDARY: true, CONF_REGISTRATION_PRIMARY_KEY: 'mobile', CONF_ALLOW_REGISTRATION_FROM_ANY_IDENTIFIERS: true }),
  range: RANGE,
  markets: MARKET_MIX,
  loyaltyShare: 0.7,
  purchases: PURCHASES,
  person(ctx, index, range) {
    const person = createPerson(ctx, index, drawMarket(ctx, index, this.markets), range, { loyaltyShare: this.loyaltyShare });
    const pattern = person.streams.open('pattern').weighted<(typeof SEED_004_PATTERNS)[number] | 'ordinary'>([
      ['seed004-example-1', 17],
      ['seed004-example-2', 17],
      ['seed004-example-3', 16],
      ['seed004-example-4', 16],
      ['campaign-shares-primary', 16],
      ['ordinary', 18],
    ]);
    return { person, plans: pattern === 'ordinary' ? ordinaryLife(ctx, person, range) : seed004Life(ctx, person, pattern, range) };
  },
};

/**
 * Seed 000 "Dual eligibility": loyalty members are identified by their external id (unique primary),
 * while mobiles and emails are shared: the same person holding two memberships, and households sharing
 * one phone and email between different people.
 */
const dualEligibility: PopulationProfile = {
  name: 'dual-eligibility',
  description: 'seed 000 dual eligibility: unique external ids, mobiles and emails shared by memberships and households',
  org: orgFor({ CONF_INSTORE_V2_ENABLED: true, CONF_REGISTRATION_PRIMARY_KEY: 'externalId' }),
  range: RANGE,
  markets: MARKET_MIX,
  loyaltyShare: 1,
  purchases: PURCHASES,
  person(ctx, index, range) {
    // Persons 2k and 2k+1 may form a household: both draw it from person 2k's stream.
    const head = index - (index % 2);
    const household = ctx.streams(head).open('household').chance(0.3);
    const market = drawMarket(ctx, household ? head : index, this.markets);
    const person = createPerson(ctx, index, market, range, { loyaltyShare: 1 });
    const s = person.streams.open('dualLife');
    const dualMembership = s.chance(0.35);
    const sameIdOtherSource = s.chance(0.3);
    const d1 = laterDate(person.firstSeen, s.float(), range);
    const d2 = laterDate(d1, s.float(), range);
    const sharedEmail = ctx.streams(head).open('householdEmail').chance(0.5);
    let mobile = personMobile(ctx, market, person.index, 0);
    let email = personEmail(person, ctx, 0);
    if (household) {
      addTrait(person, 'shared-household');
      mobile = personMobile(ctx, market, head, 2);
      if (sharedEmail) {
        addTrait(person, 'shared-household-email');
        // The household's address belongs to the head of the household (variant 2).
        email = index === head ? personEmail(person, ctx, 2) : householdEmailOf(ctx, head, market, range);
      }
    }
    const x1 = personExternalId(person, ctx, 0);
    const member = (externalId: string, date: number, source = 'INSTORE'): ProfilePlan => ({
      source,
      ...(defaultAccount(source, market) ? { accountId: defaultAccount(source, market) } : {}),
      loyalty: true,
      date,
      mobile,
      email,
      externalId,
      variations: false,
    });
    const plans = [member(x1, person.firstSeen)];
    if (dualMembership) {
      addTrait(person, 'dual-membership');
      plans.push(member(personExternalId(person, ctx, 1), d1));
    }
    if (sameIdOtherSource) {
      addTrait(person, 'same-primary-other-source');
      plans.push(member(x1, dualMembership ? d2 : d1, 'MOBILE_APP'));
    }
    return { person, plans };
  },
};

/** The household email of head `head`, computed as the head computes it. */
function householdEmailOf(ctx: GenerationContext, head: number, market: Market, range: TimeRange): string {
  const headPerson = createPerson(ctx, head, market, range, { loyaltyShare: 1 });
  return personEmail(headPerson, ctx, 2);
}

export const POPULATION_PROFILES: Readonly<Record<string, PopulationProfile>> = {
  [balanced.name]: balanced,
  [mergeHeavy.name]: mergeHeavy,
  [dualEligibility.name]: dualEligibility,
};
