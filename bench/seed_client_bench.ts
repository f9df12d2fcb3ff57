// The seed client's own speed: `seed` over HTTP at concurrency 32 against autocannon sending the same
// registration requests, with the same number of connections, to the same reference server (its own
// process), in the same run. Printed: each one's requests per second, the seed / autocannon ratio
// (target >= 0.7x) and each client's CPU per request. `npm run bench -- seed-client` runs only this part.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { seed, type SeedReport } from '../api/seed.ts';
import { basicAuthorization } from '../driver/credentials.ts';
import { groundTruthPath, POPULATION_FORMAT_VERSION, type GroundTruthRecord, type PopulationHeader, type SourceProfileRecord } from '../generators/population_format.ts';
import { benchMobile } from './bench_identifiers.ts';
import { spawnReference } from './seeding_bench.ts';

const PERSONS = Number(process.env.BENCH_CLIENT_PERSONS ?? 6000);
const PASSES = Number(process.env.BENCH_CLIENT_PASSES ?? 3);
const CONCURRENCY = 32;
const CREATE_DATE = '2025-03-01T10:00:00.000Z';

/** Registration-heavy: every person registers in store; every third again online with the same mobile (joins). */
function writePopulation(dir: string): { file: string; profiles: SourceProfileRecord[] } {
  const profiles: SourceProfileRecord[] = [];
  const truth: GroundTruthRecord[] = [];
  const registration = (id: string, source: string, i: number): SourceProfileRecord => ({
    record: 'profile',
    profileId: id,
    source,
    loyaltyType: 'loyalty',
    identifiers: [
      { type: 'mobile', value: benchMobile('fresh', i) },
      { type: 'email', value: `client${i}@bench.example` },
    ],
    commChannels: [],
    createDate: CREATE_DATE,
    subscriptions: [],
    cards: [],
    transactions: [],
  });
  for (let i = 0; i < PERSONS; i++) {
    profiles.push(registration(`c${i}a`, 'INSTORE', i));
    truth.push({ record: 'person', personId: `C${i}`, market: 'IN', profileIds: i % 3 === 0 ? [`c${i}a`, `c${i}b`] : [`c${i}a`], traits: [] });
  }
  for (let i = 0; i < PERSONS; i += 3) profiles.push(registration(`c${i}b`, 'ECOMMERCE', i));
  const header: PopulationHeader = {
    record: 'population',
    formatVersion: POPULATION_FORMAT_VERSION,
    generatorVersion: 'bench',
    seed: 0,
    persons: PERSONS,
    profile: 'seed-client-bench',
    from: CREATE_DATE,
    to: CREATE_DATE,
    org: { configs: {}, baseCountry: 'IN' },
  };
  const file = path.join(dir, 'client_population.ndjson');
  writeFileSync(file, [header, ...profiles].map((record) => JSON.stringify(record)).join('\n') + '\n');
  writeFileSync(groundTruthPath(file), truth.map((record) => JSON.stringify(record)).join('\n') + '\n');
  return { file, profiles };
}

/** The body `seed` sends for a profile's registration (driver/contract_driver.ts). */
function registrationBody(profile: SourceProfileRecord): string {
  return JSON.stringify({
    loyaltyInfo: { loyaltyType: profile.loyaltyType },
    profiles: [{ identifiers: profile.identifiers, commChannels: profile.commChannels, source: profile.source }],
    createDate: profile.createDate,
  });
}

