// Shards end to end: `memberspec org` makes the org once, four `seed --segment i/4` processes load it at
// the same time, `memberspec merge` combines them. The merged figures and the org's customers (each
// live customer as the set of source profiles it holds) must equal one unsharded run's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startReferenceServer } from '../reference/server/start_server.ts';
import { createIdentityService } from '../reference/service/create_identity_service.ts';
import type { IdentityService } from '../reference/service/identity_service.ts';
import { loadFigures, writeBridgedPopulation } from '../test/fixtures/populations/bridged_population.ts';
import { PROJECT_ROOT } from '../api/project_root.ts';
import { assertUsageErrors, runCli } from './cli_spec_support.ts';
import { buildProgram } from './main.ts';

const PERSONS = 120;
const SHARDS = 4;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** The org's live customers, each as the sorted source profiles it holds: ids differ between orgs, contents must not. */
function customersOf(service: IdentityService, orgId: string): string[] {
  return (service.listCustomers(Number(orgId)).customers as Json[])
    .filter((customer: Json) => customer.mergedInto === undefined)
    .map((customer: Json) =>
      customer.profiles
        .map((profile: Json) => `${profile.source}:${profile.identifiers.map((i: Json) => `${i.type}=${i.value}`).join(',')}`)
        .sort()
        .join(' + '),
    )
    .sort();
}

test('4 shards of one population, merged, give the same customers and figures as one unsharded run', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-shards-'));
  const service = createIdentityService();
  const server = await startReferenceServer({ port: 0, host: '127.0.0.1', service });
  try {
    const population = writeBridgedPopulation(dir, PERSONS);
    const at = (name: string) => path.join(dir, name);
    const whole = await runCli('seed', '--target', server.url, '--population', population, '--out', at('whole.json'));
    assert.equal(whole.code, 0, whole.stderr);

    const org = await runCli('org', '--target', server.url, '--population', population, '--out', at('org.json'));
    assert.equal(org.code, 0, org.stderr);
    assert.match(org.stdout, /^org \S+ created on http:\/\/127\.0\.0\.1:\d+; org file: /);
    assert.equal(statSync(at('org.json')).mode & 0o077, 0, 'the org file holds a till password: owner only');
    const orgId = JSON.parse(readFileSync(at('org.json'), 'utf8')).name;

    const shards = await Promise.all(
      Array.from({ length: SHARDS }, (_, index) =>
        runCli('seed', '--target', server.url, '--population', population, '--profile', at('org.json'), '--segment', `${index}/${SHARDS}`, '--concurrency', '2', '--out', at(`shard${index}.json`)),
      ),
    );
    shards.forEach((shard, index) => {
      assert.equal(shard.code, 0, shard.stderr);
      assert.match(shard.stdout, new RegExp(`seed shard ${index}/${SHARDS} .* org ${orgId}`));
    });
    const sent = shards.map((_, index) => JSON.parse(readFileSync(at(`shard${index}.json`), 'utf8')).sent.tally.profiles.sent);
    assert.ok(sent.every((count) => count > 0), `every shard sends a share: ${sent}`);

    const merged = await runCli(
      'merge',
      ...Array.from({ length: SHARDS }, (_, index) => at(`shard${index}.json`)),
      '--target', server.url, '--population', population, '--profile', at('org.json'), '--out', at('merged.json'), '--threshold', 'lost==0', '--threshold', 'p99<60s',
    );
    assert.equal(merged.code, 0, merged.stderr + merged.stdout);
    const one = JSON.parse(readFileSync(at('whole.json'), 'utf8'));
    const all = JSON.parse(readFileSync(at('merged.json'), 'utf8'));
    assert.equal(all.shards, SHARDS);
    assert.equal(all.target.orgId, orgId);
    assert.deepEqual(loadFigures(all), loadFigures(one));
    assert.ok(one.customers.mergedAway > 0 && one.registrations.existingCustomer > 0, 'the population joins and merges customers, so equality says something');
    const customers = customersOf(service, orgId);
    assert.equal(customers.length, one.customers.live);
    assert.deepEqual(customers, customersOf(service, one.target.orgId));
    assert.match(merged.stdout, /thresholds {5}lost==0 ok \(0\) · p99<60s ok/);

    await assertUsageErrors([
      [['merge', at('shard0.json'), at('shard1.json'), at('shard2.json'), '--target', server.url, '--population', population, '--profile', at('org.json')], /segment 3\/4 missing: merge needs every shard/],
      [['merge', at('shard0.json'), at('shard0.json'), at('shard2.json'), at('shard3.json'), '--target', server.url, '--population', population, '--profile', at('org.json')], /segment 0\/4 is also/],
      [['merge', at('org.json'), '--target', server.url, '--population', population, '--profile', at('org.json')], /org\.json: not a shard result/],
      [['seed', '--population', population, '--segment', '4/4', '--target', server.url, '--profile', at('org.json')], /--segment must be INDEX\/COUNT with 0 <= INDEX < COUNT/],
      [['seed', '--population', population, '--segment', '0/4'], /--segment needs --target URL and --profile FILE/],
    ]);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the Kubernetes example: an Indexed Job of as many completions as segments, each pod its index, options the seed command has', async () => {
  const manifest = readFileSync(path.join(PROJECT_ROOT, 'examples', 'k8s_seed_shards.yaml'), 'utf8');
  const completions = Number(/^\s+completions: (\d+)/m.exec(manifest)?.[1]);
  assert.match(manifest, /^\s+completionMode: Indexed$/m);
  assert.equal(Number(/^\s+parallelism: (\d+)/m.exec(manifest)?.[1]), completions);
  assert.equal(Number(/--segment=\$\(JOB_COMPLETION_INDEX\)\/(\d+)/.exec(manifest)?.[1]), completions);
  const seedArgs = manifest.slice(manifest.indexOf('- seed'), manifest.indexOf('resources:'));
  const seed = buildProgram().commands.find((command) => command.name() === 'seed')!;
  const known = new Set(seed.options.map((option) => option.long));
  for (const [, option] of seedArgs.matchAll(/- (--[a-z-]+)=/g)) assert.ok(known.has(option), `seed has ${option}`);
});
