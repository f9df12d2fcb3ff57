// seed() against the in-process reference with hand-made populations whose outcome is worked out below,
// from the reference's rules (default configs: mobile is the primary key, email unique).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createContractDriver } from '../driver/contract_driver.ts';
import { createInProcessTransport } from '../driver/in_process/in_process_transport.ts';
import type { Transport } from '../driver/transport.ts';
import { createIdentityService } from '../reference/service/create_identity_service.ts';
import { PROJECT_ROOT } from './project_root.ts';
import { customerStatusOnIn, seed, type SeedOptions } from './seed.ts';
import { UsageError } from './usage_error.ts';

const FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures', 'populations');
/**
 * Five persons, ten profiles, in this file order: a1 b1 c1 d1 e1 b2 e2 c2 d2 e3.
 * A: a1 alone (2 bills, a status label). Clean: one customer.
 * B: b1 INSTORE, then b2 ECOMMERCE with the same mobile: b2 joins b1's customer.
 * C: c1, then c2 with another mobile and email: nothing shared, a second customer (split).
 * D: d1 INSTORE, then d2 INSTORE with the same mobile: refused 8006 (same source); its bill is not sent.
 * E: e1 (mobile M5), e2 (mobile M55, email e@; a new customer Y, 1 bill), then e3 with mobile M5 and
 *    email e@: primary match e1's customer X, secondary match Y: Y is merged into X. All three end in X.
 */
const FIVE = path.join(FIXTURES, 'five_persons.ndjson');
/** F and G are two persons sharing an email (a campaign collision): G's profile lands in F's customer. H is clean. */
const SHARED_EMAIL = path.join(FIXTURES, 'shared_email.ndjson');

function scratch(): { dir: string; [Symbol.dispose](): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-seed-'));
  return { dir, [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }) };
}

async function seedInto(dir: string, options: Omit<SeedOptions, 'reportsDir'>) {
  return seed({ reportsDir: dir, ...options });
}

test('five persons: registrations, customers, merges and the ground-truth figures worked out by hand', async () => {
  using tmp = scratch();
  const { report, ok } = await seedInto(tmp.dir, { population: FIVE });
  assert.equal(ok, true);
  assert.deepEqual(report.profiles, { total: 10, sent: 10 });
  // a1 b1 c1 d1 e1 e2 c2 create customers; b2 and e3 answer an existing one; d2 is refused.
  assert.deepEqual(report.registrations, { sent: 10, accepted: 9, rejected: { '8006': 1 }, failed: 0, newCustomer: 7, existingCustomer: 2 });
  // a1's two bills and e2's one; d2's bill is not sent because d2 was refused.
  assert.deepEqual(report.transactions, { sent: 3, accepted: 3, rejected: {}, failed: 0, skipped: 1 });
  // 7 customers named; e2's (Y) merged into e1's (X): 6 live, all reached by a profile.
  assert.deepEqual(report.customers, { created: 7, mergedAway: 1, live: 6, withoutProfile: 0 });
  assert.equal(report.warnings['8209'], 1, 'one merge warning (Y into X)');
  assert.deepEqual(report.integrity, { acceptedProfiles: 9, resolved: 9, unresolved: 0, unresolvedExamples: [] });
  // A, B, D (d1 only) and E end as one customer each, alone; C is split over two.
  assert.deepEqual(report.groundTruth.persons, { total: 5, notLoaded: 0, oneCustomer: 4, exact: 4, split: 1 });
  assert.deepEqual(report.groundTruth.customers, { total: 6, overMerged: 0 });
  // Predicted pairs: B's customer 1, X 3 = 4. True pairs (loaded profiles): B 1, C 1, E 3 = 5. Correct: 4.
  assert.deepEqual(report.groundTruth.pairs, { predicted: 4, true: 5, correct: 4, precision: 1, recall: 0.8 });
  // b1's one subscription entry goes in one call; c1's card is linked; nobody else has either.
  assert.deepEqual(report.subscriptionUpdates, { sent: 1, accepted: 1, rejected: {}, failed: 0, skipped: 0 });
  assert.deepEqual(report.cardLinks, { sent: 1, accepted: 1, rejected: {}, failed: 0, skipped: 0 });
  // a1's label "Gold" is not sent: this org declares no labels and leaves customer status off.
  assert.deepEqual(report.statusLabelChanges, { sent: 0, accepted: 0, rejected: {}, failed: 0, skipped: 0 });
  // Still not carried: a1's label (bills now go with their date, store and lines).
  assert.deepEqual(report.notSent, { statusLabel: 1 });
  assert.deepEqual(report.refusalExamples.map((r) => [r.profileId, r.code]), [['d2', 8006]]);
  assert.equal(report.latency.registerCustomer.count, 10);
  assert.equal(report.latency.addTransaction.count, 3);
  assert.equal(report.latency.updateSubscriptions.count, 1);
  assert.equal(report.latency.changeIdentifier.count, 1, 'a card is linked through changeIdentifier');
  assert.ok(report.latency.registerCustomer.p50Ms <= report.latency.registerCustomer.maxMs);
});

