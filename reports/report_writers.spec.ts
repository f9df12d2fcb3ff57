// Writers against a synthetic message stream: verdict per scenario, a golden summary.json
// (run id, timestamps and durations normalised), and the HTML a product owner reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RunCollector, type RunReport } from './run_model.ts';
import { buildSummary } from './summary_writer.ts';
import { renderHtml } from './html_writer.ts';
import { broadcastWriters } from './broadcast_writers.ts';
import { REPORT_WRITERS } from './registry.ts';
import { syntheticEnvelopes, SYNTHETIC_CATALOGUE, SYNTHETIC_INFO } from '../test/fixtures/synthetic_run.ts';

const GOLDEN = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'reports', 'summary.golden.json');

function buildReport(): RunReport {
  const collector = new RunCollector();
  for (const envelope of syntheticEnvelopes()) collector.add(envelope);
  return collector.build(SYNTHETIC_INFO, SYNTHETIC_CATALOGUE);
}

/** Replaces what changes from run to run, so the comparison sees only meaning. */
export function normaliseSummary(summary: unknown): unknown {
  return JSON.parse(JSON.stringify(summary), (key, value) => {
    if (key === 'runId') return '<run-id>';
    if (key === 'startedAt' || key === 'finishedAt') return '<timestamp>';
    if (key === 'durationMs') return '<duration>';
    return value;
  });
}

test('every scenario gets the verdict the plan prescribes', () => {
  const report = buildReport();
  const verdicts = Object.fromEntries(report.scenarios.map((s) => [s.name, s.verdict]));
  assert.deepEqual(verdicts, {
    'Registering with a mobile number': 'passed',
    'Registering without the primary identifier is refused': 'failed',
    'The refusal carries the error envelope': 'failed',
    'Enabled, example 1': 'notApplicable',
    'A step nobody wrote': 'error',
    'A target that never answers': 'error',
    'Flaky then fine': 'passed',
    'Skipped without a reason': 'error',
  });
  assert.deepEqual(report.counts, { total: 8, passed: 2, failed: 2, error: 3, notApplicable: 1 });
  assert.equal(report.verdict, 'failed');
});

test('capabilities come from the features/<capability>/ folder, rules from Rule:', () => {
  const report = buildReport();
  assert.deepEqual(
    report.capabilities.map((c) => [c.name, c.counts.total]),
    [
      ['merges', 5],
      ['registration', 3],
    ],
  );
  const registration = report.features.find((f) => f.capability === 'registration')!;
  assert.equal(registration.rules[0].name, 'The primary identifier is mandatory');
  assert.equal(registration.rules[0].counts.failed, 2);
});

test('failure details: step, message without stack, reasons, error types', () => {
  const byName = new Map(buildReport().scenarios.map((s) => [s.name, s]));
  const rule = byName.get('Registering without the primary identifier is refused')!;
  assert.equal(rule.errorType, 'AssertionError');
  assert.deepEqual(rule.failingStep, { keyword: 'Then', text: 'the registration is refused with error 8205' });
  assert.doesNotMatch(rule.message!, /\bat step\b/);
  assert.equal(byName.get('The refusal carries the error envelope')!.errorType, 'ContractViolationError');
  assert.equal(byName.get('A target that never answers')!.reason, 'step timed out');
  assert.equal(byName.get('A step nobody wrote')!.reason, 'undefined step');
  assert.equal(byName.get('Enabled, example 1')!.reason, 'needs CONF_SKIP_SECONDARY=true, target has false');
});

test('transcripts are parsed (plain and base64) and credentials redacted', () => {
  const byName = new Map(buildReport().scenarios.map((s) => [s.name, s]));
  const plain = byName.get('Registering without the primary identifier is refused')!.transcript;
  const b64 = byName.get('The refusal carries the error envelope')!.transcript;
  assert.equal(plain.length, 1);
  assert.equal(b64.length, 1);
  assert.equal((plain[0].requestHeaders as Record<string, string>).authorization, '[redacted]');
  assert.equal((b64[0].requestHeaders as Record<string, string>).authorization, '[redacted]');
});

test('requirements are traced, untested and unknown ids are shown', () => {
  const reqs = new Map(buildReport().requirements.map((r) => [r.id, r]));
  assert.equal(reqs.get('004-01')!.verdict, 'passed');
  assert.equal(reqs.get('004-02')!.verdict, 'failed');
  assert.equal(reqs.get('004-03')!.verdict, 'passed'); // one N/A + one pass = passed
  assert.equal(reqs.get('004-04')!.verdict, 'not tested');
  assert.equal(reqs.get('999-01')!.unknown, true);
});

test('summary.json matches the golden file (set UPDATE_GOLDEN=1 to refresh)', (t) => {
  const actual = normaliseSummary(buildSummary(buildReport()));
  if (process.env.UPDATE_GOLDEN) {
    writeFileSync(GOLDEN, JSON.stringify(actual, null, 2) + '\n');
    t.skip('golden file refreshed; review its diff, then run again without UPDATE_GOLDEN');
    return;
  }
  assert.ok(existsSync(GOLDEN), `${path.relative(process.cwd(), GOLDEN)} is missing: create it with UPDATE_GOLDEN=1 and review it`);
  assert.deepEqual(actual, JSON.parse(readFileSync(GOLDEN, 'utf8')));
});

