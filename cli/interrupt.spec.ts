// SIGINT and SIGTERM in the middle of real runs: certify writes whole reports of what ran (verdict
// "interrupted", exit 130), seed reports what it sent and names its org, generate leaves no .partial file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { startCli } from './cli_spec_support.ts';
import { startReferenceServer } from '../reference/server/start_server.ts';

const FAST_PROGRESS = { MEMBERSPEC_PROGRESS_INTERVAL_MS: '200' };
/** "A few seconds" from the signal to the end of the process, on a loaded 2-core machine. */
const STOP_WITHIN_MS = 10_000;

function scratch(): { dir: string; [Symbol.dispose](): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-interrupt-'));
  return { dir, [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }) };
}

test('SIGTERM during certify: exit 130 within seconds, and whole reports of the scenarios that ran', async () => {
  using tmp = scratch();
  const cli = startCli(['certify', '--reports', tmp.dir], { env: FAST_PROGRESS });
  // Mid-run: some scenarios finished, most not yet.
  await cli.waitForStderr(/^certify: ([3-9]|\d\d+)\/\d+ scenarios/);
  const signalledAt = Date.now();
  cli.child.kill('SIGTERM');
  const { code, atMs } = await cli.exited;
  assert.equal(code, 130, cli.stderr());
  assert.ok(atMs - signalledAt < STOP_WITHIN_MS, `stopped ${atMs - signalledAt} ms after the signal`);
  assert.match(cli.stdout(), /^INTERRUPTED, NOT CERTIFIED/m);

  const [runId] = readdirSync(tmp.dir).filter((d) => d !== 'latest');
  const dir = path.join(tmp.dir, runId);
  const summary = JSON.parse(readFileSync(path.join(dir, 'summary.json'), 'utf8'));
  assert.equal(summary.verdict, 'interrupted');
  assert.match(summary.runError, /interrupted \(SIGTERM\) after (\d+) of (\d+) scenarios/);
  const [, ran, planned] = /after (\d+) of (\d+)/.exec(summary.runError)!.map(Number);
  assert.ok(ran >= 3 && ran < planned, `${ran} of ${planned}`);
  assert.equal(summary.counts.total, ran);
  assert.equal(summary.scenarios.length, ran);

  const lines = readFileSync(path.join(dir, 'messages.ndjson'), 'utf8').trimEnd().split('\n');
  const envelopes = lines.map((line) => JSON.parse(line) as Record<string, { success?: boolean }>);
  assert.equal(envelopes.filter((e) => e.testCaseFinished).length, ran);
  assert.equal(envelopes.at(-1)!.testRunFinished?.success, false, 'the stream ends with its run finished');

  const xml = readFileSync(path.join(dir, 'junit.xml'), 'utf8');
  assert.equal(XMLValidator.validate(xml), true);
  const suites = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml).testsuites;
  assert.equal(Number(suites['@tests']), ran + 1, 'the scenarios that ran and the run case');
  assert.match(xml, /<property name="verdict" value="interrupted"\/>/);

  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  assert.match(html, /Interrupted: not certified/);
  assert.match(html, /<\/html>\s*$/);
  // Cucumber's own HTML, built from the same messages: whole, and holding the scenarios that ran.
  const cucumberHtml = readFileSync(path.join(dir, 'cucumber.html'), 'utf8');
  assert.match(cucumberHtml, /<\/html>\s*$/);
  assert.ok(cucumberHtml.includes(`after ${ran} of ${planned} scenarios`), 'it holds the stream up to its testRunFinished');
});

test('SIGINT during generate removes the .partial files and exits 130', async () => {
  using tmp = scratch();
  const cli = startCli(['generate', '--persons', '2000000', '--out', 'people.ndjson'], { cwd: tmp.dir, env: FAST_PROGRESS });
  await cli.waitForStderr(/^generate: [1-9][\d,]* of 2,000,000 persons/);
  assert.ok(existsSync(path.join(tmp.dir, 'people.ndjson.partial')), 'writing has started');
  cli.child.kill('SIGINT');
  const { code } = await cli.exited;
  assert.equal(code, 130, cli.stderr());
  assert.match(cli.stderr(), /generate: interrupted after [\d,]+ of 2000000 persons; removed people\.ndjson\.partial and people\.truth\.ndjson\.partial/);
  assert.deepEqual(readdirSync(tmp.dir), [], 'nothing left behind');
});

test('SIGINT during seed: the figures of what was sent, the org named, exit 130', async () => {
  using tmp = scratch();
  const population = path.join(tmp.dir, 'people.ndjson');
  const generated = startCli(['generate', '--persons', '3000', '--seed', '4', '--out', population]);
  assert.equal((await generated.exited).code, 0, generated.stderr());
  const server = await startReferenceServer({ port: 0, host: '127.0.0.1' });
  try {
    const out = path.join(tmp.dir, 'seed.json');
    const cli = startCli(['seed', '--population', population, '--target', server.url, '--out', out], { env: FAST_PROGRESS });
    await cli.waitForStderr(/^seed: ([2-9]\d|\d{3,})\/\d+ profiles/);
    cli.child.kill('SIGINT');
    const { code } = await cli.exited;
    assert.equal(code, 130, cli.stderr());
    const report = JSON.parse(readFileSync(out, 'utf8'));
    assert.match(report.interrupted, /^SIGINT after (\d+) of (\d+) profiles$/);
    assert.ok(report.profiles.sent > 0 && report.profiles.sent < report.profiles.total, JSON.stringify(report.profiles));
    assert.equal(report.integrity.acceptedProfiles, report.registrations.accepted);
    assert.match(cli.stdout(), new RegExp(`INTERRUPTED {4}SIGINT after ${report.profiles.sent} of ${report.profiles.total} profiles: .* org ${report.target.orgId} on ${server.url.replace(/[.]/g, '\\.')}`));
  } finally {
    await server.close();
  }
});