/**
 * An org with customer status on and three labels (Regular and Gold under Active, "On hold" under
 * Suspended blocking transactions). File order j1 k1 m1 m2 n1:
 * J: j1 registers (new), bill J-1 of two lines (20 + 10 = 30) at STORE-2 accepted, SMS TRANS opt-in
 *    accepted, card CARD-J (series code GOLD, not carried) linked, then the label Gold accepted.
 * K: k1 registers (new), one call with two subscription entries accepted, CARD-J refused 8266 (J holds
 *    it), label Platinum refused 8086 (not a label of the org).
 * M: m1 registers (new), bill M-1 accepted, label "On hold" accepted; m2 (ECOMMERCE, same mobile) joins
 *    that customer, bill M-2 refused 681 (the label blocks transactions), label "On hold" again accepted.
 * N: n1 has j1's mobile through the same source: refused 8006; its bill, subscriptions, card and label
 *    are not sent (skipped), so N is not loaded.
 */
const LABELLED = path.join(FIXTURES, 'labelled_org.ndjson');

test('bills with store and lines, subscriptions, cards and status labels are sent; refusals counted by code', async () => {
  using tmp = scratch();
  const service = createIdentityService();
  const driver = createContractDriver({ name: 'in-process', transport: createInProcessTransport(service) });
  const { report, ok } = await seedInto(tmp.dir, { population: LABELLED, driver });
  assert.equal(ok, true, 'refusals are answers, not failures');
  assert.deepEqual(report.registrations, { sent: 5, accepted: 4, rejected: { '8006': 1 }, failed: 0, newCustomer: 3, existingCustomer: 1 });
  assert.deepEqual(report.transactions, { sent: 3, accepted: 2, rejected: { '681': 1 }, failed: 0, skipped: 1 });
  assert.deepEqual(report.subscriptionUpdates, { sent: 2, accepted: 2, rejected: {}, failed: 0, skipped: 1 });
  assert.deepEqual(report.cardLinks, { sent: 2, accepted: 1, rejected: { '8266': 1 }, failed: 0, skipped: 1 });
  assert.deepEqual(report.statusLabelChanges, { sent: 4, accepted: 3, rejected: { '8086': 1 }, failed: 0, skipped: 1 });
  // j1's card has a series code, which the contract does not carry (series are known by id).
  assert.deepEqual(report.notSent, { cardSeriesCode: 1 });
  assert.deepEqual(report.refusalExamples.map((r) => [r.profileId, r.operation, r.code]), [
    ['k1', 'changeIdentifier', 8266],
    ['k1', 'changeCustomerStatus', 8086],
    ['m2', 'addTransaction', 681],
    ['n1', 'registerCustomer', 8006],
  ]);
  assert.equal(report.latency.changeCustomerStatus.count, 4);
  assert.equal(report.latency.updateSubscriptions.count, 2);
  // J, K and M end as one customer each; M's two profiles are the only pair, rightly predicted.
  assert.deepEqual(report.groundTruth.persons, { total: 4, notLoaded: 1, oneCustomer: 3, exact: 3, split: 0 });
  assert.deepEqual(report.groundTruth.pairs, { predicted: 1, true: 1, correct: 1, precision: 1, recall: 1 });

  // What the target now holds, read back from the reference.
  const orgId = Number(report.target.orgId);
  const byMobile = (mobile: string) => service.listCustomers(orgId).customers.find((c) => c.identifiers.some((i) => i.value === mobile))!.id;
  const [j, k, m] = ['919833333301', '919833333302', '919833333303'].map(byMobile);
  assert.deepEqual(service.getCustomer(orgId, j).value.customerStatus, { status: 'ACTIVE', label: 'Gold' });
  assert.deepEqual(service.getCustomer(orgId, k).value.customerStatus, { status: 'ACTIVE', label: 'Regular' }, 'the refused label changed nothing');
  assert.deepEqual(service.getCustomer(orgId, m).value.customerStatus, { status: 'SUSPENDED', label: 'On hold' });
  assert.deepEqual(service.getCustomer(orgId, j).value.cards?.map((card) => card.number), ['CARD-J']);
  assert.equal(service.getCustomer(orgId, k).value.cards, undefined);
  const [bill] = service.customerTransactions(orgId, j);
  assert.equal(bill.storeCode, 'STORE-2');
  assert.equal(bill.billingTime, '2025-04-01T12:00:00.000Z', 'the bill keeps its date');
  assert.deepEqual(bill.lineItems?.map((line) => [line.sku, line.amount]), [['SKU-A', 20], ['SKU-B', 10]]);
  assert.deepEqual(service.customerTransactions(orgId, m).map((t) => t.billNumber), ['M-1']);
  const subscriptions = (id: number) => service.getSubscriptions(orgId, id, {}).value.map((s) => `${s.priority} ${s.type}`).sort();
  assert.deepEqual(subscriptions(j), ['TRANS OPTIN']);
  assert.deepEqual(subscriptions(k), ['BULK OPTOUT', 'TRANS OPTIN']);
});

