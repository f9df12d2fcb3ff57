// Failures grouped by cause: values that differ between scenarios do not split a group, what tells two
// bugs apart does; and against a real target with one planted bug, its failures are one group.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { countNotApplicableReasons, failurePattern, groupFailures, type GroupableScenario } from './failure_groups.ts';
import { causeLines } from './cause_summary.ts';
import { summarySchemaProblems } from './summary_schema.ts';

let n = 0;
function scenario(verdict: string, message: string, extra: Partial<GroupableScenario> = {}): GroupableScenario {
  n += 1;
  return {
    id: `f/s${n}`,
    name: `Scenario ${n}`,
    feature: 'F',
    verdict,
    message,
    errorType: verdict === 'failed' ? 'AssertionError' : 'HarnessError',
    failingStep: { keyword: 'Then', text: `step ${n % 2}` },
    ...extra,
  };
}

test('values that differ from scenario to scenario are masked', () => {
  const cases: [string, string][] = [
    ['E1 (e1.1a2b3c4d@example.com) was not found', 'E1 (e1.9f8e7d6c@example.com) was not found'],
    ['customer with mobile 919912345678 is missing', 'customer with mobile 919987654321 is missing'],
    ['external id X1-1a2b3c4d was not kept', 'external id X1-0badcafe was not kept'],
    ['creating the coupon series "Welcome 500" was refused with error 404: Not found', 'creating the coupon series "Diwali 500" was refused with error 404: Not found'],
    ["setting the org's clock to 2030-07-01T10:00:00Z was refused", "setting the org's clock to 2026-01-01T10:00:00.000Z was refused"],
    ['lookupCustomer on http://127.0.0.1:33909 failed (ECONNRESET)', 'lookupCustomer on http://127.0.0.1:41022 failed (ECONNRESET)'],
    ['getCustomer answered 200 outside the contract: /status must be one of "A", "B" (received "x1")', 'getCustomer answered 200 outside the contract: /status must be one of "A", "B" (received {"v":"(y)"})'],
    ["Asha: fraud status: expected undefined to equal 'MARKED'", "Asha: fraud status: expected undefined to equal 'CONFIRMED'"],
    ['customer 17 has 2 profiles', 'customer 4211 has 2 profiles'],
    ['the request\'s customer should be "Asha": expected 400 to equal 398', 'the request\'s customer should be "Ben": expected 723 to equal 721'],
    ['the registration through WEBSITE should join "Asha": expected 775 to equal 770', 'the registration through WEBSITE should join "Asha": expected 849 to equal 840'],
    // One bug (no warnings sent; no check of the org's settings), whatever code each scenario expected.
    ['expected warning 8232: expected [] to include 8232', 'expected warning 8051: expected [] to include 8051'],
    [
      'expected error 8207, but createTestOrg succeeded with warnings []: expected undefined to equal 8207',
      'expected error 8260, but createTestOrg succeeded with warnings []: expected undefined to equal 8260',
    ],
  ];
  for (const [a, b] of cases) assert.equal(failurePattern(a), failurePattern(b), `${a}\n${b}`);
});

test('what tells two bugs apart stays: the operation, the code and value the target answered, the field', () => {
  const apart: [string, string][] = [
    // What the target answered: the code it refused with, long ones included.
    ['expected error 8015, but lookupCustomer was refused with error 8013', 'expected error 8015, but lookupCustomer was refused with error 8014'],
    ['expected success, but the ledger was refused with error 11005', 'expected success, but the ledger was refused with error 11009'],
    ['expected error 8015, but lookupCustomer succeeded', 'expected error 8015, but registerCustomer succeeded'],
    ["the status: expected 'ACTIVE' to equal 'Active'", "the status: expected undefined to equal 'Active'"],
    ['getCustomer answered 200 outside the contract: /identifiers is required', 'getCustomer answered 200 outside the contract: /registeredOn is required'],
    ['refused with error 404 (HTTP 404)', 'refused with error 409 (HTTP 409)'],
  ];
  for (const [a, b] of apart) assert.notEqual(failurePattern(a), failurePattern(b), `${a}\n${b}`);
});

