// Tests the tests: a naive vendor (json-server 0.17 over an empty db, see naive_vendor.ts) must be
// certified without a hang or a harness crash, and must fail on behaviour AND on contract grounds,
// with the report naming the broken rules and requirement ids.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { certify, type CertifyResult } from '../api/certify.ts';
import { startNaiveVendor } from './naive_vendor.ts';

export interface CheckOutcome {
  name: string;
  ok: boolean;
  detail?: string;
}

export const NAIVE_DEFAULTS = {
  /** The whole certification must end within this, whatever the target does. */
  overallLimitMs: 240_000,
  stepTimeoutMs: 3_000,
} as const;

/** Harness bugs show up as these exception types; garbage from a target must never cause them. */
const HARNESS_CRASH_TYPES = new Set(['TypeError', 'ReferenceError', 'SyntaxError', 'RangeError']);

function withLimit<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/** Runs the check; every assertion is one outcome (the runner counts each as a test). */
export async function runNaiveVendorCheck(reportsDir: string): Promise<CheckOutcome[]> {
  const outcomes: CheckOutcome[] = [];
  const check = (name: string, ok: boolean, detail?: string) => outcomes.push({ name, ok, ...(detail ? { detail } : {}) });
  const server = await startNaiveVendor();
  let result: CertifyResult | undefined;
  try {
    const started = Date.now();
    try {
      result = await withLimit(
        certify({ target: server.url, reportsDir, stepTimeoutMs: NAIVE_DEFAULTS.stepTimeoutMs }),
        NAIVE_DEFAULTS.overallLimitMs,
        'certifying json-server',
      );
      check('the run finishes without a hang or a harness crash', true, `${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      check('the run finishes without a hang or a harness crash', false, (error as Error).message);
      return outcomes;
    }
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
    check('all report writers succeeded', result.writers.every((w) => w.ok), result.writers.filter((w) => !w.ok).map((w) => w.error).join('; '));

    const brokenReqIds = [...new Set(failed.flatMap((s) => s.reqIds))];
    const brokenRules = [...new Set(failed.map((s) => s.rule).filter((r): r is string => Boolean(r)))];
    let summary: { scenarios?: { verdict: string; reqIds: string[] }[]; requirements?: { id: string; verdict: string }[] } = {};
    try {
      summary = JSON.parse(readFileSync(result.summaryPath, 'utf8'));
    } catch {
      // reported by the next check
    }
    const summaryFailedIds = new Set((summary.requirements ?? []).filter((r) => r.verdict === 'failed').map((r) => r.id));
    check(
      'summary.json names the broken requirement ids',
      brokenReqIds.length > 0 && brokenReqIds.every((id) => summaryFailedIds.has(id)),
      `${brokenReqIds.length} broken ids`,
    );
    const html = existsSync(result.htmlPath) ? readFileSync(result.htmlPath, 'utf8') : '';
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    const missing = [...brokenReqIds, ...brokenRules].filter((x) => !html.includes(escape(x)));
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
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'reports', 'npm-test');
  const outcomes = await runNaiveVendorCheck(dir);
  for (const o of outcomes) console.log(`${o.ok ? 'ok    ' : 'FAILED'} ${o.name}${o.detail ? ` (${o.detail})` : ''}`);
  process.exit(outcomes.every((o) => o.ok) ? 0 : 1);
}
