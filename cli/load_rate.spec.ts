// `seed --rate`: the open model from the command line, its report and its usage errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../api/project_root.ts';
import { assertUsageErrors, runCli } from './cli_spec_support.ts';

const FIVE = path.join(PROJECT_ROOT, 'test', 'fixtures', 'populations', 'five_persons.ndjson');

test('seed --rate loads at the arrival rate with the same figures as the closed model', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-rate-'));
  try {
    const out = path.join(dir, 'open.json');
    const r = await runCli('seed', '--population', FIVE, '--rate', '600/m', '--out', out);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /profiles {7}10 sent of 10 in [\d.]+ s · [\d.]+ profiles\/s · open model, 10 arriving per second/);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(report.ratePerSecond, 10);
    // Ten profiles due 100 ms apart: the sending cannot end before the tenth is due.
    assert.ok(report.profilesPerSecond <= 11.2, `${report.profilesPerSecond} profiles/s at a rate of 10/s`);
    assert.deepEqual(report.groundTruth.pairs, { predicted: 4, true: 5, correct: 4, precision: 1, recall: 0.8 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bad --rate is a usage error', async () => {
  await assertUsageErrors([
    [['seed', '--population', FIVE, '--rate', '50'], /--rate must be a number of profiles per s, m or h above 0/],
    [['soak', '--population', FIVE, '--rate', '0/s'], /--rate must be a number of profiles per s, m or h above 0/],
  ]);
});