test('under dual eligibility a status label reaches the membership it belongs to, found by its external id', async () => {
  using tmp = scratch();
  // Two memberships share a household mobile and differ by external id (the org's primary identifier).
  // The label belongs to the second: a lookup by the shared mobile would find the first, or no one.
  const profile = (id: string, externalId: string, label?: string) =>
    JSON.stringify({
      record: 'profile', profileId: id, source: 'INSTORE', loyaltyType: 'loyalty',
      identifiers: [{ type: 'mobile', value: '919844444401' }, { type: 'externalId', value: externalId }],
      commChannels: [], createDate: '2025-03-01T10:00:00.000Z', subscriptions: [], cards: [], transactions: [],
      ...(label ? { statusLabel: label } : {}),
    });
  const file = population(
    tmp.dir,
    'household',
    [
      JSON.stringify({
        record: 'population', formatVersion: 1, generatorVersion: '0.1.0', seed: 1, persons: 2, profile: 'hand-made',
        from: '2025-01-01T00:00:00.000Z', to: '2025-12-31T00:00:00.000Z',
        org: {
          configs: { CONF_INSTORE_V2_ENABLED: true, CONF_REGISTRATION_PRIMARY_KEY: 'externalId', CONF_CUSTOMER_STATUS_ENABLED: true },
          baseCountry: 'IN',
          statusLabels: [{ status: 'Active', label: 'Regular' }, { status: 'Suspended', label: 'Held' }],
        },
      }),
      profile('p1', 'HH-1'),
      profile('p2', 'HH-2', 'Held'),
    ],
    [
      JSON.stringify({ record: 'person', personId: 'P', market: 'IN', profileIds: ['p1'], traits: [] }),
      JSON.stringify({ record: 'person', personId: 'Q', market: 'IN', profileIds: ['p2'], traits: [] }),
    ],
  );
  const service = createIdentityService();
  const driver = createContractDriver({ name: 'in-process', transport: createInProcessTransport(service) });
  const { report } = await seedInto(tmp.dir, { population: file, driver });
  assert.deepEqual(report.statusLabelChanges, { sent: 1, accepted: 1, rejected: {}, failed: 0, skipped: 0 });
  const orgId = Number(report.target.orgId);
  const byExternalId = (value: string) => service.listCustomers(orgId).customers.find((c) => c.identifiers.some((i) => i.value === value))!.id;
  assert.deepEqual(service.getCustomer(orgId, byExternalId('HH-2')).value.customerStatus, { status: 'SUSPENDED', label: 'Held' });
  assert.deepEqual(service.getCustomer(orgId, byExternalId('HH-1')).value.customerStatus, { status: 'ACTIVE', label: 'Regular' });
});

