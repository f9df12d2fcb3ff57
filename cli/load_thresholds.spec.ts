// --threshold on `memberspec seed` and `soak`: the thresholds decide the exit code, the failing one is
// named, every one is in the report. Five persons give recall 0.8 and nothing lost (api/seed.spec.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../api/project_root.ts';
import { assertUsageErrors, runCli } from './cli_spec_support.ts';

const FIVE = path.join(PROJECT_ROOT, 'test', 'fixtures', 'populations', 'five_persons.ndjson');

function scratch(): { dir: string; [Symbol.dispose](): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-thresholds-'));
  return { dir, [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }) };
}

test('seed: thresholds that hold exit 0, a failing one exits 1 and is named; all are in the report', async () => {
  using tmp = scratch();
  const out = path.join(tmp.dir, 'seed.json');
  const held = await runCli('seed', '--population', FIVE, '--out', out, '--threshold', 'p99<60s', '--threshold', 'lost==0', '--threshold', 'recall>=0.8');
  assert.equal(held.code, 0, held.stderr);
  assert.match(held.stdout, /thresholds {5}p99<60s ok \([\d.]+\) · lost==0 ok \(0\) · recall>=0\.8 ok \(0\.8\)/);
  assert.doesNotMatch(held.stdout, /THRESHOLD FAILED/);

  const failed = await runCli('seed', '--population', FIVE, '--out', out, '--threshold', 'lost==0', '--threshold', 'recall>=0.85');
  assert.equal(failed.code, 1, failed.stderr);
  assert.match(failed.stdout, /THRESHOLD FAILED recall>=0\.85 \(was 0\.8\)/);
  assert.doesNotMatch(failed.stdout, /THRESHOLD FAILED lost/);
  const report = JSON.parse(readFileSync(out, 'utf8'));
  assert.deepEqual(report.thresholds, [
    { expression: 'lost==0', value: 0, ok: true },
    { expression: 'recall>=0.85', value: 0.8, ok: false },
  ]);
});

test('soak: the thresholds are checked over every round', async () => {
  using tmp = scratch();
  const out = path.join(tmp.dir, 'soak.json');
  const r = await runCli('soak', '--population', FIVE, '--rounds', '2', '--out', out, '--threshold', 'rejected<=2', '--threshold', 'rejected<2', '--threshold', 'p50<1ms');
  assert.equal(r.code, 1, r.stderr);
  // d2 is refused once a round: 2 over the soak.
  assert.match(r.stdout, /THRESHOLD FAILED rejected<2 \(was 2\)/);
  const report = JSON.parse(readFileSync(out, 'utf8'));
  assert.deepEqual(report.thresholds.slice(0, 2), [
    { expression: 'rejected<=2', value: 2, ok: true },
    { expression: 'rejected<2', value: 2, ok: false },
  ]);
  assert.equal(report.thresholds[2].ok, report.thresholds[2].value < 1);
});

test('a bad threshold is a usage error before anything is sent', async () => {
  await assertUsageErrors([
    [['seed', '--population', FIVE, '--threshold', 'latency<200ms'], /--threshold "latency<200ms": unknown metric "latency"/],
    [['soak', '--population', FIVE, '--threshold', 'p99<<200ms'], /--threshold "p99<<200ms": expected METRIC OP VALUE/],
  ]);
});
