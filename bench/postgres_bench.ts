// `npm run bench -- postgres`: the PostgreSQL store against the in-memory one in the same run, on a
// throwaway cluster: registration and lookup throughput (autocannon, interleaved slices, each server in its
// own process) as ratios, then the kill -9 audit's figures (acknowledged writes, lost, restart time).
import { createHash } from 'node:crypto';
import autocannon from 'autocannon';
import { createDatabase, postgresUnavailableReason, startTestDatabase } from '../test/postgres_cluster.ts';
import { killNineUnderLoad, spawnServe, type ServeProcess } from '../test/postgres_check.ts';
import { benchMobile } from './bench_identifiers.ts';

const SLICE_S = Number(process.env.BENCH_SLICE_S ?? 3);
const PASSES = Number(process.env.BENCH_PASSES ?? 4);
const CONNECTIONS = 20;
const PRELOAD = 2000;

interface Target {
  readonly name: string;
  readonly server: ServeProcess;
  readonly authorization: string;
  registered: number;
}

async function openTarget(name: string, store: string): Promise<Target> {
  const server = await spawnServe(store);
  const response = await fetch(`${server.url}/x-memberspec/orgs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"configs":{}}' });
  const { entity } = (await response.json()) as { entity: { till: { username: string; password: string } } };
  const md5 = createHash('md5').update(entity.till.password).digest('hex');
  return { name, server, authorization: `Basic ${Buffer.from(`${entity.till.username}:${md5}`).toString('base64')}`, registered: 0 };
}

function registration(target: Target): autocannon.Options {
  return {
    url: target.server.url,
    requests: [
      {
        method: 'POST',
        path: '/v2/customers',
        headers: { 'content-type': 'application/json', authorization: target.authorization },
        setupRequest: (request) => {
          const i = target.registered++;
          const identifiers = [{ type: 'mobile', value: benchMobile('preload', i) }];
          return { ...request, body: JSON.stringify({ loyaltyInfo: { loyaltyType: 'loyalty' }, profiles: [{ source: 'INSTORE', identifiers }] }) };
        },
      },
    ],
  };
}

function lookup(target: Target): autocannon.Options {
  let counter = 0;
  return {
    url: target.server.url,
    requests: [
      {
        method: 'GET',
        headers: { authorization: target.authorization },
        setupRequest: (request) => {
          const i = (counter++ * 7919) % PRELOAD;
          return { ...request, path: `/v2/customers/lookup?source=INSTORE&identifierName=mobile&identifierValue=${benchMobile('preload', i)}` };
        },
      },
    ],
  };
}

async function rate(name: string, options: autocannon.Options, seconds: number, amount?: number): Promise<number> {
  const result = await autocannon({ connections: CONNECTIONS, ...(amount ? { amount } : { duration: seconds }), ...options });
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) throw new Error(`${name}: ${bad} of ${result.requests.total} requests failed`);
  return result.requests.total / (amount ? result.duration : seconds);
}

export async function measurePostgres(): Promise<void> {
  const unavailable = postgresUnavailableReason();
  if (unavailable) {
    console.log(`PostgreSQL store: not measured (${unavailable})`);
    return;
  }
  console.log(`PostgreSQL store against memory (autocannon, ${CONNECTIONS} connections, ${PASSES} passes of ${SLICE_S} s slices, interleaved; ${PRELOAD} customers stored first)`);
  const database = await startTestDatabase();
  const targets: Target[] = [];
  try {
    targets.push(await openTarget('memory', 'memory'), await openTarget('postgres', await createDatabase(database.url, 'bench_throughput')));
    for (const target of targets) await rate(`${target.name} preload`, registration(target), 0, PRELOAD);
    const totals: Record<string, number> = {};
    for (let pass = 1; pass <= PASSES; pass++) {
      const line: string[] = [];
      for (const kind of ['lookup', 'register'] as const) {
        for (const target of targets) {
          const key = `${kind} ${target.name}`;
          const measured = await rate(key, kind === 'lookup' ? lookup(target) : registration(target), SLICE_S);
          totals[key] = (totals[key] ?? 0) + measured;
          line.push(`${key} ${measured.toFixed(0)}`);
        }
      }
      process.stderr.write(`pass ${pass} of ${PASSES}: ${line.join(', ')} req/s\n`);
    }
    const mean = (key: string) => totals[key] / PASSES;
    for (const kind of ['register', 'lookup']) {
      console.log(`  ${`${kind === 'register' ? 'registration' : 'lookup'} postgres / memory`.padEnd(34)} ${(mean(`${kind} postgres`) / mean(`${kind} memory`)).toFixed(2)}x  (${mean(`${kind} postgres`).toFixed(0)} vs ${mean(`${kind} memory`).toFixed(0)} req/s)`);
    }
  } finally {
    for (const target of targets) await target.server.stop();
  }
  try {
    const failed: string[] = [];
    const figures = await killNineUnderLoad((name, ok, detail) => void (ok ? undefined : failed.push(`${name}: ${detail}`)), await createDatabase(database.url, 'bench_kill_nine'), { killAfter: 300, workers: 16 });
    const { acknowledged, lost } = figures;
    console.log(
      `  kill -9 under load (16 workers, killed after 300 acknowledged registrations): acknowledged ${acknowledged.registrations} registrations, ${acknowledged.bills} bills, ` +
        `${acknowledged.cards} cards; lost ${lost.registrations}, ${lost.bills}, ${lost.cards}; duplicated ${figures.duplicated}; half there ${figures.halfThere}; ` +
        `${figures.unanswered} unanswered when killed; restart with replay ${(figures.restartMs / 1000).toFixed(1)} s`,
    );
    for (const failure of failed) console.log(`  FAILED ${failure}`);
  } finally {
    await database.stop();
  }
}
