// certify(): one call that runs the living spec against a target and writes the reports.
// No target = the embedded reference, in-process; a URL = any server speaking the contract.
// The CLI only parses argv and calls this (cucumber-js's api/cli split; pact's Verifier).
import { closeSync, cpSync, createReadStream, createWriteStream, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import type * as messages from '@cucumber/messages';
import { loadConfiguration, loadSupport, runCucumber, type IRunConfiguration, type ISupportCodeLibrary } from '@cucumber/cucumber/api';
import { COMPILED, PROJECT_ROOT, suiteInfo } from './project_root.ts';
import { newRunId } from './run_id.ts';
import { checkTarget, resolveAdminToken, validateProfile, validateTarget } from './target_preflight.ts';
import { parseDuration } from './soak.ts';
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
  /** Extra headers sent with every request to the target (a gateway's API key); never written to a report. */
  headers?: Readonly<Record<string, string>>;
  /** A limit for the whole run, e.g. "30m": past it the run stops and is reported inconclusive (error). */
  timeout?: string;
  /** Aborting it stops the run at once: the reports hold the scenarios that finished, verdict "interrupted". */
  signal?: AbortSignal;
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
  /** A run-level problem cucumber reported (e.g. a failing BeforeAll hook), or why the run stopped early. */
  runError?: string;
  /** Set when the run stopped before its end: a signal (verdict "interrupted") or --timeout (verdict "error"). */
  stopped?: { reason: 'interrupted' | 'timeout'; ran: number; planned: number };
}

const DEFAULTS = {
  reportsDir: 'reports',
  parallel: 0,
} as const;

const CONFIG_FILE = path.join(PROJECT_ROOT, 'cucumber.mjs');
/** A support file of the project as cucumber imports it: the TypeScript source, or its compiled JavaScript in dist/. */
const supportFile = (source: string) => (COMPILED ? `dist/${source.replace(/\.ts$/, '.js')}` : source);
const STEP_TIMEOUT_SUPPORT = supportFile('api/step_timeout_support.ts');
const INTERRUPT_SUPPORT = supportFile('api/interrupt_support.ts');
/** The flag interrupt_support.ts reads: set once a run is stopped. */
const STOP_RUN = Symbol.for('memberspec.stopRun');

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
  headers?: Readonly<Record<string, string>>;
  timeoutMs?: number;
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
  const headers = options.headers && Object.keys(options.headers).length > 0 ? options.headers : undefined;
  if (headers && !target) throw new UsageError('--header needs --target: the embedded reference is called in-process');
  const timeoutMs = options.timeout === undefined ? undefined : parseDuration(options.timeout, '--timeout');
  return { target, profile, vendor, tags, name, parallel, reportsDir: options.reportsDir ?? DEFAULTS.reportsDir, stepTimeoutMs, adminToken, headers, timeoutMs };
}

/** Rewrites a report file without any secret form (cucumber wrote it during the run). */
function scrubFile(file: string, secrets: SecretScrubber): void {
  if (secrets.empty || !existsSync(file)) return;
  const text = readFileSync(file, 'utf8');
  const scrubbed = secrets.text(text);
  if (scrubbed !== text) writeFileSync(file, scrubbed);
}

