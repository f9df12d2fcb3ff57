// Tests the tests: a naive vendor (json-server 0.17 over an empty db, see naive_vendor.ts) must be
// certified without a hang or a harness crash, and must fail on behaviour AND on contract grounds,
// with the report naming the broken rules and requirement ids.
import { certifyWithin, checkReportWriters, escapeHtml, outcomeCollector, readHtml, readSummary, runWhenMain, type CheckOutcome } from './check_support.ts';
import { startNaiveVendor } from './naive_vendor.ts';

export type { CheckOutcome } from './check_support.ts';

export const NAIVE_DEFAULTS = {
  /** The whole certification must end within this, whatever the target does. */
  overallLimitMs: 240_000,
  stepTimeoutMs: 3_000,
} as const;

/** Harness bugs show up as these exception types; garbage from a target must never cause them. */
const HARNESS_CRASH_TYPES = new Set(['TypeError', 'ReferenceError', 'SyntaxError', 'RangeError']);

/** Runs the check; every assertion is one outcome (the runner counts each as a test). */
export async function runNaiveVendorCheck(reportsDir: string): Promise<CheckOutcome[]> {
  const { outcomes, check } = outcomeCollector();
  const server = await startNaiveVendor();
  try {
    const result = await certifyWithin(
      check,
      { target: server.url, reportsDir, stepTimeoutMs: NAIVE_DEFAULTS.stepTimeoutMs },
      NAIVE_DEFAULTS.overallLimitMs,
      'certifying json-server',
    );
    if (!result) return outcomes;
    const scenarios = result.report.scenarios;
    const failed = scenarios.filter((s) => s.verdict === 'failed');
    check('the naive vendor is not certified', !result.ok && result.verdict === 'failed', `verdict ${result.verdict}`);
    const behaviour = failed.filter((s) => s.errorType === 'AssertionError');
    check('failures on behaviour grounds (a rule broken)', behaviour.length > 0, `${behaviour.length} scenarios`);
    const contract = failed.filter((s) => s.errorType === 'ContractViolationError');
    check('failures on contract grounds (ContractViolationError)', contract.length > 0, `${contract.length} scenarios`);
    const crashes = scenarios.filter((s) => s.verdict === 'error' && HARNESS_CRASH_TYPES.has(s.errorType ?? ''));
    check(
      'garbage answers never crash the harness (no TypeError & co.)',
      crashes.length === 0,
      crashes.length ? `${crashes[0].errorType} in "${crashes[0].name}": ${crashes[0].message ?? ''}`.slice(0, 200) : undefined,
    );
    checkReportWriters(check, result);

    const brokenReqIds = [...new Set(failed.flatMap((s) => s.reqIds))];
    const brokenRules = [...new Set(failed.map((s) => s.rule).filter((r): r is string => Boolean(r)))];
    const summary = readSummary(result.summaryPath);
    const summaryFailedIds = new Set((summary.requirements ?? []).filter((r) => r.verdict === 'failed').map((r) => r.id));
    check(
      'summary.json names the broken requirement ids',
      brokenReqIds.length > 0 && brokenReqIds.every((id) => summaryFailedIds.has(id)),
      `${brokenReqIds.length} broken ids`,
    );
    // One missing route or field breaks many scenarios the same way: the report shows it once per cause.
    const groups = result.report.failureGroups;
    const judgedBad = scenarios.filter((s) => s.verdict === 'failed' || s.verdict === 'error');
    const grouped = groups.flatMap((g) => g.scenarios);
    check(
      'failures are grouped by cause: fewer causes than failures, each failure in exactly one group',
      groups.length > 0 && groups.length < judgedBad.length / 2 && grouped.length === judgedBad.length && new Set(grouped).size === grouped.length,
      `${judgedBad.length} failed or error scenarios, ${groups.length} causes, the largest ${groups[0]?.count ?? 0}: ${groups[0]?.pattern.slice(0, 100) ?? ''}`,
    );
    const html = readHtml(result.htmlPath);
    const missing = [...brokenReqIds, ...brokenRules].filter((x) => !html.includes(escapeHtml(x)));
    check(
      'index.html names the broken rules and requirement ids',
      html.length > 0 && brokenReqIds.length > 0 && missing.length === 0,
      missing.length ? `missing: ${missing.slice(0, 5).join(', ')}` : `${brokenRules.length} rules, ${brokenReqIds.length} ids`,
    );
    return outcomes;
  } finally {
    await server.close();
  }
}

// `tsx test/naive_vendor_check.ts` runs the check on its own.
await runWhenMain(import.meta.url, runNaiveVendorCheck);