test('persons in parallel end the same way: one person\'s profiles still go in order', async () => {
  using tmp = scratch();
  const { report } = await seedInto(tmp.dir, { population: FIVE, concurrency: 4 });
  assert.equal(report.concurrency, 4);
  assert.deepEqual(report.registrations.rejected, { '8006': 1 });
  assert.deepEqual(report.customers, { created: 7, mergedAway: 1, live: 6, withoutProfile: 0 });
  assert.deepEqual(report.groundTruth.pairs, { predicted: 4, true: 5, correct: 4, precision: 1, recall: 0.8 });
});

test('two persons sharing an email end in one customer: an over-merge, precision 0', async () => {
  using tmp = scratch();
  const { report } = await seedInto(tmp.dir, { population: SHARED_EMAIL });
  // g1's email matches f1's customer (email is unique), so g1 is answered with f1's customer.
  assert.deepEqual(report.registrations, { sent: 3, accepted: 3, rejected: {}, failed: 0, newCustomer: 2, existingCustomer: 1 });
  assert.deepEqual(report.groundTruth.persons, { total: 3, notLoaded: 0, oneCustomer: 3, exact: 1, split: 0 });
  assert.deepEqual(report.groundTruth.customers, { total: 2, overMerged: 1 });
  // One pair predicted (f1, g1), none true.
  assert.deepEqual(report.groundTruth.pairs, { predicted: 1, true: 0, correct: 0, precision: 0, recall: null });
});

/** The in-process reference behind a transport that breaks the registrations of a1 (network) and c2 (off-contract answer). */
function flakyTransport(): Transport {
  const inner = createInProcessTransport();
  const registers = (request: Parameters<Transport['send']>[0], email: string) =>
    request.path === '/v2/customers' && JSON.stringify(request.body ?? '').includes(email);
  return {
    target: 'flaky reference',
    async send(request) {
      if (registers(request, 'a@example.com')) throw new Error('socket hang up');
      if (registers(request, 'c.other@example.com')) return { status: 200, body: { unexpected: true }, headers: {} };
      return inner.send(request);
    },
    close: () => inner.close(),
  };
}

test('failures are counted with examples and the load goes on', async () => {
  using tmp = scratch();
  const driver = createContractDriver({ name: 'flaky', transport: flakyTransport() });
  const { report, ok } = await seedInto(tmp.dir, { population: FIVE, driver });
  assert.equal(ok, false, 'a run with failures is not ok');
  assert.deepEqual(report.profiles, { total: 10, sent: 10 });
  assert.equal(report.failures.transport, 1);
  assert.equal(report.failures.contractViolation, 1);
  assert.deepEqual(report.failures.examples.map((e) => [e.profileId, e.operation, e.kind]), [
    ['a1', 'registerCustomer', 'transport'],
    ['c2', 'registerCustomer', 'contractViolation'],
  ]);
  assert.match(report.failures.examples[0].message, /socket hang up/);
  // Accepted: b1 c1 d1 e1 e2 (new customers), b2 e3 (existing ones).
  assert.deepEqual(report.registrations, { sent: 10, accepted: 7, rejected: { '8006': 1 }, failed: 2, newCustomer: 5, existingCustomer: 2 });
  // a1's two bills and d2's bill are not sent.
  assert.equal(report.transactions.skipped, 3);
  // A is not loaded; C has only c1, so nobody is split any more.
  assert.deepEqual(report.groundTruth.persons, { total: 5, notLoaded: 1, oneCustomer: 4, exact: 4, split: 0 });
  assert.deepEqual(report.groundTruth.pairs, { predicted: 4, true: 4, correct: 4, precision: 1, recall: 1 });
});

