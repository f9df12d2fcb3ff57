// certify(): one call that runs the living spec against a target and writes the reports.
// No target = the embedded reference, in-process; a URL = any server speaking the contract.
// The CLI only parses argv and calls this (cucumber-js's api/cli split; pact's Verifier).
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import type * as messages from '@cucumber/messages';
import { loadConfiguration, loadSupport, runCucumber, type IRunConfiguration, type ISupportCodeLibrary } from '@cucumber/cucumber/api';
import { PROJECT_ROOT, suiteInfo } from './project_root.ts';
import { newRunId } from './run_id.ts';
import { checkTarget, resolveAdminToken, validateProfile, validateTarget } from './target_preflight.ts';
import { UsageError } from './usage_error.ts';
import type { VendorProfile } from '../driver/vendor_profile.ts';
import { secretScrubber, type SecretScrubber } from '../driver/credentials.ts';
import { RunCollector, type Counts, type RunReport, type RunVerdict, type TargetInfo, type Verdict } from '../reports/run_model.ts';
import { loadRequirements } from '../requirements/catalogue.ts';
import { broadcastWriters, type WriterOutcome } from '../reports/broadcast_writers.ts';
import { CUCUMBER_OUTPUTS } from '../reports/registry.ts';

export { UsageError } from './usage_error.ts';

export interface CertifyOptions {
  /** Base URL of the server to certify; omitted = the embedded reference, in-process. */
  target?: string;
  /** Vendor profile JSON (fixed org, till credentials, configs) for targets without the test-control extension. */
  profile?: string;
  /** Cucumber tag expression, e.g. "@seed:004 and not @slow". */
  tags?: string;
  /** Only scenarios whose name contains this text (plain text, not a pattern). */
  name?: string;
  /** Worker processes; 0 or 1 = serial. */
  parallel?: number;
  /** Where run directories go (relative to the working directory). */
  reportsDir?: string;
  /** Per-step time limit; also bounds each HTTP request. */
  stepTimeoutMs?: number;
  /** Admin token of the target's test-control extension; default: MEMBERSPEC_ADMIN_TOKEN. Never written to a report. */
  adminToken?: string;
  /** Called after every scenario. */
  onProgress?: (progress: CertifyProgress) => void;
}

export interface CertifyProgress {
  done: number;
  total: number;
  counts: Counts;
  last?: { name: string; verdict: Verdict };
}

export interface CertifyResult {
  runId: string;
  /** reports/<run-id> */
  reportDir: string;
  /** reports/latest, a copy of reportDir */
  latestDir: string;
  htmlPath: string;
  summaryPath: string;
  /** passed = every applicable scenario passed and at least one was judged; nothingJudged = none was. */
  verdict: RunVerdict;
  ok: boolean;
  counts: Counts;
  report: RunReport;
  writers: WriterOutcome[];
  /** A run-level problem cucumber reported (e.g. a failing BeforeAll hook). */
  runError?: string;
}

const DEFAULTS = {
  reportsDir: 'reports',
  parallel: 0,
} as const;

const CONFIG_FILE = path.join(PROJECT_ROOT, 'cucumber.mjs');
const STEP_TIMEOUT_SUPPORT = 'api/step_timeout_support.ts';

/** Serial runs reuse the loaded step definitions: ESM modules load once per process, so a second load would be empty. */
const supportCache = new Map<string, { library: ISupportCodeLibrary; defaultTimeout: number }>();

interface ValidOptions {
  target?: string;
  profile?: string;
  vendor?: { path: string; profile: VendorProfile };
  tags?: string;
  name?: string;
  parallel: number;
  reportsDir: string;
  stepTimeoutMs?: number;
  adminToken?: string;
}

function validate(options: CertifyOptions): ValidOptions {
  const target = validateTarget(options.target);
  // The same check every scenario's driver makes, once and up front.
  const vendor = validateProfile(options.profile, target);
  const profile = vendor?.path;
  const parallel = options.parallel ?? DEFAULTS.parallel;
  if (!Number.isInteger(parallel) || parallel < 0 || parallel > 64) {
    throw new UsageError(`--parallel must be a whole number from 0 to 64, got ${options.parallel}`);
  }
  const stepTimeoutMs = options.stepTimeoutMs;
  if (stepTimeoutMs !== undefined && (!Number.isInteger(stepTimeoutMs) || stepTimeoutMs <= 0)) {
    throw new UsageError(`--step-timeout must be a positive number of milliseconds, got ${stepTimeoutMs}`);
  }
  const tags = options.tags?.trim() || undefined;
  const name = options.name?.trim() || undefined;
  const adminToken = target ? resolveAdminToken(options.adminToken) : undefined;
  return { target, profile, vendor, tags, name, parallel, reportsDir: options.reportsDir ?? DEFAULTS.reportsDir, stepTimeoutMs, adminToken };
}

/** Rewrites a report file without any secret form (cucumber wrote it during the run). */
function scrubFile(file: string, secrets: SecretScrubber): void {
  if (secrets.empty || !existsSync(file)) return;
  const text = readFileSync(file, 'utf8');
  const scrubbed = secrets.text(text);
  if (scrubbed !== text) writeFileSync(file, scrubbed);
}

const discard = () =>
  new Writable({
    write(_chunk, _encoding, callback) {
      callback();
    },
  });

