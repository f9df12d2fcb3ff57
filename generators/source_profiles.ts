// From a person's plan to the source profiles they left: each source carries what it really carries
// (a WeChat profile has a WeChat id and maybe a mobile, no email), written the way that source writes it
// (national or international mobiles, email case, plus-addressing, short names, typing slips), with the
// person's subscriptions, cards and purchases.
import type {
  PopulationCard,
  PopulationCommChannel,
  PopulationIdentifier,
  PopulationLineItem,
  PopulationSubscription,
  PopulationTransaction,
  SourceProfileRecord,
} from './population_format.ts';
import { MAX_CARDS_PER_PROFILE, MAX_PROFILES_PER_PERSON, MAX_TRANSACTIONS_PER_PROFILE, type GenerationContext } from './generation_context.ts';
import { MULTI_ACCOUNT_SOURCES, SELLING_SOURCES, type Market } from './markets.ts';
import { shortForm, swapAdjacent } from './names.ts';
import { isValidMobile } from './mobiles.ts';
import { addTrait, type Person, type TimeRange } from './person.ts';
import { hashText } from './random_streams.ts';

/** What one registration of a person carries, before the source writes it down. */
export interface ProfilePlan {
  readonly source: string;
  readonly accountId?: string;
  readonly loyalty: boolean;
  readonly date: number;
  /** National significant number. */
  readonly mobile?: string;
  /** Canonical (lower-case) address. */
  readonly email?: string;
  readonly externalId?: string;
  /** False keeps the identifiers exactly as planned (the collision patterns depend on exact values). */
  readonly variations: boolean;
  /** At least this many purchases (seed 004's incoming transaction). */
  readonly minTransactions?: number;
}

export interface RenderOptions {
  readonly range: TimeRange;
  /** The org's base country: only its residents give mobiles without the country code. */
  readonly baseCountry: string;
  /** Weights of the number of purchases of a profile of a selling source. */
  readonly purchases: readonly (readonly [number, number])[];
}

const SUBSCRIPTION_CHANNEL: Readonly<Record<string, string>> = { mobile: 'SMS', email: 'EMAIL', wechat: 'WECHAT', line: 'LINE' };
const CARD_SERIES: readonly (readonly [string, number])[] = [['CLASSIC', 70], ['GOLD', 22], ['PLATINUM', 8]];
const QUANTITIES: readonly (readonly [number, number])[] = [[1, 75], [2, 18], [3, 7]];
const DAY = 86_400_000;

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19) + 'Z';

