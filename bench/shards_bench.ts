// `npm run bench -- shards`: one population loaded once unsharded and once as 4 `seed --segment i/4`
// processes merged by `memberspec merge`, against one reference server. Prints both wall times (their
// ratio) and whether the merged figures equal the unsharded run's (the check cli/seed_shards.spec.ts makes).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startReferenceServer } from '../reference/server/start_server.ts';
import { loadFigures, writeBridgedPopulation } from '../test/fixtures/populations/bridged_population.ts';
import { runCli } from '../cli/cli_spec_support.ts';

const PERSONS = Number(process.env.BENCH_SHARD_PERSONS ?? 2000);
const SHARDS = 4;

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await run();
  return { result, ms: performance.now() - started };
}

function mustSucceed(what: string, outcome: { code: number | null; stderr: string }): void {
  if (outcome.code !== 0) throw new Error(`${what} exited ${outcome.code}: ${outcome.stderr.trim().split('\n').at(-1)}`);
}

export async function measureShards(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-shard-bench-'));
  const server = await startReferenceServer({ port: 0, host: '127.0.0.1' });
  const at = (name: string) => path.join(dir, name);
  try {
    const population = writeBridgedPopulation(dir, PERSONS);
    const whole = await timed(() => runCli('seed', '--target', server.url, '--population', population, '--out', at('whole.json')));
    mustSucceed('the unsharded seed', whole.result);
    const sharded = await timed(async () => {
      mustSucceed('memberspec org', await runCli('org', '--target', server.url, '--population', population, '--out', at('org.json')));
      const shards = await Promise.all(
        Array.from({ length: SHARDS }, (_, index) =>
          runCli('seed', '--target', server.url, '--population', population, '--profile', at('org.json'), '--segment', `${index}/${SHARDS}`, '--out', at(`shard${index}.json`)),
        ),
      );
      shards.forEach((shard, index) => mustSucceed(`shard ${index}/${SHARDS}`, shard));
      const shardFiles = Array.from({ length: SHARDS }, (_, index) => at(`shard${index}.json`));
      return runCli('merge', ...shardFiles, '--target', server.url, '--population', population, '--profile', at('org.json'), '--out', at('merged.json'));
    });
    mustSucceed('memberspec merge', sharded.result);
    const one = loadFigures(JSON.parse(readFileSync(at('whole.json'), 'utf8')));
    const merged = loadFigures(JSON.parse(readFileSync(at('merged.json'), 'utf8')));
    const same = JSON.stringify(merged) === JSON.stringify(one);
    console.log(`Shards (${PERSONS} persons, ${one.profiles?.total ?? '?'} profiles, one reference server)`);
    console.log(`  unsharded seed: ${(whole.ms / 1000).toFixed(1)} s   ${SHARDS} shards + org + merge: ${(sharded.ms / 1000).toFixed(1)} s   ratio ${(sharded.ms / whole.ms).toFixed(2)}x`);
    console.log(`  merged figures equal the unsharded run's: ${same ? 'yes' : 'NO'}`);
    if (!same) process.exitCode = 1;
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await measureShards();