/** Runs the suite against a target and writes reports/<run-id>/ (copied to reports/latest/). */
export async function certify(options: CertifyOptions = {}): Promise<CertifyResult> {
  const opts = validate(options);
  if (!existsSync(CONFIG_FILE)) throw new Error(`memberspec is incomplete: ${CONFIG_FILE} is missing`);
  if (opts.target) await checkTarget(opts.target, opts.vendor, undefined, opts.adminToken);

  const startedAt = new Date();
  const runId = newRunId(startedAt);
  const reportsRoot = path.resolve(opts.reportsDir);
  const reportDir = path.join(reportsRoot, runId);
  mkdirSync(reportDir, { recursive: true });

  const targetInfo: TargetInfo = opts.target
    ? {
        driver: 'http',
        url: opts.target,
        ...(opts.profile ? { profile: path.basename(opts.profile) } : {}),
        // The readings a vendor states (ruling 8) are part of what the verdict means, so the report names them.
        ...(opts.vendor ? { statedConfigs: { ...opts.vendor.profile.configs } } : {}),
      }
    : { driver: 'in-process', url: 'in-process reference' };
  const worldParameters = {
    driver: targetInfo.driver,
    ...(opts.target ? { target: opts.target } : {}),
    ...(opts.profile ? { profile: opts.profile } : {}),
    ...(opts.stepTimeoutMs ? { requestTimeoutMs: opts.stepTimeoutMs } : {}),
    ...(opts.adminToken !== undefined ? { adminToken: opts.adminToken } : {}),
  };

  const env = { ...process.env, ...(opts.stepTimeoutMs ? { MEMBERSPEC_STEP_TIMEOUT_MS: String(opts.stepTimeoutMs) } : {}) };
  const environment = { cwd: PROJECT_ROOT, stdout: discard(), stderr: process.stderr, env };
  // Cucumber joins `file` to cwd, so it must be relative to the project root.
  const { runConfiguration } = await loadConfiguration({ file: path.basename(CONFIG_FILE) }, environment);
  const config: IRunConfiguration = {
    ...runConfiguration,
    sources: {
      ...runConfiguration.sources,
      tagExpression: [runConfiguration.sources.tagExpression, opts.tags]
        .filter((t): t is string => Boolean(t && t.trim()))
        .map((t) => `(${t})`)
        .join(' and '),
      // Cucumber reads names as patterns; --name is plain text, as a scenario's title is.
      ...(opts.name ? { names: [opts.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')] } : {}),
    },
    support: {
      ...runConfiguration.support,
      importPaths: [...(runConfiguration.support.importPaths ?? []), STEP_TIMEOUT_SUPPORT],
    },
    runtime: {
      ...runConfiguration.runtime,
      parallel: opts.parallel > 1 ? opts.parallel : 0,
      worldParameters: { ...runConfiguration.runtime.worldParameters, ...worldParameters },
    },
    formats: {
      ...runConfiguration.formats,
      stdout: 'summary',
      // The key of each cucumber output is the name of the cucumber formatter that writes it.
      files: Object.fromEntries(Object.entries(CUCUMBER_OUTPUTS).map(([formatter, output]) => [path.join(reportDir, output.file), formatter])),
      publish: false,
      options: { ...runConfiguration.formats.options },
    },
  };

  // Support code is loaded once per process: ESM modules run once, so a second load would find no steps.
  // Parallel workers load it afresh from the library's original coordinates.
  const key = JSON.stringify(config.support);
  let cached = supportCache.get(key);
  if (!cached) {
    const library = await loadSupport({ sources: config.sources, support: config.support }, environment);
    cached = { library, defaultTimeout: (library as unknown as { defaultTimeout: number }).defaultTimeout };
    supportCache.set(key, cached);
  }
  // Cucumber reads the default timeout from the library at run time, so each run can set its own.
  (cached.library as unknown as { defaultTimeout: number }).defaultTimeout = opts.stepTimeoutMs ?? cached.defaultTimeout;
  const support: ISupportCodeLibrary = cached.library;

  const collector = new RunCollector();
  const onMessage = (envelope: messages.Envelope) => {
    collector.add(envelope);
    if (envelope.testCaseFinished && !envelope.testCaseFinished.willBeRetried && options.onProgress) {
      const counts = collector.progress();
      options.onProgress({
        done: counts.total,
        total: collector.plannedCount,
        counts,
        last: collector.verdictOfAttempt(envelope.testCaseFinished.testCaseStartedId),
      });
    }
  };
  await runCucumber({ ...config, support }, environment, onMessage);

  const finishedAt = new Date();
  // The driver scrubs every answer of the till's credentials; the reports are scrubbed again of the
  // profile's, so that no path (a step's own message, a harness bug) can publish them.
  const secrets = secretScrubber(opts.vendor ? [opts.vendor.profile.till] : []);
  for (const output of Object.values(CUCUMBER_OUTPUTS)) scrubFile(path.join(reportDir, output.file), secrets);
  const report = secrets.value(collector.build(
    {
      runId,
      ...(opts.tags || opts.name ? { selection: { ...(opts.tags ? { tags: opts.tags } : {}), ...(opts.name ? { name: opts.name } : {}) } } : {}),
      suite: suiteInfo(),
      target: targetInfo,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
    },
    loadRequirements(),
  ));
  const writers = await broadcastWriters(report, reportDir);

  // A real copy, not a symlink: it must open the same way on every OS and in CI artefacts.
  const latestDir = path.join(reportsRoot, 'latest');
  rmSync(latestDir, { recursive: true, force: true });
  cpSync(reportDir, latestDir, { recursive: true });

  const { verdict } = report;
  return {
    runId,
    reportDir,
    latestDir,
    htmlPath: path.join(reportDir, 'index.html'),
    summaryPath: path.join(reportDir, 'summary.json'),
    verdict,
    ok: verdict === 'passed' && !report.runError,
    counts: report.counts,
    report,
    writers,
    ...(report.runError ? { runError: report.runError } : {}),
  };
}