/** The default account of a multi-account source in a market. */
export function defaultAccount(source: string, market: Market): string | undefined {
  return MULTI_ACCOUNT_SOURCES.has(source) ? `${source.toLowerCase().replace(/_/g, '')}-${market.code.toLowerCase()}` : undefined;
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

function writtenName(person: Person, plan: ProfilePlan, slot: number): { firstName?: string; lastName?: string } {
  const s = person.streams.open('profileName', slot);
  const { first, last, alias } = person.name;
  if (plan.source === 'WECHAT') {
    // WeChat hands over the user's nickname, not their registered name.
    addTrait(person, 'wechat-nickname');
    return { firstName: alias && s.chance(0.5) ? alias : first.split(' ')[0] };
  }
  let firstName = alias && s.chance(0.4) ? alias : first;
  let lastName = last;
  if (!plan.variations) return { firstName, ...(lastName ? { lastName } : {}) };
  const r = s.float();
  if (plan.source === 'INSTORE' && r < 0.15 && /^[\p{Script=Latin} ]+$/u.test(`${firstName}${lastName ?? ''}`)) {
    firstName = firstName.toUpperCase();
    lastName = lastName?.toUpperCase();
    addTrait(person, 'name-upper-case');
  } else if (r < 0.32) {
    const short = shortForm(firstName, (items) => s.pick(items));
    if (short && short !== firstName) {
      firstName = short;
      addTrait(person, 'nickname');
    }
  } else if (plan.source === 'INSTORE' && r < 0.36 && lastName && /^[A-Za-z]{4,}$/.test(lastName)) {
    lastName = swapAdjacent(lastName, s.int(0, lastName.length));
    addTrait(person, 'name-typo');
  }
  return { firstName, ...(lastName ? { lastName } : {}) };
}

function writtenMobile(person: Person, plan: ProfilePlan, slot: number, options: RenderOptions): string | undefined {
  if (plan.mobile === undefined) return undefined;
  const plan_ = person.market.mobile;
  let nsn = plan.mobile;
  if (!plan.variations) return plan_.callingCode + nsn;
  const s = person.streams.open('profileMobile', slot);
  if (plan.source === 'INSTORE' && s.chance(0.06)) {
    // A slip at the till: two neighbouring digits of the subscriber part swapped, still a valid number.
    const subscriberStart = plan_.prefixes.find((p) => nsn.startsWith(p))!.length;
    const at = s.int(0, nsn.length - subscriberStart - 2);
    const slipped = nsn.slice(0, subscriberStart) + swapAdjacent(nsn.slice(subscriberStart), at);
    if (slipped !== nsn && isValidMobile(person.market, slipped)) {
      nsn = slipped;
      addTrait(person, 'mistyped-mobile');
    }
  }
  if (person.market.code === options.baseCountry && s.chance(0.25)) {
    addTrait(person, 'mobile-without-country-code');
    return (plan_.trunkZero && s.chance(0.5) ? '0' : '') + nsn;
  }
  return plan_.callingCode + nsn;
}

function writtenEmail(person: Person, plan: ProfilePlan, slot: number): string | undefined {
  if (plan.email === undefined || !plan.variations) return plan.email;
  const s = person.streams.open('profileEmail', slot);
  const [local, domain] = plan.email.split('@');
  const r = s.float();
  if (r < 0.1 && domain === 'gmail.com') {
    addTrait(person, 'plus-address');
    return `${local}+${s.pick(['shop', 'promo', 'deals', plan.source.toLowerCase()])}@${domain}`;
  }
  if (r < 0.22) {
    addTrait(person, 'email-case');
    const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
    return `${local.split('.').map(capital).join('.')}@${capital(domain)}`;
  }
  return plan.email;
}

function socialId(person: Person, slot: number, kind: 'wechat' | 'line'): string {
  const s = person.streams.open('socialId', slot);
  if (kind === 'line') {
    let hex = '';
    for (let i = 0; i < 4; i++) hex += s.uint32().toString(16).padStart(8, '0');
    return `U${hex}`;
  }
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let id = 'o';
  for (let i = 0; i < 27; i++) id += alphabet[s.int(0, 63)];
  return id;
}

// A product's SKU is a hash of its name; Faker's product names are a few thousand combinations.
const SKUS = new Map<string, string>();
function skuOf(description: string): string {
  let sku = SKUS.get(description);
  if (sku === undefined) {
    sku = `SKU-${hashText(description).toString(36).toUpperCase()}`;
    if (SKUS.size < 50_000) SKUS.set(description, sku);
  }
  return sku;
}

function transactions(person: Person, plan: ProfilePlan, slot: number, ctx: GenerationContext, options: RenderOptions): PopulationTransaction[] {
  if (!SELLING_SOURCES.has(plan.source) && !plan.minTransactions) return [];
  const wanted = Math.max(plan.minTransactions ?? 0, person.streams.open('purchaseCount', slot).weighted(options.purchases));
  const count = Math.min(wanted, MAX_TRANSACTIONS_PER_PROFILE);
  const market = person.market;
  const faker = ctx.faker(person.origin === 'sg_chinese' || person.origin === 'malay' ? 'en' : person.origin);
  const result: PopulationTransaction[] = [];
  for (let k = 0; k < count; k++) {
    const s = person.streams.open('purchase', slot * MAX_TRANSACTIONS_PER_PROFILE + k);
    const billDate = plan.date + s.float() * Math.max(0, options.range.to - plan.date);
    const storeCode =
      plan.source === 'INSTORE' ? `${market.code}-${s.pick(market.cities)}-${String(s.int(1, 40)).padStart(3, '0')}` : `${market.code}-${plan.source === 'ECOMMERCE' ? 'WEB' : 'APP'}`;
    const lineItems: PopulationLineItem[] = [];
    const items = s.weighted([[1, 45], [2, 30], [3, 15], [4, 10]] as const);
    for (let i = 0; i < items; i++) {
      const description = faker.commerce.productName();
      const rate = round(market.priceScale * (2 + s.float() ** 2 * 150), market.decimals);
      const qty = s.weighted(QUANTITIES);
      lineItems.push({ sku: skuOf(description), description, qty, rate, amount: round(qty * rate, market.decimals) });
    }
    const billNumber = `B${ctx.unique('bill', (person.index * MAX_PROFILES_PER_PERSON + slot) * MAX_TRANSACTIONS_PER_PROFILE + k).toString(36).toUpperCase().padStart(6, '0')}`;
    result.push({
      billNumber,
      billAmount: round(lineItems.reduce((sum, item) => sum + item.amount, 0), market.decimals),
      billDate: iso(billDate),
      storeCode,
      lineItems,
    });
  }
  return result.sort((a, b) => (a.billDate < b.billDate ? -1 : a.billDate > b.billDate ? 1 : 0));
}

function cards(person: Person, plan: ProfilePlan, slot: number, ctx: GenerationContext): PopulationCard[] {
  if (!plan.loyalty || plan.source !== 'INSTORE') return [];
  const s = person.streams.open('cards', slot);
  const count = s.weighted([[0, 40], [1, 50], [2, 10]] as const);
  const result: PopulationCard[] = [];
  for (let k = 0; k < count; k++) {
    // One slot per card of each profile: no two profiles, of one person or two, get the same number.
    const number = ctx.unique('card', (person.index * MAX_PROFILES_PER_PERSON + slot) * MAX_CARDS_PER_PROFILE + k);
    result.push({ cardNumber: `70${String(number).padStart(10, '0')}`, seriesCode: s.weighted(CARD_SERIES) });
  }
  if (count === 2) addTrait(person, 'replacement-card');
  return result;
}

function subscriptions(person: Person, slot: number, channels: readonly PopulationCommChannel[]): PopulationSubscription[] {
  const s = person.streams.open('subscriptions', slot);
  const result: PopulationSubscription[] = [];
  for (const channel of channels) {
    const name = SUBSCRIPTION_CHANNEL[channel.type];
    if (!name) continue;
    result.push({ channel: name, type: 'TRANS', status: s.chance(0.97) ? 'OPTIN' : 'OPTOUT' });
    result.push({ channel: name, type: 'BULK', status: channel.subscribed ? 'OPTIN' : 'OPTOUT' });
  }
  return result;
}

export function renderProfile(person: Person, plan: ProfilePlan, slot: number, ctx: GenerationContext, options: RenderOptions): SourceProfileRecord {
  if (slot >= MAX_PROFILES_PER_PERSON) throw new Error(`a person has at most ${MAX_PROFILES_PER_PERSON} profiles`);
  const identifiers: PopulationIdentifier[] = [];
  const commChannels: PopulationCommChannel[] = [];
  const channelStream = person.streams.open('channels', slot);
  const verified = plan.source !== 'INSTORE' || channelStream.chance(0.3);
  const mobile = writtenMobile(person, plan, slot, options);
  const email = writtenEmail(person, plan, slot);
  const optIns = person.streams.open('optIns', slot);
  if (mobile !== undefined) {
    identifiers.push({ type: 'mobile', value: mobile });
    commChannels.push({ type: 'mobile', value: mobile, primary: true, verified, subscribed: optIns.chance(0.6) });
  }
  if (email !== undefined) {
    identifiers.push({ type: 'email', value: email });
    commChannels.push({ type: 'email', value: email, primary: true, verified, subscribed: optIns.chance(0.5) });
  }
  if (plan.externalId !== undefined) identifiers.push({ type: 'externalId', value: plan.externalId });
  if (plan.source === 'WECHAT' || plan.source === 'LINE') {
    const kind = plan.source === 'WECHAT' ? 'wechat' : 'line';
    const id = socialId(person, slot, kind);
    // WeChat and LINE ids are channels, not matching identifiers: the contract matches on mobile, email, externalId.
    commChannels.push({ type: kind, value: id, primary: true, verified: true, subscribed: person.streams.open('socialOptIn', slot).chance(0.7) });
  }
  const accountId = plan.accountId ?? defaultAccount(plan.source, person.market);
  const transactionsOfProfile = transactions(person, plan, slot, ctx, options);
  return {
    record: 'profile',
    profileId: `sp-${ctx.unique('profileId', person.index * MAX_PROFILES_PER_PERSON + slot).toString(36).padStart(6, '0')}`,
    source: plan.source,
    ...(accountId !== undefined ? { accountId } : {}),
    loyaltyType: plan.loyalty ? 'loyalty' : 'non_loyalty',
    ...writtenName(person, plan, slot),
    identifiers,
    commChannels,
    createDate: iso(plan.date),
    ...(person.statusLabel !== undefined ? { statusLabel: person.statusLabel } : {}),
    subscriptions: subscriptions(person, slot, commChannels),
    cards: cards(person, plan, slot, ctx),
    transactions: transactionsOfProfile,
  };
}

/** Days after `after` at which a later registration happens (about four months on average). */
export function laterDate(after: number, draw: number, range: TimeRange): number {
  const gap = -Math.log(1 - draw) * 120 * DAY;
  return Math.floor(Math.min(range.to, after + DAY + gap) / 1000) * 1000;
}
