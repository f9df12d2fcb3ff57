// Sending threads: the persons split over worker threads, each over its own pool, into one org, give
// the figures one thread gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startReferenceServer } from '../reference/server/start_server.ts';
import { loadFigures, writeBridgedPopulation } from '../test/fixtures/populations/bridged_population.ts';
import { seed } from './seed.ts';
import { UsageError } from './usage_error.ts';

test('two sending threads give the figures of one; the report says how many sent', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-threads-'));
  const server = await startReferenceServer({ port: 0, host: '127.0.0.1' });
  try {
    const population = writeBridgedPopulation(dir, 150);
    const one = await seed({ population, target: server.url, concurrency: 4, threads: 1, out: path.join(dir, 'one.json') });
    const two = await seed({ population, target: server.url, concurrency: 4, threads: 2, out: path.join(dir, 'two.json') });
    assert.equal(one.ok && two.ok, true);
    assert.equal(one.report.threads, undefined);
    assert.equal(two.report.threads, 2);
    assert.deepEqual(loadFigures(two.report), loadFigures(one.report));
    assert.ok(two.report.cpuMsPerRequest > 0, 'the CPU of every thread is counted');
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('threads need a remote target', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-threads-'));
  try {
    const population = writeBridgedPopulation(dir, 3);
    await assert.rejects(seed({ population, threads: 2, out: path.join(dir, 'x.json') }), (error: unknown) => error instanceof UsageError && /--threads above 1 needs --target/.test(error.message));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