test('groups count their scenarios, the largest first, failures before errors at equal counts', () => {
  const scenarios = [
    scenario('error', 'getCustomer: socket hang up'),
    scenario('failed', 'creating the coupon series "Welcome 500" was refused with error 404: Not found'),
    scenario('passed', ''),
    scenario('failed', 'expected error 8015, but lookupCustomer succeeded'),
    scenario('failed', 'creating the coupon series "Diwali 500" was refused with error 404: Not found'),
    scenario('failed', 'creating the coupon series "Only 20 more lucky folks" was refused with error 404: Not found'),
    // Same words, but the harness could not judge: a different cause from a broken rule.
    scenario('error', 'expected error 8015, but lookupCustomer succeeded', { errorType: 'TypeError' }),
  ];
  const groups = groupFailures(scenarios);
  assert.deepEqual(
    groups.map((g) => [g.verdict, g.count]),
    [
      ['failed', 3],
      ['failed', 1],
      ['error', 1],
      ['error', 1],
    ],
  );
  assert.deepEqual(groups[0].scenarios, [scenarios[1].id, scenarios[4].id, scenarios[5].id]);
  assert.equal(groups[0].message, scenarios[1].message, 'the first scenario\'s message, as it was');
  assert.deepEqual(groups[0].failingSteps, ['Then step 0', 'Then step 1']);
  assert.equal(groups.reduce((sum, g) => sum + g.count, 0), 6, 'every failed or error scenario is in exactly one group');
  assert.equal(new Set(groups.map((g) => g.id)).size, groups.length);
  // The same cause in another run keeps its id, so a link to it survives.
  const again = groupFailures([scenario('failed', 'creating the coupon series "Gold" was refused with error 404: Not found')]);
  assert.equal(again[0].id, groups[0].id);
});

test('not-applicable reasons are counted, the most frequent first', () => {
  const reasons = countNotApplicableReasons([
    scenario('notApplicable', '', { reason: 'needs CONF_SKIP_SECONDARY=true, target has false' }),
    scenario('notApplicable', '', { reason: 'needs a second org' }),
    scenario('notApplicable', '', { reason: 'needs a second org' }),
    scenario('failed', 'x'),
  ]);
  assert.deepEqual(
    reasons.map((r) => [r.reason, r.count, r.scenarios.length]),
    [
      ['needs a second org', 2, 2],
      ['needs CONF_SKIP_SECONDARY=true, target has false', 1, 1],
    ],
  );
});

test('a target with one planted bug fails five scenarios with one cause, in summary.json, index.html and the terminal', async () => {
  const { certify } = await import('../api/certify.ts');
  const { MUTANTS, startMutantVendor } = await import('../test/mutant_vendors.ts');
  const vendor = await startMutantVendor(MUTANTS['fraud-status-hidden']);
  const reportsDir = mkdtempSync(path.join(tmpdir(), 'memberspec-causes-'));
  try {
    // The fraud-status outline: five rows, each expecting a different status the view no longer shows.
    const result = await certify({ target: vendor.url, reportsDir, tags: '@req:002-50' });
    assert.equal(result.counts.failed, 5, `${JSON.stringify(result.counts)}`);
    const groups = result.report.failureGroups;
    assert.equal(groups.length, 1, groups.map((g) => g.pattern).join('\n'));
    assert.equal(groups[0].count, 5);
    assert.match(groups[0].message, /fraud status/);
    const { readFileSync } = await import('node:fs');
    const summary = JSON.parse(readFileSync(result.summaryPath, 'utf8')) as { failureGroups: { count: number; scenarios: string[] }[]; scenarios: { id: string; verdict: string }[] };
    assert.deepEqual(summarySchemaProblems(summary), [], 'the summary conforms to its published schema');
    assert.equal(summary.failureGroups.length, 1);
    const failedIds = summary.scenarios.filter((s) => s.verdict === 'failed').map((s) => s.id);
    assert.deepEqual([...summary.failureGroups[0].scenarios].sort(), failedIds.sort(), 'the group names its scenarios by id');
    const html = readFileSync(result.htmlPath, 'utf8');
    assert.match(html, /<section id="causes"><h2>Failures by cause<\/h2>/);
    assert.match(html, /5 failed or unjudged scenarios from 1 cause/);
    const lines = causeLines(result.report);
    assert.equal(lines.filter((l) => /^\s+\d+× FAILED /.test(l)).length, 1, lines.join('\n'));
    assert.match(lines.join('\n'), /^\s+5× FAILED the target broke a rule: .*fraud status/m);
  } finally {
    await vendor.close();
    rmSync(reportsDir, { recursive: true, force: true });
  }
});
