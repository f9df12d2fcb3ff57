// `npm run bench`: throughput and suite wall time, printed as ratios against baselines measured in
// the same run on the same machine (absolute numbers vary between machines; ratios much less).
// Targets (issue 3): registration >= 0.5x and lookup >= 0.7x the bare Express Map endpoint, and no more
// than 10% lower at 100k stored customers than at 10k.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import autocannon from 'autocannon';
import { benchMobile } from './bench_identifiers.ts';
import { measureAudience } from './audience_bench.ts';
import { measureGeneration } from './generation_bench.ts';
import { measureLedger } from './ledger_bench.ts';
import { certify } from '../api/certify.ts';
import { startReferenceServer } from '../reference/server/start_server.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
// The five measurements run in interleaved slices (baseline, lookups, registrations, then again), so a
// machine that speeds up or slows down during the run (shared CPUs) affects every ratio alike.
const SLICE_S = Number(process.env.BENCH_SLICE_S ?? 3);
const PASSES = Number(process.env.BENCH_PASSES ?? 6);
// Each server gets one uncounted warm-up (JIT, sockets) before the first pass.
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 2);
const CONNECTIONS = 20;

interface Target {
  url: string;
  authorization: string;
  process: ChildProcess;
}

async function startTarget(args: string[]): Promise<Target> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'bench_target.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const [word, url, ...authorization] = line.split(' ');
    if (word === 'READY') return { url, authorization: authorization.join(' '), process: child };
  }
  throw new Error(`bench target ${args.join(' ')} exited before it was ready`);
}

async function stopTarget(target: Target): Promise<void> {
  target.process.kill();
  await once(target.process, 'exit');
}

/** Requests per second over one slice; throws when any request failed. */
async function slice(name: string, options: autocannon.Options, seconds: number): Promise<number> {
  const result = await autocannon({ connections: CONNECTIONS, duration: seconds, ...options });
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) throw new Error(`${name}: ${bad} of ${result.requests.total} requests failed (non-2xx, errors or timeouts)`);
  return result.requests.total / seconds;
}

function registrationRequest(target: Target): autocannon.Options {
  let counter = 0;
  return {
    url: target.url,
    requests: [
      {
        method: 'POST',
        path: '/v2/customers',
        headers: { 'content-type': 'application/json', authorization: target.authorization },
        setupRequest: (request) => {
          const i = counter++;
          return {
            ...request,
            body: JSON.stringify({
              loyaltyInfo: { loyaltyType: 'loyalty' },
              profiles: [
                {
                  source: 'INSTORE',
                  identifiers: [
                    { type: 'mobile', value: benchMobile('fresh', i) },
                    { type: 'email', value: `fresh${i}@bench.example` },
                  ],
                },
              ],
            }),
          };
        },
      },
    ],
  };
}

function lookupRequest(target: Target, stored: number): autocannon.Options {
  let counter = 0;
  return {
    url: target.url,
    requests: [
      {
        method: 'GET',
        headers: { authorization: target.authorization },
        setupRequest: (request) => {
          // A spread of stored customers, not one hot key.
          const i = (counter++ * 7919) % stored;
          const query = `source=INSTORE&identifierName=mobile&identifierValue=${benchMobile('preload', i)}`;
          return { ...request, path: `/v2/customers/lookup?${query}` };
        },
      },
    ],
  };
}

function baselineRequest(target: Target): autocannon.Options {
  return {
    url: `${target.url}/store`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: '919900000000' }] }] }),
  };
}

type Measurement = 'baseline' | `${'lookup' | 'register'}${10_000 | 100_000}`;
type Rates = Record<Measurement, number>;

