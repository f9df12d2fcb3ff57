// `memberspec seed` end to end: the summary on stdout, the JSON report, exit codes 0 / 1 / 2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../api/project_root.ts';
import { assertUsageErrors, runCli, startBareServer } from './cli_spec_support.ts';
import { startReferenceServer } from '../reference/server/start_server.ts';

const SHARED_EMAIL = path.join(PROJECT_ROOT, 'test', 'fixtures', 'populations', 'shared_email.ndjson');

function scratch(): { dir: string; [Symbol.dispose](): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-seed-cli-'));
  return { dir, [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }) };
}

test('seeds the reference in-process: the figures on stdout and in the JSON report, exit 0', async () => {
  using tmp = scratch();
  const out = path.join(tmp.dir, 'load.json');
  const r = await runCli('seed', '--population', SHARED_EMAIL, '--out', out);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /registrations {2}3 accepted \(2 new customer, 1 existing customer\) · 0 rejected · 0 failed/);
  assert.match(r.stdout, /over-merge {5}1 of 2 customers mix two or more persons/);
  assert.match(r.stdout, /pairs {10}precision 0\.000 · recall n\/a/);
  assert.match(r.stdout, /Report: .*load\.json/);
  // Not a TTY: no progress line, one closing line on stderr.
  assert.match(r.stderr, /^seeded 3 profiles in [\d.]+ s/);
  const report = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal(report.groundTruth.customers.overMerged, 1);
});

test('seeds the reference over HTTP with the same outcome', async () => {
  using tmp = scratch();
  const server = await startReferenceServer({ port: 0, host: '127.0.0.1' });
  try {
    const out = path.join(tmp.dir, 'http.json');
    const r = await runCli('seed', '--target', server.url, '--population', SHARED_EMAIL, '--out', out, '--concurrency', '2');
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(report.target.driver, 'http');
    assert.deepEqual(report.groundTruth.pairs, { predicted: 1, true: 0, correct: 0, precision: 0, recall: null });
    assert.deepEqual(report.customers, { created: 2, mergedAway: 0, live: 2, withoutProfile: 0 });
  } finally {
    await server.close();
  }
});

test('usage errors exit 2 with one line on stderr and no stack trace', async () => {
  using tmp = scratch();
  const broken = path.join(tmp.dir, 'broken.ndjson');
  const lines = readFileSync(SHARED_EMAIL, 'utf8').split('\n');
  writeFileSync(broken, [lines[0], lines[1], 'not json'].join('\n'));
  // A server without the test-control extension.
  const bare = await startBareServer();
  try {
    const cases: [string[], RegExp][] = [
      [['seed'], /--population <file>' not specified/],
      [['seed', '--population', path.join(tmp.dir, 'none.ndjson')], /none\.ndjson: file not found/],
      [['seed', '--population', broken], /broken\.ndjson line 3: not valid JSON/],
      [['seed', '--population', SHARED_EMAIL, '--concurrency', '0'], /--concurrency must be a whole number from 1 to 256/],
      [['seed', '--population', SHARED_EMAIL, '--target', bare.url], /does not offer the test-control extension.*--profile FILE/],
    ];
    await assertUsageErrors(cases);
  } finally {
    bare.close();
  }
});
