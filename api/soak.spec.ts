// soak() against the in-process reference: rounds repeat the seed load's figures exactly; a target that
// loses or duplicates a customer in a later round is caught there and stops the soak.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createContractDriver } from '../driver/contract_driver.ts';
import { createInProcessTransport } from '../driver/in_process/in_process_transport.ts';
import type { Transport } from '../driver/transport.ts';
import { PROJECT_ROOT } from './project_root.ts';
import { parseDuration, soak, type SoakOptions } from './soak.ts';
import { UsageError } from './usage_error.ts';

const FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures', 'populations');
/** Worked out in seed.spec.ts: 9 accepted registrations, 6 live customers, recall 0.8. */
const FIVE = path.join(FIXTURES, 'five_persons.ndjson');
/** Worked out in seed.spec.ts: bills, subscriptions, cards and labels, with refusals 681, 8006, 8086, 8266. */
const LABELLED = path.join(FIXTURES, 'labelled_org.ndjson');

function scratch(): { dir: string; [Symbol.dispose](): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-soak-'));
  return { dir, [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }) };
}

const soakInto = (dir: string, options: Omit<SoakOptions, 'reportsDir'>) => soak({ reportsDir: dir, ...options });

test('two rounds into the reference give identical figures, each in a fresh org', async () => {
  using tmp = scratch();
  const out = path.join(tmp.dir, 'soak.json');
  const rounds: number[] = [];
  const { report, ok, outPath } = await soakInto(tmp.dir, { population: LABELLED, rounds: 2, out, onRound: (round) => rounds.push(round.round) });
  assert.equal(ok, true);
  assert.deepEqual(rounds, [1, 2]);
  assert.equal(report.rounds.length, 2);
  assert.notEqual(report.rounds[0].orgId, report.rounds[1].orgId, 'a fresh org per round');
  for (const round of report.rounds) {
    assert.deepEqual(round.lostOrDuplicated, []);
    assert.deepEqual(round.differences, []);
    assert.ok(round.requests > 0 && round.p50Ms <= round.p99Ms);
    assert.ok(round.rssMb! > 0, 'in-process: the target\'s memory is this process\'s');
  }
  // The figures every round repeated are the seed load's, as worked out by hand in seed.spec.ts.
  assert.deepEqual(report.figures.registrations, { sent: 5, accepted: 4, rejected: { '8006': 1 }, failed: 0, newCustomer: 3, existingCustomer: 1 });
  assert.deepEqual(report.figures.statusLabelChanges, { sent: 4, accepted: 3, rejected: { '8086': 1 }, failed: 0, skipped: 1 });
  assert.deepEqual(report.figures.integrity, { acceptedProfiles: 4, resolved: 4, unresolved: 0 });
  assert.equal(report.stoppedEarly, undefined);
  assert.equal(outPath, out);
  assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')), JSON.parse(JSON.stringify(report)));
});

test('with a duration, rounds start until it has passed: at least one, all identical', async () => {
  using tmp = scratch();
  const { report, ok } = await soakInto(tmp.dir, { population: FIVE, duration: '0.2s' });
  assert.equal(ok, true);
  assert.deepEqual(report.plan, { durationS: 0.2 });
  assert.ok(report.rounds.length >= 1);
  assert.ok(report.rounds.every((round) => round.differences.length === 0 && round.lostOrDuplicated.length === 0));
  assert.equal(report.figures.customers.live, 6);
});

/** The reference behind a transport that, from the `round`-th org on, changes the test-control listing. */
function listingChangedFrom(round: number, change: (customers: Record<string, unknown>[]) => Record<string, unknown>[]): Transport {
  const inner = createInProcessTransport();
  let orgs = 0;
  return {
    target: 'faulty reference',
    async send(request) {
      if (request.method === 'POST' && request.path === '/x-memberspec/orgs') orgs += 1;
      const response = await inner.send(request);
      if (orgs < round || !/^\/x-memberspec\/orgs\/[^/]+\/customers$/.test(request.path)) return response;
      const body = structuredClone(response.body) as { entity: { customers: Record<string, unknown>[] } };
      body.entity.customers = change(body.entity.customers);
      return { ...response, body };
    },
    close: () => inner.close(),
  };
}

const holds = (customer: Record<string, unknown>, value: string) => (customer.identifiers as { value: string }[]).some((item) => item.value === value);

test('a target that loses a customer in round 2 is caught there, and the soak stops', async () => {
  using tmp = scratch();
  const driver = createContractDriver({ name: 'faulty', transport: listingChangedFrom(2, (all) => all.filter((c) => !holds(c, 'a@example.com'))) });
  const { report, ok } = await soakInto(tmp.dir, { population: FIVE, rounds: 4, driver });
  assert.equal(ok, false);
  assert.equal(report.rounds.length, 2, 'no round after the loss');
  assert.deepEqual(report.rounds[0].lostOrDuplicated, []);
  assert.equal(report.rounds[1].lostOrDuplicated.length, 1);
  assert.match(report.rounds[1].lostOrDuplicated[0], /1 accepted profile\(s\) end in no live customer \(lost\), e\.g\. a1/);
  assert.ok(report.rounds[1].differences.includes('integrity.unresolved 0 -> 1'), report.rounds[1].differences.join('; '));
  assert.match(report.stoppedEarly ?? '', /^round 2: .*lost/);
});

test('a target that shows a customer twice in round 2 is caught as a duplicate', async () => {
  using tmp = scratch();
  const twice = (all: Record<string, unknown>[]) => [...all, { ...all[0], id: 999_999 }];
  const driver = createContractDriver({ name: 'faulty', transport: listingChangedFrom(2, twice) });
  const { report, ok } = await soakInto(tmp.dir, { population: FIVE, rounds: 3, driver });
  assert.equal(ok, false);
  assert.equal(report.rounds.length, 2);
  assert.deepEqual(report.rounds[1].lostOrDuplicated, ['1 live customer(s) that no accepted profile ended in (duplicated)']);
});

test('bad arguments are one-line usage errors', async () => {
  using tmp = scratch();
  const rejects = (options: Partial<SoakOptions>, message: RegExp) =>
    assert.rejects(soakInto(tmp.dir, { population: FIVE, ...options }), (error: Error) => {
      assert.ok(error instanceof UsageError, `${error.name}: ${error.message}`);
      assert.match(error.message, message);
      assert.doesNotMatch(error.message, /\n/);
      return true;
    });
  await rejects({ duration: '10x' }, /--duration must be a positive number with a unit s, m or h .* got "10x"/);
  await rejects({ duration: '0s' }, /--duration must be a positive number/);
  await rejects({ rounds: 0 }, /--rounds must be a whole number of at least 1, got 0/);
  await rejects({ rounds: 2, duration: '1m' }, /give --duration or --rounds, not both/);
  await rejects({ population: path.join(tmp.dir, 'none.ndjson') }, /none\.ndjson: file not found/);
  const fixedOrg = createContractDriver({
    name: 'http',
    transport: createInProcessTransport(),
    profile: { name: 'vendor', till: { username: 'till', password: 'secret' }, configs: {}, baseCountry: 'IN', supportedCountries: [] },
  });
  await rejects({ driver: fixedOrg }, /does not offer the test-control extension; soak creates a fresh org per round/);
  assert.equal(parseDuration('90s'), 90_000);
  assert.equal(parseDuration('1.5h'), 5_400_000);
  assert.equal(parseDuration('10m'), 600_000);
});
