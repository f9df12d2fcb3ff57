// The generator's promises: reproducible bytes, independent fields, a ground truth consistent with the
// profiles, valid mobiles, names of each market's locale, and the properties each named profile promises.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { createRequire } from 'node:module';
import { createGenerationContext } from './generation_context.ts';
import { POPULATION_PROFILE_NAMES } from './generation_limits.ts';
import { POPULATION_PROFILES } from './population_profiles.ts';
import { identifier, population } from './population_test_support.ts';
import { writePopulation } from './write_population.ts';
import { groundTruthPath } from './population_format.ts';
import { SG_CHINESE } from './names.ts';
import { MARKETS } from './markets.ts';

const PERSONS = 600;

test('the same seed gives byte-identical files; another seed gives other values', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-gen-'));
  try {
    const read = (p: string) => [readFileSync(p, 'utf8'), readFileSync(groundTruthPath(p), 'utf8')];
    const [a, b, c] = ['a', 'b', 'c'].map((name) => path.join(dir, `${name}.ndjson`));
    await writePopulation(a, { persons: 300, seed: 11, profile: 'balanced' });
    await writePopulation(b, { persons: 300, seed: 11, profile: 'balanced' });
    await writePopulation(c, { persons: 300, seed: 12, profile: 'balanced' });
    assert.deepEqual(read(a), read(b));
    const [first, other] = [read(a)[0].trimEnd().split('\n').slice(1), new Set(read(c)[0].trimEnd().split('\n'))];
    assert.ok(first.length > 300);
    const sharedLines = first.filter((line) => other.has(line)).length;
    assert.equal(sharedLines, 0, 'no profile line is identical between two seeds');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a person is the same whatever the size of the population (each person has its own streams)', () => {
  const small = population({ persons: 100, seed: 3, profile: 'balanced' });
  const large = population({ persons: 700, seed: 3, profile: 'balanced' });
  const byId = new Map(large.profiles.map((p) => [p.profileId, JSON.stringify(p)]));
  for (const p of small.profiles) assert.equal(byId.get(p.profileId), JSON.stringify(p));
  assert.deepEqual(small.truth, large.truth.slice(0, 100));
});

test('adding a field leaves every other field of every profile unchanged', () => {
  const plain = population({ persons: 200, seed: 9, profile: 'merge-heavy' });
  const extended = population({
    persons: 200,
    seed: 9,
    profile: 'merge-heavy',
    extraFields: [{ name: 'preferredStore', draw: (s) => `S${s.int(1, 99)}` }, { name: 'shoeSize', draw: (s) => s.int(35, 46) }],
  });
  assert.equal(extended.profiles.length, plain.profiles.length);
  const sizes = new Set<unknown>();
  extended.profiles.forEach((profile, i) => {
    const { extendedFields, ...rest } = profile;
    assert.ok(extendedFields && typeof extendedFields.preferredStore === 'string');
    sizes.add(extendedFields.shoeSize);
    assert.deepEqual(rest, plain.profiles[i]);
  });
  assert.ok(sizes.size > 5, 'the extra field itself varies');
  assert.equal(extended.truthText, plain.truthText);
});

test("a field's stream gives the same values whatever was drawn before it", () => {
  const ctx = createGenerationContext(5);
  const draw = (before: string[]) => {
    const streams = ctx.streams(42);
    for (const field of before) {
      const s = streams.open(field);
      for (let i = 0; i < 10; i++) s.float();
    }
    const email = streams.open('email');
    return [email.float(), email.float(), email.int(0, 1000)];
  };
  assert.deepEqual(draw([]), draw(['name', 'mobile', 'transactions']));
  assert.notDeepEqual(draw([]), (() => {
    const s = ctx.streams(43).open('email');
    return [s.float(), s.float(), s.int(0, 1000)];
  })());
});

test('a stream used after another was opened fails loudly instead of sharing values', () => {
  const streams = createGenerationContext(1).streams(0);
  const first = streams.open('a');
  streams.open('b');
  assert.throws(() => first.float(), /used after another stream was opened/);
});

