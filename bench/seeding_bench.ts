// Seeding rate: profiles per second that `memberspec seed` loads into the in-process reference and over
// HTTP into a reference server in its own process, and the ratio between the two. The population is
// built here (a few persons with a second source, some split, some merged through a bridging profile),
// so the benchmark needs no generator. `npm run bench:seeding` runs only this part.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { seed, type SeedReport } from '../api/seed.ts';
import { writeBridgedPopulation } from '../test/fixtures/populations/bridged_population.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const PERSONS = Number(process.env.BENCH_SEED_PERSONS ?? 3000);
const RUNS = Number(process.env.BENCH_SEED_RUNS ?? 3);
const HTTP_CONCURRENCY = 8;

/** `memberspec serve --port 0` in its own process; resolves with its URL and a stop function. */
export async function spawnReference(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [path.join(here, '..', 'bin', 'memberspec.mjs'), 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for await (const line of createInterface({ input: child.stdout! })) {
    const url = line.match(/listening on (http:\/\/\S+?) /)?.[1];
    if (url) {
      return {
        url,
        stop: async () => {
          child.kill();
          await once(child, 'exit');
        },
      };
    }
  }
  throw new Error('the reference server exited before it listened');
}

type Way = 'inProcess' | 'http1' | `http${typeof HTTP_CONCURRENCY}`;

export async function measureSeeding(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-seed-bench-'));
  const population = writeBridgedPopulation(dir, PERSONS);
  const server = await spawnReference();
  const ways: [Way, string, () => Promise<SeedReport>][] = [
    ['inProcess', 'in-process, concurrency 1', async () => (await seed({ population, out: path.join(dir, 'out.json') })).report],
    ['http1', 'over HTTP, concurrency 1', async () => (await seed({ population, target: server.url, out: path.join(dir, 'out.json') })).report],
    [
      `http${HTTP_CONCURRENCY}`,
      `over HTTP, concurrency ${HTTP_CONCURRENCY}`,
      async () => (await seed({ population, target: server.url, concurrency: HTTP_CONCURRENCY, out: path.join(dir, 'out.json') })).report,
    ],
  ];
  try {
    const first = ways.map(() => undefined as SeedReport | undefined);
    const rates = new Map<Way, number[]>(ways.map(([way]) => [way, []]));
    // Untimed warm-up, then alternating runs; the fastest run of each way counts.
    for (const [, , run] of ways) await run();
    for (let pass = 0; pass < RUNS; pass++) {
      for (const [index, [way, , run]] of ways.entries()) {
        const report = await run();
        first[index] ??= report;
        rates.get(way)!.push(report.profilesPerSecond);
      }
    }
    const reference = first[0]!;
    console.log(
      `Seeding rate (${reference.profiles.total} profiles of ${PERSONS} persons, ${reference.transactions.sent} bills; ` +
        `${RUNS} runs each after a warm-up, alternating; fastest run)`,
    );
    const best = (way: Way) => Math.max(...rates.get(way)!);
    for (const [way, label] of ways) console.log(`  ${label.padEnd(30)} ${best(way).toFixed(0).padStart(6)} profiles/s`);
    console.log(`  over HTTP / in-process, concurrency 1:  ${(best('http1') / best('inProcess')).toFixed(2)}x`);
    console.log(`  over HTTP / in-process, concurrency ${HTTP_CONCURRENCY}:  ${(best(`http${HTTP_CONCURRENCY}`) / best('inProcess')).toFixed(2)}x`);
    const latency = first[1]!.latency.registerCustomer;
    console.log(`  registerCustomer over HTTP, concurrency 1: p50 ${latency.p50Ms} ms, p99 ${latency.p99Ms} ms`);
    // The figures must not depend on the way the population went in: a cheap check that the load is real.
    const figures = (report: SeedReport) => JSON.stringify([report.groundTruth, report.registrations.rejected, report.integrity.unresolved]);
    const differing = ways.filter((_, index) => figures(first[index]!) !== figures(reference)).map(([, label]) => label);
    if (differing.length > 0) throw new Error(`seeding figures differ from in-process for: ${differing.join(', ')}`);
    const pairs = reference.groundTruth.pairs;
    console.log(
      `  same outcome every way: ${reference.customers.mergedAway} customers merged away, precision ${pairs.precision?.toFixed(3)}, recall ${pairs.recall?.toFixed(3)}`,
    );
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await measureSeeding();