/** The reference, except that the test-control listing leaves out the customer holding `email`. */
function listingWithout(email: string): Transport {
  const inner = createInProcessTransport();
  return {
    target: 'forgetful reference',
    async send(request) {
      const response = await inner.send(request);
      if (!/^\/x-memberspec\/orgs\/[^/]+\/customers$/.test(request.path)) return response;
      const body = structuredClone(response.body) as { entity: { customers: { identifiers: { value: string }[] }[] } };
      body.entity.customers = body.entity.customers.filter((customer) => !customer.identifiers.some((item) => item.value === email));
      return { ...response, body };
    },
    close: () => inner.close(),
  };
}

test('an accepted profile whose customer cannot be found is reported as lost', async () => {
  using tmp = scratch();
  const driver = createContractDriver({ name: 'forgetful', transport: listingWithout('a@example.com') });
  const { report, ok } = await seedInto(tmp.dir, { population: FIVE, driver });
  assert.equal(ok, false, 'a lost profile makes the run not ok');
  assert.equal(report.integrity.acceptedProfiles, 9);
  assert.equal(report.integrity.unresolved, 1);
  assert.equal(report.integrity.unresolvedExamples[0].profileId, 'a1');
  assert.match(report.integrity.unresolvedExamples[0].problem, /is not among the org's customers/);
  // A's only profile is lost, so A counts as not loaded.
  assert.equal(report.groundTruth.persons.notLoaded, 1);
});

test('a vendor\'s fixed org (no test control): customers followed with getCustomer, the config difference reported', async () => {
  using tmp = scratch();
  const service = createIdentityService();
  // The vendor's org does not keep email unique, unlike the population's org.
  const org = service.createOrg({ configs: { CONF_USERS_IS_EMAIL_UNIQUE: false }, baseCountry: 'IN' });
  const profile = { name: 'vendor staging', till: org.till, configs: { CONF_USERS_IS_EMAIL_UNIQUE: false }, baseCountry: 'IN', supportedCountries: [] };
  const driver = createContractDriver({ name: 'http', transport: createInProcessTransport(service), profile });
  const shared = await seedInto(tmp.dir, { population: SHARED_EMAIL, driver, vendorProfile: profile });
  assert.match(shared.report.orgMismatch ?? '', /CONF_USERS_IS_EMAIL_UNIQUE/);
  // Email is not unique here, so G keeps a customer of their own: no over-merge.
  assert.deepEqual(shared.report.groundTruth.customers, { total: 3, overMerged: 0 });
  assert.equal(shared.report.customers.withoutProfile, null, 'no listing without test control');

  // In a vendor org with the population's configs, E's merge is followed through getCustomer (mergedInto).
  const plain = service.createOrg({ configs: {}, baseCountry: 'IN' });
  const plainProfile = { ...profile, name: 'vendor plain', till: plain.till, configs: {} };
  const again = createContractDriver({ name: 'http', transport: createInProcessTransport(service), profile: plainProfile });
  const five = await seedInto(tmp.dir, { population: FIVE, driver: again, vendorProfile: plainProfile });
  assert.equal(five.report.orgMismatch, undefined);
  assert.equal(five.report.customers.mergedAway, 1);
  assert.deepEqual(five.report.groundTruth.pairs, { predicted: 4, true: 5, correct: 4, precision: 1, recall: 0.8 });
  assert.ok(five.report.latency.getCustomer.count >= 7, 'every named customer read');
  assert.equal(five.report.latency.listOrgCustomers, undefined);
});

test('the JSON report holds the same figures, at --out or under reports/seed/', async () => {
  using tmp = scratch();
  const out = path.join(tmp.dir, 'nested', 'load.json');
  const explicit = await seedInto(tmp.dir, { population: SHARED_EMAIL, out });
  assert.equal(explicit.outPath, out);
  const written = JSON.parse(readFileSync(out, 'utf8'));
  assert.deepEqual(written, JSON.parse(JSON.stringify(explicit.report)));
  assert.equal(written.groundTruth.customers.overMerged, 1);
  assert.equal(written.population.persons, 3);
  assert.equal(written.target.url, 'in-process reference');

  const byDefault = await seedInto(tmp.dir, { population: SHARED_EMAIL });
  assert.equal(byDefault.outPath, path.join(tmp.dir, 'seed', `${byDefault.report.runId}.json`));
  assert.equal(JSON.parse(readFileSync(byDefault.outPath, 'utf8')).runId, byDefault.report.runId);
});

/** Writes a population and its truth; `lines` are the population's lines as text. */
function population(dir: string, name: string, lines: string[], truth?: string[]): string {
  const file = path.join(dir, `${name}.ndjson`);
  writeFileSync(file, lines.join('\n') + '\n');
  if (truth) writeFileSync(path.join(dir, `${name}.truth.ndjson`), truth.join('\n') + '\n');
  return file;
}

test('bad arguments are one-line usage errors naming the fault', async () => {
  using tmp = scratch();
  const header = readFileSync(SHARED_EMAIL, 'utf8').split('\n')[0];
  const profiles = readFileSync(SHARED_EMAIL, 'utf8').trim().split('\n').slice(1);
  const truth = readFileSync(SHARED_EMAIL.replace('.ndjson', '.truth.ndjson'), 'utf8').trim().split('\n');
  const rejects = (options: Partial<SeedOptions>, message: RegExp) =>
    assert.rejects(seedInto(tmp.dir, { population: FIVE, ...options }), (error: Error) => {
      assert.ok(error instanceof UsageError, `${error.name}: ${error.message}`);
      assert.match(error.message, message);
      assert.doesNotMatch(error.message, /\n/);
      return true;
    });

  await rejects({ population: path.join(tmp.dir, 'missing.ndjson') }, /missing\.ndjson: file not found/);
  await rejects({ population: tmp.dir }, /is a directory, not an NDJSON file/);
  await rejects({ population: population(tmp.dir, 'empty', []) }, /empty\.ndjson: empty file/);
  await rejects({ population: population(tmp.dir, 'broken', [header, profiles[0], '{"record": "profile",', profiles[2]], truth) }, /broken\.ndjson line 3: not valid JSON/);
  await rejects(
    { population: population(tmp.dir, 'future', [header.replace('"formatVersion": 1', '"formatVersion": 2'), ...profiles], truth) },
    /formatVersion 2 is not one this memberspec reads \(it reads 1\)/,
  );
  await rejects(
    { population: population(tmp.dir, 'no_loyalty', [header, profiles[0].replace('"loyalty"', '"gold"')], truth) },
    /no_loyalty\.ndjson line 2: "loyaltyType" must be "loyalty" or "non_loyalty"/,
  );
  await rejects(
    { population: population(tmp.dir, 'bad_card', [header, profiles[0].replace('"cards": []', '"cards": [{"number": "C-1"}]')], truth) },
    /bad_card\.ndjson line 2: "cards" must each have a "cardNumber" string/,
  );
  await rejects(
    { population: population(tmp.dir, 'bad_labels', [header.replace('"baseCountry"', '"statusLabels": [{"label": "Gold"}], "baseCountry"'), ...profiles], truth) },
    /bad_labels\.ndjson line 1: "org.statusLabels" must be a list of \{"status", "label"\} strings/,
  );
  await rejects({ population: population(tmp.dir, 'no_truth', [header, ...profiles]) }, /ground truth .*no_truth\.truth\.ndjson: file not found/);
  await rejects(
    { population: population(tmp.dir, 'orphan', [header, ...profiles], truth.slice(0, 2)) },
    /profile "h1" of the population belongs to no person/,
  );
  await rejects({ concurrency: 0 }, /--concurrency must be a whole number from 1 to 256, got 0/);
  await rejects({ concurrency: 2.5 }, /--concurrency must be a whole number/);
  await rejects({ target: 'localhost:8080' }, /--target must be an http\(s\) URL/);
  await rejects({ profile: 'vendor.json' }, /--profile needs --target/);
});

test('customer status is on unless the setup states false, in any form a setting takes (ruling 7)', () => {
  assert.equal(customerStatusOnIn({}), true);
  assert.equal(customerStatusOnIn({ CONF_CUSTOMER_STATUS_ENABLED: true }), true);
  for (const off of [false, 0, 'false', ' FALSE ', '0']) assert.equal(customerStatusOnIn({ CONF_CUSTOMER_STATUS_ENABLED: off }), false, String(off));
});
