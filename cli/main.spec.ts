// Exit codes and messages of the command line: 0 / 1 / 2, one line on stderr for usage errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'memberspec.mjs');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

test('--help works for the program and every command', () => {
  for (const args of [['--help'], ['certify', '--help'], ['serve', '--help']]) {
    const r = run(...args);
    assert.equal(r.code, 0, args.join(' '));
    assert.match(r.stdout, /Usage: memberspec/);
  }
});

test('usage errors exit 2 with one line and no stack trace', async () => {
  const cases: [string[], RegExp][] = [
    [['certify', '--parallel', 'many'], /--parallel/],
    [['certify', '--target', 'not a url'], /--target must be an http\(s\) URL/],
    [['certify', '--profile', 'vendor.json'], /--profile needs --target/],
    [['certify', '--target', `http://127.0.0.1:${await closedPort()}`], /is not reachable/],
    [['bogus'], /unknown command/],
  ];
  for (const [args, message] of cases) {
    const r = run(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  }
});

test('a passing certification exits 0 and prints the summary with the report path', () => {
  const r = run('certify', '--tags', '@req:contract-01', '--reports', path.join('reports', 'npm-test'));
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /CONFORMANT/);
  assert.match(r.stdout, /Report: .*index\.html/);
  assert.match(r.stderr, /ran \d+ scenarios/, 'a final progress line when stderr is not a TTY');
});
