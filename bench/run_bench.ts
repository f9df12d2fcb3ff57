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
const { certify } = await import("../api/certify.ts");
import { startReferenceServer } from '../reference/server/start_server.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 8);
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

async function measureThroughput(): Promise<void> {
  console.log(`Throughput (autocannon, ${CONNECTIONS} connections, ${DURATION_S} s each, server in its own process)`);
  const baselineTarget = await startTarget(['baseline']);
  const baseline = await load('bare Express: store JSON body in a Map', baselineRequest(baselineTarget));
  await stopTarget(baselineTarget);

  const rates: Record<string, { register: number; lookup: number }> = {};
  for (const stored of [10_000, 100_000]) {
    const target = await startTarget(['reference', '--preload', String(stored)]);
    const lookup = await load(`lookup with ${stored} stored`, lookupRequest(target, stored));
    const register = await load(`registration with matching, ${stored} stored`, registrationRequest(target));
    rates[stored] = { register, lookup };
    await stopTarget(target);
  }

  const row = (label: string, value: number, target: string) =>
    console.log(`  ${label.padEnd(44)} ${value.toFixed(2)}x   (target ${target})`);
  row('registration / baseline, 10k stored', rates[10_000].register / baseline, '>= 0.50x');
  row('registration / baseline, 100k stored', rates[100_000].register / baseline, '>= 0.50x');
  row('lookup / baseline, 10k stored', rates[10_000].lookup / baseline, '>= 0.70x');
  row('lookup / baseline, 100k stored', rates[100_000].lookup / baseline, '>= 0.70x');
  row('registration 100k / 10k', rates[100_000].register / rates[10_000].register, '>= 0.90x');
  row('lookup 100k / 10k', rates[100_000].lookup / rates[10_000].lookup, '>= 0.90x');
  console.log(`  baseline: ${baseline.toFixed(0)} req/s`);
}

async function measureSuite(): Promise<void> {
  console.log('Suite wall time (whole suite, serial)');
  const reportsDir = path.join(here, 'out');
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