/** A fresh org of the reference and its till's Authorization header. */
async function freshOrg(url: string): Promise<string> {
  const response = await fetch(`${url}/x-memberspec/orgs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ configs: {} }) });
  const body = (await response.json()) as { entity: { till: { username: string; password: string } } };
  return basicAuthorization(body.entity.till.username, body.entity.till.password);
}

interface ClientRun {
  readonly requestsPerSecond: number;
  readonly cpuMsPerRequest: number;
}

/** autocannon, CONCURRENCY connections, each profile's registration once, in file order, into a fresh org. */
async function autocannonRun(url: string, bodies: readonly string[]): Promise<ClientRun> {
  const authorization = await freshOrg(url);
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await autocannon({
    url,
    connections: CONCURRENCY,
    amount: bodies.length,
    requests: [
      {
        method: 'POST',
        path: '/v2/customers',
        headers: { 'content-type': 'application/json', accept: 'application/json', authorization },
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
      },
    ],
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) throw new Error(`autocannon: ${bad} of ${result.requests.total} requests failed`);
  return { requestsPerSecond: result.requests.total / seconds, cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / result.requests.total };
}

/** `threads` undefined: as `seed` chooses (one thread for a population this size). */
async function seedRun(url: string, population: string, out: string, threads?: number): Promise<{ run: ClientRun; report: SeedReport }> {
  const { report, ok } = await seed({ population, target: url, concurrency: CONCURRENCY, out, ...(threads !== undefined ? { threads } : {}) });
  if (!ok) throw new Error(`seed: ${report.failures.transport + report.failures.contractViolation + report.failures.other} failures, ${report.integrity.unresolved} lost`);
  return { run: { requestsPerSecond: report.requestsPerSecond, cpuMsPerRequest: report.cpuMsPerRequest }, report };
}

export async function measureSeedClient(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-client-bench-'));
  const { file, profiles } = writePopulation(dir);
  const bodies = profiles.map(registrationBody);
  const server = await spawnReference();
  try {
    // Untimed warm-up of both clients, then alternating passes.
    await autocannonRun(server.url, bodies.slice(0, 2000));
    await seedRun(server.url, file, path.join(dir, 'out.json'));
    const seeds: ClientRun[] = [];
    const twoThreads: ClientRun[] = [];
    const cannons: ClientRun[] = [];
    let report: SeedReport | undefined;
    for (let pass = 1; pass <= PASSES; pass++) {
      const seeded = await seedRun(server.url, file, path.join(dir, 'out.json'));
      report ??= seeded.report;
      seeds.push(seeded.run);
      cannons.push(await autocannonRun(server.url, bodies));
      twoThreads.push((await seedRun(server.url, file, path.join(dir, 'out.json'), 2)).run);
      process.stderr.write(
        `pass ${pass} of ${PASSES}: seed ${seeded.run.requestsPerSecond.toFixed(0)} req/s (${seeded.report.threads ?? 1} threads), ` +
          `autocannon ${cannons[pass - 1].requestsPerSecond.toFixed(0)} req/s, seed in two threads ${twoThreads[pass - 1].requestsPerSecond.toFixed(0)} req/s\n`,
      );
    }
    const mean = (runs: ClientRun[], pick: (run: ClientRun) => number) => runs.reduce((sum, run) => sum + pick(run), 0) / runs.length;
    const ratios = seeds.map((run, index) => run.requestsPerSecond / cannons[index].requestsPerSecond);
    const line = (label: string, runs: ClientRun[]) =>
      console.log(`  ${label.padEnd(24)} ${mean(runs, (r) => r.requestsPerSecond).toFixed(0).padStart(6)} req/s · client CPU ${mean(runs, (r) => r.cpuMsPerRequest).toFixed(3)} ms/request`);
    console.log(`Seed client over HTTP (${bodies.length} registrations of ${PERSONS} persons, concurrency ${CONCURRENCY}, reference server in its own process; ${PASSES} passes, alternating)`);
    line(`seed (${report!.threads ?? 1} threads):`, seeds);
    line('seed (two threads):', twoThreads);
    line('autocannon:', cannons);
    console.log(
      `  seed / autocannon: ${(mean(seeds, (r) => r.requestsPerSecond) / mean(cannons, (r) => r.requestsPerSecond)).toFixed(2)}x ` +
        `(passes ${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)})   target >= 0.70x; ` +
        `two threads / autocannon: ${(mean(twoThreads, (r) => r.requestsPerSecond) / mean(cannons, (r) => r.requestsPerSecond)).toFixed(2)}x`,
    );
    console.log(`  seed outcome: ${report!.customers.live} live customers, recall ${report!.groundTruth.pairs.recall?.toFixed(3)}, nothing lost`);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await measureSeedClient();