async function measureThroughput(): Promise<void> {
  console.log(
    `Throughput (autocannon, ${CONNECTIONS} connections, each server in its own process; ${PASSES} passes of ` +
      `${SLICE_S} s slices per measurement, interleaved)`,
  );
  const baseline = await startTarget(['baseline']);
  const stored = { 10_000: await startTarget(['reference', '--preload', '10000']), 100_000: await startTarget(['reference', '--preload', '100000']) };
  // Registrations add customers, so each pass runs the lookups first.
  const plan: [Measurement, string, autocannon.Options][] = [
    ['baseline', 'bare Express: store JSON body in a Map', baselineRequest(baseline)],
    ['lookup10000', 'lookup, 10k stored', lookupRequest(stored[10_000], 10_000)],
    ['lookup100000', 'lookup, 100k stored', lookupRequest(stored[100_000], 100_000)],
    ['register10000', 'registration with matching, 10k stored', registrationRequest(stored[10_000])],
    ['register100000', 'registration with matching, 100k stored', registrationRequest(stored[100_000])],
  ];
  try {
    if (WARMUP_S > 0) for (const [, name, options] of plan) await slice(name, options, WARMUP_S);
    const passes: Rates[] = [];
    for (let pass = 1; pass <= PASSES; pass++) {
      const rates = {} as Rates;
      for (const [key, name, options] of plan) rates[key] = await slice(name, options, SLICE_S);
      process.stderr.write(`pass ${pass} of ${PASSES}: ${plan.map(([key]) => `${key} ${rates[key].toFixed(0)}`).join(', ')} req/s\n`);
      passes.push(rates);
    }
    // The headline is the ratio of the rates over all passes; a garbage-collection pause that lands in
    // one slice moves a single pass's ratio a lot, so the passes' range is shown beside it.
    const overall = (key: Measurement) => passes.reduce((sum, rates) => sum + rates[key], 0) / passes.length;
    const row = (label: string, measured: Measurement, against: Measurement, target: string) => {
      const each = passes.map((rates) => rates[measured] / rates[against]);
      const spread = `${Math.min(...each).toFixed(2)}-${Math.max(...each).toFixed(2)}`;
      console.log(`  ${label.padEnd(40)} ${(overall(measured) / overall(against)).toFixed(2)}x  (passes ${spread})   target ${target}`);
    };
    row('registration / baseline, 10k stored', 'register10000', 'baseline', '>= 0.50x');
    row('registration / baseline, 100k stored', 'register100000', 'baseline', '>= 0.50x');
    row('lookup / baseline, 10k stored', 'lookup10000', 'baseline', '>= 0.70x');
    row('lookup / baseline, 100k stored', 'lookup100000', 'baseline', '>= 0.70x');
    row('registration 100k / 10k', 'register100000', 'register10000', '>= 0.90x');
    row('lookup 100k / 10k', 'lookup100000', 'lookup10000', '>= 0.90x');
    console.log(`  baseline: ${overall('baseline').toFixed(0)} req/s`);
  } finally {
    await Promise.all([baseline, stored[10_000], stored[100_000]].map(stopTarget));
  }
}

const SUITE_RUNS = 3;

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function measureSuite(): Promise<void> {
  console.log(`Suite wall time (whole suite, serial; ${SUITE_RUNS} runs each, alternating; fastest run)`);
  const reportsDir = path.join(here, 'out');
  // Untimed warm-up: the first run in a process also loads the step definitions and the reference.
  await certify({ reportsDir, tags: '@seed:contract' });
  const server = await startReferenceServer({ port: 0, host: '127.0.0.1' });
  const inProcess: number[] = [];
  const overHttp: number[] = [];
  try {
    for (let run = 0; run < SUITE_RUNS; run++) {
      inProcess.push(await timed(() => certify({ reportsDir })));
      overHttp.push(await timed(() => certify({ target: server.url, reportsDir })));
    }
  } finally {
    await server.close();
  }
  const best = (times: number[]) => Math.min(...times);
  console.log(`  in-process: ${(best(inProcess) / 1000).toFixed(2)} s   over HTTP: ${(best(overHttp) / 1000).toFixed(2)} s`);
  console.log(`  over HTTP / in-process: ${(best(overHttp) / best(inProcess)).toFixed(2)}x`);
}

// `npm run bench -- startup`, `-- throughput`, `-- suite`, `-- generation`, `-- audience`, `-- imports`, `-- ledger`, `-- postgres`, `-- seed-client` or `-- shards` runs one part.
const only = process.argv[2];
const PARTS = ['startup', 'suite', 'throughput', 'generation', 'audience', 'imports', 'ledger', 'postgres', 'seed-client', 'shards'];
if (only !== undefined && !PARTS.includes(only)) {
  console.error(`memberspec bench: unknown part "${only}" (expected ${PARTS.map((part) => `"${part}"`).join(', ')})`);
  process.exit(2);
}
if (only === undefined || only === 'startup') await (await import('./startup_bench.ts')).measureStartup();
if (only === undefined || only === 'suite') await measureSuite();
if (only === undefined || only === 'throughput') await measureThroughput();
if (only === undefined || only === 'generation') await measureGeneration();
if (only === undefined || only === 'audience') await measureAudience();
if (only === undefined || only === 'ledger') await measureLedger();
if (only === undefined) await (await import('./seeding_bench.ts')).measureSeeding();
if (only === undefined || only === 'imports') await (await import('./import_bench.ts')).measureImports();
if (only === undefined || only === 'postgres') await (await import('./postgres_bench.ts')).measurePostgres();
if (only === undefined || only === 'seed-client') await (await import('./seed_client_bench.ts')).measureSeedClient();
if (only === undefined || only === 'shards') await (await import('./shards_bench.ts')).measureShards();