/** The project's support paths with certify's own: the stop hook right after the loaders (.mjs), the step timeout last. */
function withSupport(importPaths: readonly string[]): string[] {
  // Compiled, the steps need no loader (tsx) and are read from dist/.
  const loaders = COMPILED ? [] : importPaths.filter((p) => p.endsWith('.mjs'));
  const steps = importPaths.filter((p) => !p.endsWith('.mjs')).map(supportFile);
  return [...loaders, INTERRUPT_SUPPORT, ...steps, STEP_TIMEOUT_SUPPORT];
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
  // The deadline covers everything, the target's checks and loading the steps included.
  const deadline = opts.timeoutMs === undefined ? undefined : Date.now() + opts.timeoutMs;
  if (!existsSync(CONFIG_FILE)) throw new Error(`memberspec is incomplete: ${CONFIG_FILE} is missing`);
  if (opts.target) {
    await checkTarget(opts.target, opts.vendor, undefined, opts.adminToken, {
      ...(opts.stepTimeoutMs ? { timeoutMs: opts.stepTimeoutMs } : {}),
      ...(opts.headers ? { headers: opts.headers } : {}),
    });
  }

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
    ...(opts.headers ? { headers: opts.headers } : {}),
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
      // The stop hook before the project's own (after the loaders), so that a stopped run skips their hooks too.
      importPaths: withSupport(runConfiguration.support.importPaths ?? []),
    },
    runtime: {
      ...runConfiguration.runtime,
      parallel: opts.parallel > 1 ? opts.parallel : 0,
      worldParameters: { ...runConfiguration.runtime.worldParameters, ...worldParameters },
    },
    formats: {
      ...runConfiguration.formats,
      stdout: 'summary',
      // The key of each cucumber output is the name of the cucumber formatter that writes it; messages.ndjson
      // is written below instead, envelope by envelope, so that a stopped run leaves it whole.
      files: Object.fromEntries(
        Object.entries(CUCUMBER_OUTPUTS)
          .filter(([formatter]) => formatter !== 'message')
          .map(([formatter, output]) => [path.join(reportDir, output.file), formatter]),
      ),
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
  const messagesPath = path.join(reportDir, CUCUMBER_OUTPUTS.message.file);
  const messagesFd = openSync(messagesPath, 'w');
  let stoppedBy: 'interrupted' | 'timeout' | undefined;
  const record = (envelope: messages.Envelope) => {
    writeSync(messagesFd, JSON.stringify(envelope) + '\n');
    collector.add(envelope);
  };
  const onMessage = (envelope: messages.Envelope) => {
    // Once stopped, the run's last moments (a scenario still in flight) are not part of the report.
    if (stoppedBy) return;
    record(envelope);
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
  (globalThis as Record<symbol, unknown>)[STOP_RUN] = false;
  const stop = stopTrigger(options.signal, deadline === undefined ? undefined : Math.max(0, deadline - Date.now()));
  const run = runCucumber({ ...config, support }, environment, onMessage);
  try {
    stoppedBy = await Promise.race([run.then(() => undefined), stop.reason]);
  } finally {
    stop.dispose();
  }
  if (stoppedBy) {
    // Cucumber cannot be cancelled: its remaining scenarios skip (interrupt_support.ts) and are not recorded.
    (globalThis as Record<symbol, unknown>)[STOP_RUN] = true;
    run.catch(() => undefined);
    const ran = collector.progress().total;
    const planned = collector.plannedCount;
    const what =
      stoppedBy === 'timeout'
        ? `the run reached its --timeout of ${options.timeout}`
        : `the run was interrupted (${typeof options.signal?.reason === 'string' ? options.signal.reason : 'aborted'})`;
    const message = `${what} after ${ran} of ${planned} scenarios; the other ${planned - ran} did not run`;
    record({ testRunFinished: { success: false, message, timestamp: timestampOf(new Date()) } });
  }
  closeSync(messagesFd);
  // Cucumber's own HTML is written when its run ends, which a stopped run never reaches: built from the messages instead.
  if (stoppedBy && CUCUMBER_OUTPUTS.html) await writeCucumberHtml(messagesPath, path.join(reportDir, CUCUMBER_OUTPUTS.html.file));

  const finishedAt = new Date();
  // The driver scrubs every answer of the till's credentials; the reports are scrubbed again of the
  // profile's, so that no path (a step's own message, a harness bug) can publish them.
  const secrets = secretScrubber(opts.vendor ? [opts.vendor.profile.till] : [], Object.values(opts.headers ?? {}));
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
  if (stoppedBy === 'interrupted') report.verdict = 'interrupted';
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
    ...(stoppedBy ? { stopped: { reason: stoppedBy, ran: report.counts.total, planned: collector.plannedCount } } : {}),
  };
}

/** Cucumber's HTML report from a message stream (what its html formatter writes at the end of a run). */
async function writeCucumberHtml(messagesPath: string, htmlPath: string): Promise<void> {
  const { CucumberHtmlStream } = await import('@cucumber/html-formatter');
  // A new file, not the old one truncated: the abandoned run's formatter may still write to the one it opened.
  rmSync(htmlPath, { force: true });
  const html = new CucumberHtmlStream();
  const out = createWriteStream(htmlPath);
  html.pipe(out);
  for await (const line of createInterface({ input: createReadStream(messagesPath, 'utf8'), crlfDelay: Infinity })) {
    if (line && !html.write(JSON.parse(line))) await once(html, 'drain');
  }
  html.end();
  await finished(out);
}

function timestampOf(date: Date): messages.Timestamp {
  const ms = date.getTime();
  return { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1e6 };
}

/** Resolves when the caller aborts (a signal) or the run's time is up; never when neither is given. */
function stopTrigger(signal: AbortSignal | undefined, timeoutMs: number | undefined): { reason: Promise<'interrupted' | 'timeout'>; dispose(): void } {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const reason = new Promise<'interrupted' | 'timeout'>((resolve) => {
    if (timeoutMs !== undefined) timer = setTimeout(() => resolve('timeout'), timeoutMs);
    if (signal) {
      onAbort = () => resolve('interrupted');
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    }
  });
  return {
    reason,
    dispose() {
      if (timer) clearTimeout(timer);
      if (signal && onAbort) signal.removeEventListener('abort', onAbort);
    },
  };
}
