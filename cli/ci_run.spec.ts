// certify as a CI job runs it: behind a gateway that wants a header, against a slow target with a
// deadline, with stderr not a terminal (progress lines at a steady interval).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, startCli, startGateway } from './cli_spec_support.ts';
import { startReferenceServer } from '../reference/server/start_server.ts';

/** One quick scenario. */
const ONE = ['--tags', '@req:000-19'];

function scratch(): { dir: string; [Symbol.dispose](): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-ci-run-'));
  return { dir, [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }) };
}

function runFiles(reportsDir: string): string[] {
  const [runId] = readdirSync(reportsDir).filter((d) => d !== 'latest');
  return readdirSync(path.join(reportsDir, runId)).map((f) => readFileSync(path.join(reportsDir, runId, f), 'utf8'));
}

test('--header goes with every request (a gateway that wants an API key), and never into a report', async () => {
  using tmp = scratch();
  const reference = await startReferenceServer({ port: 0, host: '127.0.0.1' });
  const gateway = await startGateway(reference.url, { requiredHeader: ['X-Api-Key', 'key-7f3a9c'] });
  try {
    const refused = await runCli('certify', '--target', gateway.url, '--reports', tmp.dir, ...ONE);
    assert.equal(refused.code, 2, 'without the header the gateway refuses the checks');
    assert.match(refused.stderr, /answered 401\): pass --admin-token or MEMBERSPEC_ADMIN_TOKEN \(or, for a gateway in front of the target that wants its own credential, --header "Name: value"\)/);
    const r = await runCli('certify', '--target', gateway.url, '--header', 'X-Api-Key: key-7f3a9c', '--header', 'X-Trace: ci', '--reports', tmp.dir, ...ONE);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /CONFORMANT: every applicable scenario passed \(1 passed/);
    assert.ok(gateway.paths.some((p) => p.startsWith('/v2/customers')), 'the scenario went through the gateway');
    for (const text of runFiles(tmp.dir)) assert.doesNotMatch(text, /key-7f3a9c/);
  } finally {
    gateway.close();
    await reference.close();
  }
});

test('--timeout stops a slow run: INCONCLUSIVE (error), exit 1, the reports say after how many scenarios', async () => {
  using tmp = scratch();
  const reference = await startReferenceServer({ port: 0, host: '127.0.0.1' });
  const slow = await startGateway(reference.url, { delayMs: 300 });
  try {
    const started = Date.now();
    const r = await runCli('certify', '--target', slow.url, '--timeout', '6s', '--reports', tmp.dir);
    const tookMs = Date.now() - started;
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /^INCONCLUSIVE/m);
    assert.match(r.stdout, /Run problem: the run reached its --timeout of 6s after \d+ of \d+ scenarios/);
    const summary = JSON.parse(readFileSync(path.join(tmp.dir, 'latest', 'summary.json'), 'utf8'));
    assert.equal(summary.verdict, 'error');
    assert.match(summary.runError, /--timeout of 6s after (\d+) of (\d+) scenarios; the other \d+ did not run/);
    // The whole suite at 300 ms a request takes many minutes; the deadline ends it, with start-up and reports around it.
    assert.ok(tookMs < 6_000 + 25_000, `took ${tookMs} ms`);
    const bad = await runCli('certify', '--timeout', 'soon');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--timeout must be a positive number with a unit s, m or h/);
  } finally {
    slow.close();
    await reference.close();
  }
});

test('the reachability check honours --step-timeout: a target answering in 5.5 s is unreachable only without it', async () => {
  const reference = await startReferenceServer({ port: 0, host: '127.0.0.1' });
  const slow = await startGateway(reference.url, { delayMs: 5_500, delayPaths: ['/openapi.json'] });
  try {
    const unreachable = await runCli('certify', '--target', slow.url, ...ONE);
    assert.equal(unreachable.code, 2);
    assert.match(unreachable.stderr, /is not reachable \(no answer within 5 s\)/);
    using tmp = scratch();
    const patient = await runCli('certify', '--target', slow.url, '--step-timeout', '15000', '--reports', tmp.dir, ...ONE);
    assert.equal(patient.code, 0, patient.stdout + patient.stderr);
  } finally {
    slow.close();
    await reference.close();
  }
});

test('without a terminal, certify prints a plain progress line at the set interval', async () => {
  using tmp = scratch();
  // Short enough that even a quick run on an idle machine (about 2 s) spans many intervals.
  const intervalMs = 100;
  const started = Date.now();
  const cli = startCli(['certify', '--tags', '@seed:004', '--reports', tmp.dir], { env: { MEMBERSPEC_PROGRESS_INTERVAL_MS: String(intervalMs) } });
  const { code } = await cli.exited;
  const tookMs = Date.now() - started;
  assert.equal(code, 0, cli.stderr());
  const lines = cli.stderr().split('\n').filter((l) => l.startsWith('certify: '));
  for (const line of lines) assert.match(line, /^certify: (starting|\d+\/\d+ scenarios · \d+ passed · \d+ failed · \d+ error · \d+ n\/a) · \d+ s$/);
  // One line per interval while the run lasts (the CLI's own start-up before the first is not counted).
  assert.ok(lines.length >= 3, `${lines.length} lines in ${tookMs} ms:\n${cli.stderr()}`);
  assert.ok(lines.length <= Math.ceil(tookMs / intervalMs), `${lines.length} lines in ${tookMs} ms`);
  const done = lines.map((l) => Number(/^certify: (\d+)\//.exec(l)?.[1] ?? 0));
  assert.deepEqual(done, [...done].sort((a, b) => a - b), 'the counts only grow');
  assert.match(cli.stderr(), /\d+\/\d+ scenarios/);
});