test('Faker is pinned: exact version in package.json and a fingerprint of its values for our seeds', () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
  assert.match(pkg.dependencies['@faker-js/faker'], /^\d+\.\d+\.\d+$/, 'an exact version, not a range');
  const require = createRequire(import.meta.url);
  assert.equal((require('@faker-js/faker/package.json') as { version: string }).version, pkg.dependencies['@faker-js/faker']);
  const ctx = createGenerationContext(2024);
  ctx.streams(0).open('fingerprint');
  const values = [
    ctx.faker('en_IN').person.firstName(),
    ctx.faker('id_ID').person.lastName(),
    ctx.faker('zh_CN').person.fullName(),
    ctx.faker('ar').person.firstName(),
    ctx.faker('en').commerce.productName(),
    ctx.faker('en').internet.username({ firstName: 'Christopher', lastName: 'Tan' }),
    ctx.faker('en').date.recent().toISOString(),
  ];
  // Regenerate (and bump the package version) only when Faker is deliberately upgraded: every population changes.
  assert.deepEqual(values, FAKER_FINGERPRINT);
});

const FAKER_FINGERPRINT = ['Sachin', 'Ardianto', '蒋家明', 'مرشد', 'Ergonomic Plastic Salad', 'Christopher.Tan27', '2025-12-31T00:17:52.079Z'];

test('the ground truth lists every profile exactly once, in file order, and one record per person', () => {
  for (const name of POPULATION_PROFILE_NAMES) {
    const pop = population({ persons: PERSONS, seed: 21, profile: name });
    assert.equal(pop.header.persons, PERSONS);
    assert.equal(pop.header.profile, name);
    assert.equal(pop.truth.length, PERSONS, name);
    assert.equal(new Set(pop.truth.map((t) => t.personId)).size, PERSONS);
    const listed = pop.truth.flatMap((t) => t.profileIds);
    assert.equal(listed.length, pop.profiles.length, `${name}: as many truth entries as profiles`);
    assert.equal(new Set(listed).size, listed.length, `${name}: no profile listed twice`);
    const ids = pop.profiles.map((p) => p.profileId);
    assert.equal(new Set(ids).size, ids.length, `${name}: profile ids are unique`);
    for (const id of ids) assert.ok(pop.ownerOf.has(id), `${name}: ${id} has an owner`);
    const position = new Map(ids.map((id, i) => [id, i]));
    for (const person of pop.truth) {
      const at = person.profileIds.map((id) => position.get(id)!);
      assert.deepEqual(at, [...at].sort((a, b) => a - b), `${name}: ${person.personId}'s profiles in file order`);
    }
    // Profiles are in the order they happened, within each block of persons.
    for (const p of pop.profiles) assert.ok(p.identifiers.length > 0, 'every profile carries an identifier');
  }
});

test('profile ids do not reveal who owns them', () => {
  const pop = population({ persons: PERSONS, seed: 21, profile: 'balanced' });
  const multi = pop.truth.filter((t) => t.profileIds.length >= 2);
  const prefixShared = multi.filter((t) => t.profileIds[0].slice(0, 5) === t.profileIds[1].slice(0, 5)).length;
  assert.ok(prefixShared < multi.length * 0.2, `${prefixShared} of ${multi.length} persons have look-alike profile ids`);
});

function mobileCountry(value: string, market: string): { valid: boolean; country?: string } {
  const plan = MARKETS[market].mobile;
  const parsed = value.startsWith(plan.callingCode) && value.length === plan.callingCode.length + plan.length
    ? parsePhoneNumberFromString(`+${value}`)
    : parsePhoneNumberFromString(value, market as CountryCode);
  return { valid: parsed?.isValid() === true && ['MOBILE', 'FIXED_LINE_OR_MOBILE'].includes(parsed.getType() ?? ''), country: parsed?.country };
}

