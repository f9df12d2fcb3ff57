// Shared by the end-to-end checks (naive vendor, vendor profile): outcomes that count as tests, a time
// limit, reading the run's summary.json and index.html, and running a check on its own from the shell.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { certify, type CertifyOptions, type CertifyResult } from '../api/certify.ts';
import { summarySchemaProblems } from '../reports/summary_schema.ts';

export interface CheckOutcome {
  name: string;
  ok: boolean;
  detail?: string;
}

export type Check = (name: string, ok: boolean, detail?: string) => void;

/** Collects outcomes; every call of `check` is one test for the runner. */
export function outcomeCollector(): { outcomes: CheckOutcome[]; check: Check } {
  const outcomes: CheckOutcome[] = [];
  return {
    outcomes,
    check: (name, ok, detail) => outcomes.push({ name, ok, ...(detail ? { detail } : {}) }),
  };
}

export function withLimit<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/**
 * Certifies within a time limit and records that as the outcome "the run finishes without a hang or a
 * harness crash" (with the duration); undefined when it did not finish.
 */
export async function certifyWithin(check: Check, options: CertifyOptions, limitMs: number, what: string): Promise<CertifyResult | undefined> {
  const name = 'the run finishes without a hang or a harness crash';
  const started = Date.now();
  try {
    const result = await withLimit(certify(options), limitMs, what);
    check(name, true, `${((Date.now() - started) / 1000).toFixed(1)} s`);
    return result;
  } catch (error) {
    check(name, false, error instanceof Error ? error.message : String(error));
    return undefined;
  }
}

export function checkReportWriters(check: Check, result: CertifyResult): void {
  const failed = result.writers.filter((w) => !w.ok);
  check('all report writers succeeded', failed.length === 0, failed.map((w) => `${w.name}: ${w.error}`).join('; '));
  let problems: string[];
  try {
    problems = summarySchemaProblems(JSON.parse(readFileSync(result.summaryPath, 'utf8')));
  } catch (error) {
    problems = [`unreadable: ${error instanceof Error ? error.message : String(error)}`];
  }
  check('summary.json conforms to reports/summary.schema.json', problems.length === 0, problems.slice(0, 3).join('; '));
}

/** The parts of summary.json the checks read. */
export interface SummaryJson {
  target?: { driver?: string; url?: string; profile?: string };
  scenarios?: { name: string; feature: string; verdict: string; reason: string | null; reqIds: string[] }[];
  requirements?: { id: string; verdict: string }[];
}

/** summary.json of a run; an empty object when it is missing or unreadable (the checks then fail). */
export function readSummary(summaryPath: string): SummaryJson {
  try {
    return JSON.parse(readFileSync(summaryPath, 'utf8')) as SummaryJson;
  } catch {
    return {};
  }
}

/** index.html of a run; '' when it is missing. */
export function readHtml(htmlPath: string): string {
  return existsSync(htmlPath) ? readFileSync(htmlPath, 'utf8') : '';
}

/** Text as the HTML report writes it (its own escaping is not reused, so a bug there shows up here). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function formatOutcome(outcome: CheckOutcome): string {
  return `${outcome.ok ? 'ok    ' : 'FAILED'} ${outcome.name}${outcome.detail ? ` (${outcome.detail})` : ''}`;
}

/**
 * `tsx test/<check>.ts` runs one check on its own (reports in reports/npm-test/): call this from the
 * check's module with its import.meta.url; it does nothing when the module is imported.
 */
export async function runWhenMain(moduleUrl: string, run: (reportsDir: string) => Promise<CheckOutcome[]>): Promise<void> {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(path.resolve(process.argv[1])).href) return;
  const dir = path.join(path.dirname(fileURLToPath(moduleUrl)), '..', 'reports', 'npm-test');
  const outcomes = await run(dir);
  for (const o of outcomes) console.log(formatOutcome(o));
  process.exit(outcomes.every((o) => o.ok) ? 0 : 1);
}
