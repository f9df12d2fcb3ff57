// `npm test`: every tier in order, one total. (a) the strict type check, (b) unit specs, (c) the suite
// in-process, (d) the suite over HTTP against a spawned reference server, (e) the naive-vendor check,
// (f) vendor profile mode: the suite over HTTP on one fixed org described by a profile file, (g) the
// PostgreSQL store (postgres_check.ts), (h) mutant vendors: the reference with one planted bug each must be caught,
// (i) the package: `npm pack`, the tarball installed into an empty folder, `npx memberspec certify` there.
// Scenario verdicts count as tests: passed -> passed, failed/error -> failed; against the reference
// every scenario applies, so not applicable -> failed.
// The last line is always `N passed, N failed[, N skipped]`; the exit code is 1 if anything failed.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../api/project_root.ts';
import type { CertifyOptions, CertifyResult } from '../api/certify.ts';
import { formatOutcome, type CheckOutcome } from './check_support.ts';
import { runMutantVendorsCheck } from './mutant_vendors_check.ts';
import { runNaiveVendorCheck } from './naive_vendor_check.ts';
import { runVendorProfileCheck } from './vendor_profile_check.ts';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const REPORTS_DIR = path.join(PROJECT_ROOT, 'reports', 'npm-test');
const SKIP_DIRS = new Set(['node_modules', '.git', '.tmp', '.stryker-tmp', 'dist']);
const SPEC_SUFFIX = '.spec.ts';
/** Names that look like tests but would be silently skipped by the runner's pattern. */
const LOOKS_LIKE_A_TEST = /([._-](spec|test|sepc|spce)\.(ts|js|mjs)$)/;

const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const add = (t: Tally) => {
  total.passed += t.passed;
  total.failed += t.failed;
  total.skipped += t.skipped;
};
const tallyText = (t: Tally) => `${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ''}`;

/** Every file of the project, minus dependencies, git data and run output (reports/<run>/, bench/out/). */
function findFiles(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const rel = path.relative(PROJECT_ROOT, full).split(path.sep).join('/');
    if (entry.isDirectory()) {
      if (SKIP_DIRS.has(entry.name) || rel.startsWith('reports/') || rel === 'bench/out') continue;
      findFiles(full, found);
    } else if (entry.isFile()) found.push(full);
  }
  return found;
}

/** Runs a node script of the project and collects its output. */
function runNode(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (c) => resolve({ code: c ?? 1, output: out }));
  });
}

