// junit.xml for CI systems, built from the run model so CI reads the same verdicts as people do:
// a broken rule or contract is <failure>, a scenario the harness could not judge is <error> (counted in
// `errors`), a not-applicable scenario is <skipped message="reason"/>. One suite per feature; a first
// suite, "memberspec run", carries the run's verdict as properties and, when the run judged nothing or
// had a run-level problem, one <error> test case so that no CI can read such a run as green.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { nothingJudgedDetail, type Counts, type RunReport, type ScenarioResult, type Verdict } from './run_model.ts';

export const JUNIT_FILE = 'junit.xml';
export const RUN_SUITE = 'memberspec run';

/** XML 1.0 text: the five special characters escaped, characters XML cannot carry dropped. */
export function escapeXml(value: unknown): string {
  return (
    String(value ?? '')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** An attribute value: escaped, and line breaks kept as references (a parser would fold them to spaces). */
function attribute(value: unknown): string {
  return escapeXml(value).replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${attribute(value)}"`)
    .join('');
}

const seconds = (ms: number) => (Math.max(0, ms) / 1000).toFixed(3);

/** The counts JUnit names: tests, failures (broken rules), errors (not judged), skipped (not applicable). */
function junitCounts(c: Counts): Record<string, number> {
  return { tests: c.total, failures: c.failed, errors: c.error, skipped: c.notApplicable };
}

function outcome(s: ScenarioResult): string {
  const verdict: Verdict = s.verdict;
  if (verdict === 'passed') return '';
  if (verdict === 'notApplicable') return `<skipped${attributes({ message: s.reason ?? 'not applicable' })}/>`;
  const tag = verdict === 'failed' ? 'failure' : 'error';
  const step = s.failingStep ? `At step: ${s.failingStep.keyword} ${s.failingStep.text}\n` : '';
  const message = s.message ?? s.reason ?? verdict;
  return `<${tag}${attributes({ message, type: s.errorType ?? s.reason ?? verdict })}>${escapeXml(`${s.reason ?? verdict}\n${step}${message}`)}</${tag}>`;
}

function testcase(s: ScenarioResult): string {
  const name = s.line ? `${s.name} (line ${s.line})` : s.name;
  const body = outcome(s);
  const open = `<testcase${attributes({ classname: `${s.capability}.${s.feature}`, name, file: s.featureUri, time: seconds(s.durationMs) })}`;
  return body ? `    ${open}>\n      ${body}\n    </testcase>` : `    ${open}/>`;
}

/** The run's own suite: its verdict and where it ran, and an error case when the run certifies nothing. */
function runSuite(report: RunReport): { xml: string; cases: number } {
  const { info } = report;
  const properties = {
    verdict: report.verdict,
    target: info.target.url,
    driver: info.target.driver,
    ...(info.target.profile ? { profile: info.target.profile } : {}),
    suite: `${info.suite.name} ${info.suite.version}`,
    runId: info.runId,
    ...(info.selection?.tags ? { tags: info.selection.tags } : {}),
    ...(info.selection?.name ? { name: info.selection.name } : {}),
  };
  const problems: { type: string; message: string }[] = [];
  if (report.verdict === 'nothingJudged') problems.push({ type: 'nothingJudged', message: nothingJudgedDetail(report) });
  if (report.runError) problems.push({ type: 'runError', message: `The run itself had a problem: ${report.runError}` });
  const cases = problems.map(
    (p) => `    <testcase${attributes({ classname: 'memberspec', name: p.type === 'nothingJudged' ? 'the run judged at least one scenario' : 'the run had no run-level problem', time: '0.000' })}>\n      <error${attributes({ message: p.message, type: p.type })}>${escapeXml(p.message)}</error>\n    </testcase>`,
  );
  const lines = [
    `  <testsuite${attributes({ name: RUN_SUITE, tests: cases.length, failures: 0, errors: cases.length, skipped: 0, time: '0.000', timestamp: info.startedAt })}>`,
    `    <properties>`,
    ...Object.entries(properties).map(([name, value]) => `      <property${attributes({ name, value })}/>`),
    `    </properties>`,
    ...cases,
    `  </testsuite>`,
  ];
  return { xml: lines.join('\n'), cases: cases.length };
}

export function renderJunit(report: RunReport): string {
  const suites = report.features.map((feature) => {
    const scenarios = feature.rules.flatMap((r) => r.scenarios);
    const time = scenarios.reduce((sum, s) => sum + s.durationMs, 0);
    const head = `  <testsuite${attributes({ name: feature.name, ...junitCounts(feature.counts), time: seconds(time), timestamp: report.info.startedAt, file: feature.uri })}>`;
    return [head, ...scenarios.map(testcase), '  </testsuite>'].join('\n');
  });
  const run = runSuite(report);
  // The root counts every test case written, the run's own included.
  const rootCounts = junitCounts(report.counts);
  rootCounts.tests += run.cases;
  rootCounts.errors += run.cases;
  const duration = Math.max(0, Date.parse(report.info.finishedAt) - Date.parse(report.info.startedAt));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: `memberspec ${report.info.target.url}`, ...rootCounts, time: seconds(duration) })}>`,
    run.xml,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

export async function writeJunit(report: RunReport, outDir: string): Promise<void> {
  await writeFile(path.join(outDir, JUNIT_FILE), renderJunit(report));
}