test("every mobile is a valid mobile of its owner's market (libphonenumber), with or without the country code", () => {
  let withoutCode = 0;
  for (const name of POPULATION_PROFILE_NAMES) {
    const pop = population({ persons: PERSONS, seed: 21, profile: name });
    for (const p of pop.profiles) {
      const value = identifier(p, 'mobile');
      if (value === undefined) continue;
      const market = pop.ownerOf.get(p.profileId)!.market;
      assert.match(value, /^\d+$/, 'digits only, as the API takes them');
      const { valid, country } = mobileCountry(value, market);
      assert.ok(valid && country === market, `${value} is a valid ${market} mobile`);
      if (!value.startsWith(MARKETS[market].mobile.callingCode) || value.length <= MARKETS[market].mobile.length) withoutCode++;
    }
  }
  assert.ok(withoutCode > 0, 'some mobiles are written without the country code');
});

test('names are in the locale of each market', () => {
  const pop = population({ persons: 1500, seed: 4, profile: 'balanced' });
  const byMarket = new Map<string, { first?: string; last?: string; source: string }[]>();
  for (const p of pop.profiles) {
    const market = pop.ownerOf.get(p.profileId)!.market;
    byMarket.set(market, [...(byMarket.get(market) ?? []), { first: p.firstName, last: p.lastName, source: p.source }]);
  }
  const share = (market: string, test: (n: { first?: string; last?: string; source: string }) => boolean) => {
    const names = byMarket.get(market) ?? [];
    assert.ok(names.length > 30, `${market} has people`);
    return names.filter(test).length / names.length;
  };
  const han = /\p{Script=Han}/u;
  assert.ok(share('CN', (n) => n.source !== 'WECHAT' && han.test(`${n.first}${n.last}`)) > 0.4, 'Chinese characters in China');
  assert.ok(share('AE', (n) => /\p{Script=Arabic}/u.test(`${n.first}${n.last}`)) > 0.15, 'Arabic names in the UAE');
  assert.ok(share('MY', (n) => /\bbin(ti)?\b/.test(n.last ?? '')) > 0.4, 'Malay patronymics in Malaysia');
  assert.ok(share('SG', (n) => (SG_CHINESE.last as readonly string[]).includes(n.last ?? '')) > 0.5, 'Chinese surnames in Singapore');
  assert.ok(share('IN', (n) => /^[A-Za-z .'-]+$/.test(`${n.first} ${n.last ?? ''}`)) > 0.95, 'Latin-script Indian names');
  assert.ok(share('ID', (n) => n.last === undefined) > 0.05, 'Indonesians with a single name');
});

test("one person's profiles vary the way life varies them: nicknames, email case and plus-addressing, moves", () => {
  const pop = population({ persons: 1500, seed: 4, profile: 'balanced' });
  const traits = new Map<string, number>();
  for (const t of pop.truth) for (const trait of t.traits) traits.set(trait, (traits.get(trait) ?? 0) + 1);
  for (const trait of ['nickname', 'email-case', 'plus-address', 'moved-mobile', 'mistyped-mobile', 'mobile-without-country-code', 'wechat-nickname']) {
    assert.ok((traits.get(trait) ?? 0) > 0, `some person has trait ${trait}`);
  }
  const profileOf = new Map(pop.profiles.map((p) => [p.profileId, p]));
  // A move is correlated over time: once the new mobile appears, later profiles never carry the old one.
  let checked = 0;
  for (const person of pop.truth.filter((t) => t.traits.includes('moved-mobile') && !t.traits.includes('mistyped-mobile'))) {
    const mobiles = person.profileIds.map((id) => identifier(profileOf.get(id)!, 'mobile')?.slice(-7)).filter((m): m is string => m !== undefined);
    const distinct = [...new Set(mobiles)];
    if (distinct.length < 2) continue;
    checked++;
    assert.equal(distinct.length, 2, `${person.personId}: an old and a new mobile`);
    const firstNew = mobiles.indexOf(distinct[1]);
    assert.ok(!mobiles.slice(firstNew).includes(distinct[0]), `${person.personId}: the old mobile does not come back after the move`);
  }
  assert.ok(checked > 5, `moves seen in enough people (${checked})`);
  // Nicknames: a short form of the name on another profile of the same person.
  const nicknamed = pop.truth.filter((t) => t.traits.includes('nickname')).some((t) => {
    const firsts = t.profileIds.map((id) => profileOf.get(id)!.firstName ?? '');
    return firsts.some((a) => firsts.some((b) => a !== b && b.length > a.length && b.startsWith(a)));
  });
  assert.ok(nicknamed, 'a short form and the full first name appear on one person');
});

test('identifiers are never shared by two different persons in the balanced population (apart from typing slips)', () => {
  const pop = population({ persons: 1500, seed: 4, profile: 'balanced' });
  const holder = new Map<string, string>();
  for (const p of pop.profiles) {
    const owner = pop.ownerOf.get(p.profileId)!;
    if (owner.traits.includes('mistyped-mobile')) continue;
    for (const i of p.identifiers) {
      const plan = MARKETS[owner.market].mobile;
      const nationalMobile = i.value.length > plan.length ? i.value.slice(-plan.length) : i.value;
      const key = `${i.type}:${i.type === 'mobile' ? `${owner.market}${nationalMobile}` : i.value.toLowerCase().replace(/\+[^@]*@/, '@')}`;
      const previous = holder.get(key);
      if (previous !== undefined && previous !== owner.personId) assert.fail(`${key} held by ${previous} and ${owner.personId}`);
      holder.set(key, owner.personId);
    }
  }
});

test('merge-heavy reproduces seed 004: campaign users colliding with the same people’s loyalty registrations', () => {
  const pop = population({ persons: PERSONS, seed: 21, profile: 'merge-heavy' });
  assert.equal(pop.header.org.configs.CONF_SKIP_SECONDARY, true);
  assert.equal(pop.header.org.configs.CONF_REGISTRATION_PRIMARY_KEY, 'mobile');
  const profileOf = new Map(pop.profiles.map((p) => [p.profileId, p]));
  let primaryShared = 0;
  let secondaryShared = 0;
  const patterns = new Set<string>();
  for (const person of pop.truth) {
    const profiles = person.profileIds.map((id) => profileOf.get(id)!);
    const campaign = profiles.find((p) => p.accountId === 'webengage-campaigns');
    if (!campaign) continue;
    assert.equal(campaign.loyaltyType, 'non_loyalty');
    assert.equal(profiles[0], campaign, 'the campaign user exists before the loyalty registrations');
    for (const t of person.traits) if (t.startsWith('seed004-') || t === 'campaign-shares-primary') patterns.add(t);
    const loyal = profiles.filter((p) => p.loyaltyType === 'loyalty');
    const [cm, ce] = [identifier(campaign, 'mobile'), identifier(campaign, 'email')];
    if (loyal.some((p) => cm !== undefined && identifier(p, 'mobile') === cm && identifier(p, 'email') !== ce)) primaryShared++;
    if (loyal.some((p) => ce !== undefined && identifier(p, 'email') === ce && identifier(p, 'mobile') !== cm)) secondaryShared++;
    const last = profiles.at(-1)!;
    assert.ok(last.transactions.length >= 1, 'the incoming user data comes with a transaction');
  }
  assert.deepEqual([...patterns].sort(), ['campaign-shares-primary', 'seed004-example-1', 'seed004-example-2', 'seed004-example-3', 'seed004-example-4']);
  assert.ok(primaryShared / PERSONS > 0.25, `same primary, different secondary: ${primaryShared} of ${PERSONS}`);
  assert.ok(secondaryShared / PERSONS > 0.25, `same secondary, different primary: ${secondaryShared} of ${PERSONS}`);
});

test('merge-heavy example 2 is the seed table: campaign (E1, M1), loyalty (no email, M2), incoming (E1, M2)', () => {
  const pop = population({ persons: PERSONS, seed: 21, profile: 'merge-heavy' });
  const profileOf = new Map(pop.profiles.map((p) => [p.profileId, p]));
  const people = pop.truth.filter((t) => t.traits.includes('seed004-example-2'));
  assert.ok(people.length > 20);
  for (const person of people) {
    const [campaign, loyalty, incoming] = person.profileIds.map((id) => profileOf.get(id)!);
    const ids = (p: typeof campaign) => [identifier(p, 'email'), identifier(p, 'mobile')];
    const [e1, m1] = ids(campaign);
    const [none, m2] = ids(loyalty);
    assert.ok(e1 && m1 && m2 && m1 !== m2);
    assert.equal(none, undefined);
    assert.deepEqual(ids(incoming), [e1, m2]);
    assert.deepEqual([campaign.loyaltyType, loyalty.loyaltyType, incoming.loyaltyType], ['non_loyalty', 'loyalty', 'loyalty']);
  }
});

test('dual eligibility: unique external ids per membership, mobiles and emails shared between memberships and households', () => {
  const pop = population({ persons: PERSONS, seed: 21, profile: 'dual-eligibility' });
  assert.equal(pop.header.org.configs.CONF_INSTORE_V2_ENABLED, true);
  assert.equal(pop.header.org.configs.CONF_REGISTRATION_PRIMARY_KEY, 'externalId');
  const externalOwner = new Map<string, string>();
  const mobileHolders = new Map<string, Set<string>>();
  for (const p of pop.profiles) {
    assert.equal(p.loyaltyType, 'loyalty', 'dual eligibility applies to loyalty users only');
    const x = identifier(p, 'externalId');
    assert.ok(x, 'every profile carries the primary identifier');
    const owner = pop.ownerOf.get(p.profileId)!.personId;
    assert.ok((externalOwner.get(x) ?? owner) === owner, `${x} belongs to one person`);
    externalOwner.set(x, owner);
    const m = identifier(p, 'mobile')!;
    mobileHolders.set(m, (mobileHolders.get(m) ?? new Set()).add(x));
  }
  const sharedByMemberships = [...mobileHolders.values()].filter((xs) => xs.size >= 2).length;
  assert.ok(sharedByMemberships / PERSONS > 0.2, `mobiles shared by several external ids: ${sharedByMemberships}`);
  const households = pop.truth.filter((t) => t.traits.includes('shared-household'));
  assert.ok(households.length / PERSONS > 0.2);
  const profileOf = new Map(pop.profiles.map((p) => [p.profileId, p]));
  const mobileOf = (personId: string) => identifier(profileOf.get(pop.truth.find((t) => t.personId === personId)!.profileIds[0])!, 'mobile');
  const pairs = households.filter((t) => Number(t.personId.split('-')[1]) % 2 === 1);
  for (const head of pairs) {
    const partner = `person-${Number(head.personId.split('-')[1]) + 1}`;
    if (!pop.truth.some((t) => t.personId === partner)) continue;
    assert.equal(mobileOf(head.personId), mobileOf(partner), 'a household shares its mobile between two different persons');
  }
  assert.ok(pop.truth.some((t) => t.traits.includes('dual-membership')));
});

test('the population profiles the CLI offers are the ones defined', () => {
  assert.deepEqual(Object.keys(POPULATION_PROFILES).sort(), [...POPULATION_PROFILE_NAMES].sort());
});

test('every status label a profile carries is declared by its org, with customer status on', () => {
  for (const profile of POPULATION_PROFILE_NAMES) {
    const { header, profiles } = population({ persons: PERSONS, seed: 5, profile });
    assert.equal(header.org.configs.CONF_CUSTOMER_STATUS_ENABLED, true, `${profile}: customer status on`);
    const declared = new Set((header.org.statusLabels ?? []).map((l) => l.label));
    const carried = new Set(profiles.flatMap((p) => (p.statusLabel === undefined ? [] : [p.statusLabel])));
    assert.ok(carried.size >= 3, `${profile}: several labels carried (${[...carried].join(', ')})`);
    for (const label of carried) assert.ok(declared.has(label), `${profile}: ${label} is declared by the org`);
  }
});

test('no card number is carried by two profiles, of one person or of two', () => {
  for (const profile of POPULATION_PROFILE_NAMES) {
    const { profiles } = population({ persons: PERSONS, seed: 5, profile });
    const numbers = profiles.flatMap((p) => p.cards.map((card) => card.cardNumber));
    assert.ok(numbers.length > 50, `${profile}: cards are carried (${numbers.length})`);
    assert.equal(new Set(numbers).size, numbers.length, `${profile}: every card number once`);
  }
});