/** tsx runs code without checking types, so `tsc --noEmit` (strict) is a test of its own. */
async function typesTier(): Promise<Tally> {
  const { code, output } = await runNode([path.join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit']);
  if (code === 0) return { passed: 1, failed: 0, skipped: 0 };
  for (const line of output.split('\n').filter((l) => l.includes('error TS')).slice(0, 20)) console.log(`  ${line}`);
  return { passed: 0, failed: 1, skipped: 0 };
}

async function unitTier(): Promise<Tally> {
  const files = findFiles(PROJECT_ROOT);
  const specs = files.filter((f) => f.endsWith(SPEC_SUFFIX)).sort();
  const strays = files.filter((f) => LOOKS_LIKE_A_TEST.test(path.basename(f)) && !f.endsWith(SPEC_SUFFIX));
  const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
  for (const stray of strays) {
    console.log(`  not run (name must end in ${SPEC_SUFFIX}): ${path.relative(PROJECT_ROOT, stray)}`);
    tally.failed += 1;
  }
  if (specs.length === 0) {
    console.log('  no unit specs found');
    tally.failed += 1;
    return tally;
  }
  const args = ['--import', 'tsx', '--test', '--test-reporter=tap', ...specs.map((f) => path.relative(PROJECT_ROOT, f))];
  const { code, output } = await runNode(args);
  const number = (label: string) => Number(output.match(new RegExp(`^# ${label} (\\d+)$`, 'm'))?.[1] ?? 0);
  tally.passed += number('pass');
  tally.failed += number('fail') + number('cancelled');
  tally.skipped += number('skipped') + number('todo');
  // Top-level failures only (nested subtests are indented).
  for (const line of output.split('\n').filter((l) => /^not ok \d+ - /.test(l))) console.log(`  ${line}`);
  if (code !== 0 && number('fail') + number('cancelled') === 0) {
    console.log(`  the unit test run exited with code ${code}:`);
    console.log(output.split('\n').slice(-15).map((l) => `    ${l}`).join('\n'));
    tally.failed += 1;
  }
  console.log(`  ${specs.length} spec files`);
  return tally;
}

function scenarioTally(result: CertifyResult): Tally {
  const c = result.counts;
  for (const s of result.report.scenarios.filter((x) => x.verdict === 'failed' || x.verdict === 'error')) {
    console.log(`  ${s.verdict.toUpperCase()} ${s.feature} › ${s.name}: ${(s.message ?? s.reason ?? '').split('\n')[0].slice(0, 160)}`);
  }
  // The reference offers the test-control extension, so every scenario applies to it: "not applicable"
  // here means the harness lost track of a scenario, and counts as a failure.
  for (const s of result.report.scenarios.filter((x) => x.verdict === 'notApplicable')) {
    console.log(`  NOT APPLICABLE ${s.feature} › ${s.name}: ${s.reason ?? ''}`);
  }
  const tally = { passed: c.passed, failed: c.failed + c.error + c.notApplicable, skipped: 0 };
  if (c.total === 0) tally.failed += 1; // fail-zero: a suite that ran nothing proves nothing
  if (result.runError) {
    console.log(`  run problem: ${result.runError}`);
    tally.failed += 1;
  }
  for (const w of result.writers.filter((x) => !x.ok)) {
    console.log(`  report writer ${w.name} failed: ${w.error}`);
    tally.failed += 1;
  }
  console.log(`  report: ${path.relative(PROJECT_ROOT, result.htmlPath)}`);
  return tally;
}

async function certifyTier(options: CertifyOptions): Promise<Tally> {
  const { certify } = await import('../api/certify.ts');
  return scenarioTally(await certify({ reportsDir: REPORTS_DIR, ...options }));
}

async function httpTier(): Promise<Tally> {
  const { startReferenceServer } = await import('../reference/server/start_server.ts');
  // With an admin token, as a shared server would run: the credential scenarios apply over HTTP too.
  const adminToken = randomBytes(16).toString('hex');
  const server = await startReferenceServer({ port: 0, host: '127.0.0.1', adminToken });
  try {
    return await certifyTier({ target: server.url, adminToken });
  } finally {
    await server.close();
  }
}

/**
 * The PostgreSQL store on a throwaway cluster (or MEMBERSPEC_TEST_DATABASE_URL): kill -9 under load, two
 * processes on one database, then the whole suite over HTTP against `serve --store postgres://...` and a
 * replay of its log by a second process. Without PostgreSQL it fails in CI and is skipped, saying so, elsewhere.
 */
async function postgresTier(): Promise<Tally> {
  const { createDatabase, postgresUnavailableReason, startTestDatabase } = await import('./postgres_cluster.ts');
  const { replayMatches, runPostgresStoreChecks, spawnServe } = await import('./postgres_check.ts');
  const reason = postgresUnavailableReason();
  if (reason) {
    if (process.env.CI) {
      console.log(`  FAILED: the PostgreSQL tier cannot run in CI: ${reason}`);
      return { passed: 0, failed: 1, skipped: 0 };
    }
    console.log(`  skipped: ${reason} (in CI this tier fails instead)`);
    return { passed: 0, failed: 0, skipped: 1 };
  }
  const database = await startTestDatabase();
  console.log(`  ${database.description}`);
  try {
    const tally = await checkTier(() => runPostgresStoreChecks(database.url));
    const adminToken = randomBytes(16).toString('hex');
    const store = await createDatabase(database.url, 'certify');
    const server = await spawnServe(store, 0, adminToken);
    try {
      const suite = await certifyTier({ target: server.url, adminToken });
      const ended = server.ended();
      if (ended) console.log(`  serve --store postgres ${ended}`);
      const replay = await checkTier(async () => {
        const { outcomeCollector } = await import('./check_support.ts');
        const { outcomes, check } = outcomeCollector();
        await replayMatches(check, store, server, adminToken);
        return outcomes;
      });
      return { passed: tally.passed + suite.passed + replay.passed, failed: tally.failed + suite.failed + replay.failed, skipped: 0 };
    } finally {
      await server.kill9();
    }
  } finally {
    await database.stop();
  }
}

/** An end-to-end check: each of its outcomes counts as one test. */
async function checkTier(run: (reportsDir: string) => Promise<CheckOutcome[]>): Promise<Tally> {
  const outcomes = await run(REPORTS_DIR);
  for (const o of outcomes) console.log(`  ${formatOutcome(o)}`);
  return { passed: outcomes.filter((o) => o.ok).length, failed: outcomes.filter((o) => !o.ok).length, skipped: 0 };
}

/** `tsx test/run_all.ts unit http` runs only the named tiers. */
const TIERS: { key: string; name: string; run: () => Promise<Tally> }[] = [
  { key: 'types', name: 'type check (tsc --noEmit)', run: typesTier },
  { key: 'unit', name: 'unit specs', run: unitTier },
  { key: 'in-process', name: 'features in-process', run: () => certifyTier({}) },
  { key: 'http', name: 'features over HTTP (reference server)', run: httpTier },
  { key: 'naive', name: 'naive vendor (json-server) check', run: () => checkTier(runNaiveVendorCheck) },
  { key: 'profile', name: 'vendor profile mode (one fixed org, no test-control)', run: () => checkTier(runVendorProfileCheck) },
  { key: 'postgres', name: 'PostgreSQL store (kill -9, two processes, the suite over HTTP)', run: postgresTier },
  { key: 'mutants', name: 'mutant vendors (the reference with one planted bug each)', run: () => checkTier(runMutantVendorsCheck) },
  // Needs the npm registry for the tarball's dependencies (CI has it).
  { key: 'package', name: 'the packed tarball installed into an empty folder (npx memberspec certify)', run: () => checkTier(async () => (await import('./package_check.ts')).runPackageCheck()) },
];

const only = process.argv.slice(2);
const lines: string[] = [];
for (const tier of TIERS) {
  if (only.length && !only.includes(tier.key)) continue;
  console.log(`== ${tier.name}`);
  const started = Date.now();
  let tally: Tally;
  try {
    tally = await tier.run();
  } catch (error) {
    // A tier that cannot run at all counts as one failure; the others still run.
    console.log(`  could not run: ${error instanceof Error ? error.message : String(error)}`);
    tally = { passed: 0, failed: 1, skipped: 0 };
  }
  add(tally);
  const line = `${tier.name}: ${tallyText(tally)} (${((Date.now() - started) / 1000).toFixed(1)} s)`;
  lines.push(line);
  console.log(`  ${line}`);
}
console.log('');
for (const line of lines) console.log(line);
console.log(tallyText(total));
// Exit explicitly: a target's keep-alive sockets must not hold the process open.
await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
process.exit(total.failed > 0 ? 1 : 0);
