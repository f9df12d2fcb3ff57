// `memberspec generate`: files written on success, one line and exit 2 on bad arguments, nothing written then.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'memberspec.mjs');

function run(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'generate', ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('generate writes the population and its ground truth, the same bytes for the same seed', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-generate-'));
  try {
    const first = run(dir, '--persons', '120', '--seed', '8', '--profile', 'merge-heavy', '--out', 'people.ndjson');
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^120 persons, \d+ source profiles \(merge-heavy, seed 8\)/);
    assert.equal(first.stderr, '', 'no progress output when stderr is not a terminal');
    const again = run(dir, '--persons', '120', '--seed', '8', '--profile', 'merge-heavy', '--out', 'again.ndjson');
    assert.equal(again.code, 0, again.stderr);
    for (const [a, b] of [['people.ndjson', 'again.ndjson'], ['people.truth.ndjson', 'again.truth.ndjson']]) {
      assert.equal(readFileSync(path.join(dir, a), 'utf8'), readFileSync(path.join(dir, b), 'utf8'));
    }
    const header = JSON.parse(readFileSync(path.join(dir, 'people.ndjson'), 'utf8').split('\n')[0]) as { profile: string; persons: number; seed: number };
    assert.deepEqual([header.profile, header.persons, header.seed], ['merge-heavy', 120, 8]);
    assert.equal(readFileSync(path.join(dir, 'people.truth.ndjson'), 'utf8').trimEnd().split('\n').length, 120);
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.partial')), [], 'no partial files left behind');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad arguments give one line, exit 2, and write nothing', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-generate-'));
  try {
    const cases: [string[], RegExp][] = [
      [['--persons', '0', '--out', 'p.ndjson'], /--persons must be a whole number from 1 to 5000000/],
      [['--persons', 'many', '--out', 'p.ndjson'], /--persons must be a whole number/],
      [['--persons', '10', '--seed', '-3', '--out', 'p.ndjson'], /--seed must be a whole number from 0 to 4294967295/],
      [['--persons', '10', '--profile', 'chaotic', '--out', 'p.ndjson'], /Allowed choices are balanced, merge-heavy, dual-eligibility/],
      [['--out', 'p.ndjson'], /required option '--persons <n>'/],
      [['--persons', '10'], /required option '--out <file>'/],
      [['--persons', '10', '--out', 'missing/p.ndjson'], /--out: directory missing does not exist/],
      [['--persons', '10', '--out', '.'], /is a directory, not a file/],
    ];
    for (const [args, message] of cases) {
      const r = run(dir, ...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, `${args.join(' ')}: one line`);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
    assert.deepEqual(readdirSync(dir), [], 'nothing was written');
    assert.ok(!existsSync(path.join(dir, 'p.truth.ndjson')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