test('index.html is self-contained, escaped, redacted and names what broke', () => {
  const html = renderHtml(buildReport());
  assert.equal(html.match(/<script/gi)?.length, 1, 'one inline script: the filter and deep links');
  assert.doesNotMatch(html, /\ssrc=/i, 'nothing is loaded from elsewhere');
  assert.match(html, /Run it again: <code>npx memberspec certify [^<]*--name /, 'a failing scenario shows how to run it again');
  assert.doesNotMatch(html, /<link /i);
  assert.doesNotMatch(html, /dGlsbDpzZWNyZXQ=/, 'the Authorization value must not appear');
  assert.match(html, /Not conformant/);
  assert.match(html, /Capability: registration/);
  assert.match(html, /Rule: The primary identifier is mandatory/);
  assert.match(html, /the registration is refused with error 8205/);
  assert.match(html, /8205 &lt;mandatory&gt;/, 'messages are HTML-escaped');
  assert.match(html, /needs CONF_SKIP_SECONDARY=true, target has false/);
  assert.match(html, /004-04/);
  assert.match(html, /batch import is outside the v2 API/);
  assert.match(html, /POST http:\/\/vendor.example\/v2\/customers/);
});

test('the broadcaster isolates a failing writer', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-writers-'));
  try {
    const outcomes = await broadcastWriters(buildReport(), dir, {
      ...REPORT_WRITERS,
      broken: { description: 'always throws', file: 'x', write: async () => Promise.reject(new Error('disk full')) },
    });
    assert.deepEqual(
      outcomes.map((o) => [o.name, o.ok]),
      [
        ['summary', true],
        ['html', true],
        ['junit', true],
        ['broken', false],
      ],
    );
    assert.equal(outcomes[3].error, 'disk full');
    assert.ok(existsSync(path.join(dir, 'summary.json')));
    assert.ok(existsSync(path.join(dir, 'index.html')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every registered writer has a one-line description', () => {
  for (const [name, writer] of Object.entries(REPORT_WRITERS)) {
    assert.ok(writer.description.length > 10 && !writer.description.includes('\n'), name);
  }
});

test('a feature that does not parse is a run error, not a silent omission', () => {
  const collector = new RunCollector();
  for (const envelope of syntheticEnvelopes()) collector.add(envelope);
  collector.add({ parseError: { source: { uri: 'features/x/broken.feature', location: { line: 3 } }, message: 'expected: #Scenario' } } as never);
  const report = collector.build(SYNTHETIC_INFO, SYNTHETIC_CATALOGUE);
  assert.match(report.runError ?? '', /cannot parse features\/x\/broken.feature:3/);
  assert.match(renderHtml(report), /The run itself had a problem/);
  assert.equal(buildSummary(report).runError, report.runError);
});

test('a vendor profile run names the configuration the vendor states, its readings of the seeds among them', () => {
  const collector = new RunCollector();
  for (const envelope of syntheticEnvelopes()) collector.add(envelope);
  const statedConfigs = { CONF_CHANNELS_FROM_OWN_SOURCE_ONLY: true, CONF_CUSTOMER_STATUS_ENABLED: false };
  const info = { ...SYNTHETIC_INFO, target: { ...SYNTHETIC_INFO.target, profile: 'acme.json', statedConfigs } };
  const report = collector.build(info, SYNTHETIC_CATALOGUE);
  const html = renderHtml(report);
  assert.match(html, /Stated configuration/);
  assert.match(html, /<code>CONF_CHANNELS_FROM_OWN_SOURCE_ONLY<\/code>&nbsp;=&nbsp;<code>true<\/code>/);
  assert.match(html, /<code>CONF_CUSTOMER_STATUS_ENABLED<\/code>&nbsp;=&nbsp;<code>false<\/code>/);
  assert.deepEqual((buildSummary(report).target as { statedConfigs: unknown }).statedConfigs, statedConfigs);
  assert.doesNotMatch(renderHtml(buildReport()), /Stated configuration/);
});

test('a run-level problem (a failing BeforeAll hook, an unparsable feature) makes a passing run inconclusive', () => {
  const collector = new RunCollector();
  const passing = syntheticEnvelopes().filter((e) => !e.testRunFinished);
  for (const envelope of passing) collector.add(envelope);
  collector.add({ testRunFinished: { success: false, timestamp: { seconds: 2, nanos: 0 }, message: 'BeforeAll hook failed' } });
  const report = collector.build(SYNTHETIC_INFO, SYNTHETIC_CATALOGUE);
  assert.equal(report.runError, 'BeforeAll hook failed');
  assert.equal(report.verdict, 'failed', 'a broken rule stays a failure');

  const onlyPassed = new RunCollector();
  onlyPassed.add({ testRunFinished: { success: false, timestamp: { seconds: 2, nanos: 0 }, message: 'BeforeAll hook failed' } });
  const empty = onlyPassed.build(SYNTHETIC_INFO, SYNTHETIC_CATALOGUE);
  assert.equal(empty.verdict, 'error', 'nothing judged and a broken run: not certified, and the run is to blame');
});
