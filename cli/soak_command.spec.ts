// `memberspec soak` end to end: the round table on stdout, the JSON report, exit codes 0 / 2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../api/project_root.ts';
import { assertUsageErrors, runCli, startBareServer } from './cli_spec_support.ts';

const FIVE = path.join(PROJECT_ROOT, 'test', 'fixtures', 'populations', 'five_persons.ndjson');

test('soaks the reference in-process: a line per round, the drift, the verdict, exit 0', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-soak-cli-'));
  try {
    const out = path.join(dir, 'soak.json');
    const r = await runCli('soak', '--population', FIVE, '--rounds', '2', '--out', out);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /each round {5}9 registrations accepted · 6 live customers · 9 of 9 accepted profiles resolved · precision 1\.000 · recall 0\.800/);
    assert.match(r.stdout, /round {3}1 .* profiles\/s · p50 [\d.]+ ms · p99 [\d.]+ ms \(\d+ requests\) · rss [\d.]+ MB · same figures/);
    assert.match(r.stdout, /round {3}2 .* same figures/);
    assert.match(r.stdout, /drift {10}round 2 against round 1: throughput [-+]?[\d.]+% · p50 .* · rss /);
    assert.match(r.stdout, /verdict {8}every round identical: nothing lost or duplicated/);
    // Not a TTY: each round's line as it ends (a long soak is never silent), nothing else in a short run.
    assert.deepEqual(r.stderr.trimEnd().split('\n').map((line) => /^round {3}\d /.test(line)), [true, true], r.stderr);
    assert.equal(JSON.parse(readFileSync(out, 'utf8')).rounds.length, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad arguments and a target without test control exit 2 with one line', async () => {
  const bare = await startBareServer();
  try {
    const cases: [string[], RegExp][] = [
      [['soak', '--population', FIVE, '--duration', '10 minutes'], /--duration must be a positive number with a unit s, m or h/],
      [['soak', '--population', FIVE, '--rounds', '0'], /--rounds must be a whole number from 1/],
      [['soak', '--population', FIVE, '--rounds', '2', '--duration', '1m'], /give --duration or --rounds, not both/],
      [['soak', '--population', FIVE, '--target', bare.url], /does not offer the test-control extension.*soak creates a fresh org per round/],
    ];
    await assertUsageErrors(cases);
  } finally {
    bare.close();
  }
});
