// Exit codes and messages of the command line: 0 / 1 / 2, one line on stderr for usage errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
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
  assertUsageErrors(cases);
});

/** Each case exits 2 with exactly one line on stderr, matching, and no stack trace. */
function assertUsageErrors(cases: [string[], RegExp][]): void {
  for (const [args, message] of cases) {
    const r = run(...args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, `one line on stderr for ${args.join(' ')}: ${r.stderr}`);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  }
}

test('a bad --profile is a usage error before any scenario runs', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-cli-profile-'));
  try {
    const file = (name: string, text: string) => {
      writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    const till = { username: 'till.acme', password: 'secret' };
    // The profile is checked before the target is contacted, so a closed port shows the profile's fault.
    const target = `http://127.0.0.1:${await closedPort()}`;
    const profile = (p: string): string[] => ['certify', '--target', target, '--profile', p];
    assertUsageErrors([
      [profile(path.join(dir, 'missing.json')), /missing\.json: file not found/],
      [profile(file('broken.json', '{ "name": "Acme", ')), /broken\.json: not valid JSON/],
      [profile(file('no_till.json', JSON.stringify({ name: 'Acme', configs: {} }))), /no_till\.json: "till" is missing/],
      [profile(file('bad_till.json', JSON.stringify({ name: 'Acme', till: { username: 'u' } }))), /"till" must be/],
      [profile(file('null.json', 'null')), /null\.json: must be a JSON object/],
      [profile(file('typo.json', JSON.stringify({ name: 'Acme', till, configs: { CONF_TYPO: true } }))), /unknown config CONF_TYPO/],
      [profile(dir), /is a directory/],
    ]);
    // The example profile is valid: with it, the only fault is the unreachable target.
    assertUsageErrors([[profile(path.join(ROOT, 'examples', 'vendor_profile.json')), /is not reachable/]]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('serve: a port in use or an invalid port is a usage error', async () => {
  const busy: Server = await new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => resolve(s));
  });
  try {
    const port = (busy.address() as { port: number }).port;
    await assertUsageErrors([
      [['serve', '--port', String(port)], new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use`)],
      [['serve', '--port', '70000'], /--port must be a whole number from 0 to 65535/],
      [['serve', '--port', 'http'], /--port must be a whole number from 0 to 65535/],
      [['serve', '--port'], /--port <n>' argument missing/],
    ]);
  } finally {
    await new Promise<void>((resolve) => busy.close(() => resolve()));
  }
});

test('serve: the test-control extension is not opened to the network without an admin token', async () => {
  await assertUsageErrors([
    [['serve', '--host', '0.0.0.0', '--port', '0'], /--host 0\.0\.0\.0 would open the test-control extension to the network without a credential: set --admin-token \(or MEMBERSPEC_ADMIN_TOKEN\), or pass --no-test-control/],
    [['serve', '--max-orgs', '0'], /--max-orgs must be a whole number/],
  ]);
});

test('serve --store: anything but memory or a postgres:// URL, or a database it cannot reach, is one line', async () => {
  await assertUsageErrors([
    [['serve', '--port', '0', '--store', 'memry'], /the store must be "memory" or a postgres:\/\/ URL, got "memry"/],
    [['serve', '--port', '0', '--store', 'mysql://db.example/x'], /the store must be "memory" or a postgres:\/\/ URL, got a mysql: URL/],
    // Port 1 on loopback: nothing listens there.
    [['serve', '--port', '0', '--store', 'postgres://app:hunter2@127.0.0.1:1/loyalty'], /^memberspec: cannot reach PostgreSQL at 127\.0\.0\.1:1\/loyalty: connect ECONNREFUSED/],
  ]);
});

test('a passing certification exits 0 and prints the summary with the report path', () => {
  const r = run('certify', '--tags', '@req:contract-01', '--reports', path.join('reports', 'npm-test'));
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /CONFORMANT/);
  assert.match(r.stdout, /Report: .*index\.html/);
  assert.match(r.stderr, /ran \d+ scenarios/, 'a final progress line when stderr is not a TTY');
});
