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
import { certify } from '../api/certify.ts';
import { startReferenceServer } from '../reference/server/start_server.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 8);
// Each measured run follows an uncounted warm-up (JIT, sockets) against the same server.
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 2);
// Whole rounds (baseline and reference, fresh servers) are repeated and the median ratio is printed,
// each round's ratios taken against the baseline measured in that round.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
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

async function load(name: string, options: autocannon.Options): Promise<number> {
  if (WARMUP_S > 0) await autocannon({ connections: CONNECTIONS, duration: WARMUP_S, ...options });
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION_S, ...options });
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) throw new Error(`${name}: ${bad} of ${result.requests.total} requests failed (non-2xx, errors or timeouts)`);
  process.stderr.write(`  ${name}: ${result.requests.average.toFixed(0)} req/s, p99 ${result.latency.p99} ms\n`);
  return result.requests.average;
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

type Rates = Record<'baseline' | `${'lookup' | 'register'}${10_000 | 100_000}`, number>;

async function measureRound(): Promise<Rates> {
  const baselineTarget = await startTarget(['baseline']);
  const rates = { baseline: await load('bare Express: store JSON body in a Map', baselineRequest(baselineTarget)) } as Rates;
  await stopTarget(baselineTarget);
  for (const stored of [10_000, 100_000] as const) {
    const target = await startTarget(['reference', '--preload', String(stored)]);
    rates[`lookup${stored}`] = await load(`lookup with ${stored} stored`, lookupRequest(target, stored));
    // Registration adds customers, so it runs after the lookups (the store holds at least `stored`).
    rates[`register${stored}`] = await load(`registration with matching, ${stored} stored`, registrationRequest(target));
    await stopTarget(target);
  }
  return rates;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function measureThroughput(): Promise<void> {
  console.log(
    `Throughput (autocannon, ${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s measured each, ` +
      `${ROUNDS} round(s), server in its own process; median of the rounds)`,
  );
  const rounds: Rates[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    process.stderr.write(`round ${round} of ${ROUNDS}\n`);
    rounds.push(await measureRound());
  }
  const row = (label: string, ratio: (rates: Rates) => number, target: string) => {
    const values = rounds.map(ratio);
    const each = values.length > 1 ? `   rounds: ${values.map((v) => v.toFixed(2)).join(' ')}` : '';
    console.log(`  ${label.padEnd(44)} ${median(values).toFixed(2)}x   (target ${target})${each}`);
  };
  row('registration / baseline, 10k stored', (r) => r.register10000 / r.baseline, '>= 0.50x');
  row('registration / baseline, 100k stored', (r) => r.register100000 / r.baseline, '>= 0.50x');
  row('lookup / baseline, 10k stored', (r) => r.lookup10000 / r.baseline, '>= 0.70x');
  row('lookup / baseline, 100k stored', (r) => r.lookup100000 / r.baseline, '>= 0.70x');
  row('registration 100k / 10k', (r) => r.register100000 / r.register10000, '>= 0.90x');
  row('lookup 100k / 10k', (r) => r.lookup100000 / r.lookup10000, '>= 0.90x');
  console.log(`  baseline: ${median(rounds.map((r) => r.baseline)).toFixed(0)} req/s (median)`);
}

async function measureSuite(): Promise<void> {
  console.log('Suite wall time (whole suite, serial)');
  const reportsDir = path.join(here, 'out');
  // Untimed warm-up: the first run in a process also loads the step definitions and the reference.
  await certify({ reportsDir, tags: '@seed:contract' });
  const startedInProcess = performance.now();
  await certify({ reportsDir });
  const inProcess = performance.now() - startedInProcess;

  const server = await startReferenceServer({ port: 0, host: '127.0.0.1' });
  const startedHttp = performance.now();
  await certify({ target: server.url, reportsDir });
  const overHttp = performance.now() - startedHttp;
  await server.close();

  console.log(`  in-process: ${(inProcess / 1000).toFixed(1)} s   over HTTP: ${(overHttp / 1000).toFixed(1)} s`);
  console.log(`  over HTTP / in-process: ${(overHttp / inProcess).toFixed(2)}x`);
}

// `npm run bench -- throughput` or `-- suite` runs one part.
const only = process.argv[2];
if (only !== undefined && only !== 'suite' && only !== 'throughput') {
  console.error(`memberspec bench: unknown part "${only}" (expected "suite" or "throughput")`);
  process.exit(2);
}
if (only !== 'throughput') await measureSuite();
if (only !== 'suite') await measureThroughput();
