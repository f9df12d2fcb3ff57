// `memberspec soak` end to end: the round table on stdout, the JSON report, exit codes 0 / 2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'memberspec.mjs');
const FIVE = path.join(ROOT, 'test', 'fixtures', 'populations', 'five_persons.ndjson');

function run(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('soaks the reference in-process: a line per round, the drift, the verdict, exit 0', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-soak-cli-'));
  try {
    const out = path.join(dir, 'soak.json');
    const r = await run('soak', '--population', FIVE, '--rounds', '2', '--out', out);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /each round {5}9 registrations accepted · 6 live customers · 9 of 9 accepted profiles resolved · precision 1\.000 · recall 0\.800/);
    assert.match(r.stdout, /round {3}1 .* profiles\/s · p50 [\d.]+ ms · p99 [\d.]+ ms \(\d+ requests\) · rss [\d.]+ MB · same figures/);
    assert.match(r.stdout, /round {3}2 .* same figures/);
    assert.match(r.stdout, /drift {10}round 2 against round 1: throughput [-+]?[\d.]+% · p50 .* · rss /);
    assert.match(r.stdout, /verdict {8}every round identical: nothing lost or duplicated/);
    assert.equal(r.stderr, '', 'not a TTY: no progress');
    assert.equal(JSON.parse(readFileSync(out, 'utf8')).rounds.length, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad arguments and a target without test control exit 2 with one line', async () => {
  const bare = createServer((_request, response) => response.writeHead(404).end());
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
  try {
    const cases: [string[], RegExp][] = [
      [['soak', '--population', FIVE, '--duration', '10 minutes'], /--duration must be a positive number with a unit s, m or h/],
      [['soak', '--population', FIVE, '--rounds', '0'], /--rounds must be a whole number from 1/],
      [['soak', '--population', FIVE, '--rounds', '2', '--duration', '1m'], /give --duration or --rounds, not both/],
      [['soak', '--population', FIVE, '--target', bareUrl], /does not offer the test-control extension.*soak creates a fresh org per round/],
    ];
    for (const [args, message] of cases) {
      const r = await run(...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, `one line: ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
  } finally {
    bare.close();
  }
});
