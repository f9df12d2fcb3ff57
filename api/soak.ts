// soak(): the seed load repeated, each round into a fresh org, checking after every round that nothing
// was lost or duplicated. The population and the rules do not change between rounds, so the seed
// command's post-check and ground-truth figures must come out identical every round; what may move is
// speed (throughput, latency) and, in-process, the memory the target holds.
import { HarnessError, NotApplicableError } from '../driver/driver.ts';
import { LatencyRecorder } from '../seeding/latency.ts';
import type { SendProgress } from '../seeding/send_population.ts';
import { checkThresholds, type ThresholdFigures, type ThresholdOutcome } from '../seeding/thresholds.ts';
import { suiteInfo } from './project_root.ts';
import { newRunId } from './run_id.ts';
import { loadPopulation, loadThresholdFigures, openDriver, prepareLoad, writeJsonReport, type SeedOptions, type SeedReport } from './seed.ts';
import { UsageError } from './usage_error.ts';

export const DEFAULT_SOAK_ROUNDS = 3;
const UNITS_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000 };
/** How many differing figures a round lists. */
const DIFFERENCES_SHOWN = 5;

export interface SoakOptions extends Pick<SeedOptions, 'population' | 'target' | 'concurrency' | 'requestTimeoutMs' | 'driver' | 'reportsDir' | 'adminToken' | 'thresholds' | 'headers' | 'rate' | 'threads'> {
  /** Keep starting rounds until this much time has passed, e.g. "90s", "10m", "1h". */
  duration?: string;
  /** Exactly this many rounds (default 3 when no duration is given). */
  rounds?: number;
  /** The JSON report's path; default reports/soak/<run-id>.json. */
  out?: string;
  onProgress?: (round: number, progress: SendProgress) => void;
  onRound?: (round: SoakRound) => void;
}

export interface SoakRound {
  readonly round: number;
  readonly orgId: string;
  readonly durationS: number;
  readonly profilesPerSecond: number;
  /** Over every contract call of the round. */
  readonly requests: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Resident memory of this process after the round, when the target runs in it. */
  readonly rssMb?: number;
  /** What the round lost or duplicated; empty when nothing. */
  readonly lostOrDuplicated: readonly string[];
  /** Figures that differ from the first round's, as "path first -> this"; empty when identical. */
  readonly differences: readonly string[];
}

export interface SoakReport {
  readonly runId: string;
  readonly memberspec: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly target: { readonly driver: string; readonly url: string };
  readonly population: SeedReport['population'];
  readonly concurrency: number;
  readonly plan: { readonly rounds: number } | { readonly durationS: number };
  readonly rounds: readonly SoakRound[];
  /** The first round's figures, which every round must repeat. */
  readonly figures: RoundFigures;
  /** Last round against the first. */
  readonly drift: {
    readonly profilesPerSecondPct: number;
    readonly p50Ms: number;
    readonly p99Ms: number;
    readonly rssMb?: number;
  };
  /** Why the soak stopped before its plan, if it did. */
  readonly stoppedEarly?: string;
  /** Each --threshold with the soak's value and whether it held (absent without thresholds). */
  readonly thresholds?: readonly ThresholdOutcome[];
}

export interface SoakResult {
  readonly report: SoakReport;
  readonly outPath: string;
  /** Every round complete, identical to the first, nothing lost, duplicated or failed, every threshold held. */
  readonly ok: boolean;
}

/** "90s", "10m", "1.5h" in milliseconds; anything else is a usage error. */
export function parseDuration(text: string, option = '--duration'): number {
  const match = /^(\d+(?:\.\d+)?)(s|m|h)$/.exec(text.trim());
  const ms = match ? Number(match[1]) * UNITS_MS[match[2]] : NaN;
  if (!(ms > 0)) throw new UsageError(`${option} must be a positive number with a unit s, m or h (e.g. 90s, 10m, 1h), got "${text}"`);
  return ms;
}

function plan(options: SoakOptions): { rounds: number } | { durationMs: number } {
  if (options.duration !== undefined && options.rounds !== undefined) throw new UsageError('give --duration or --rounds, not both');
  if (options.duration !== undefined) return { durationMs: parseDuration(options.duration) };
  const rounds = options.rounds ?? DEFAULT_SOAK_ROUNDS;
  if (!Number.isInteger(rounds) || rounds < 1) throw new UsageError(`--rounds must be a whole number of at least 1, got ${options.rounds}`);
  return { rounds };
}

/** The figures of a load that depend only on the population and the rules, not on speed or ids. */
export type RoundFigures = ReturnType<typeof roundFigures>;

function roundFigures(report: SeedReport) {
  const { transport, contractViolation, other } = report.failures;
  return {
    profiles: report.profiles,
    registrations: report.registrations,
    transactions: report.transactions,
    subscriptionUpdates: report.subscriptionUpdates,
    cardLinks: report.cardLinks,
    statusLabelChanges: report.statusLabelChanges,
    customers: report.customers,
    integrity: { acceptedProfiles: report.integrity.acceptedProfiles, resolved: report.integrity.resolved, unresolved: report.integrity.unresolved },
    groundTruth: report.groundTruth,
    warnings: report.warnings,
    notSent: report.notSent,
    failures: { transport, contractViolation, other },
  };
}

/** Leaf values by dotted path. */
function leaves(value: unknown, prefix = '', into = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) leaves(inner, prefix ? `${prefix}.${key}` : key, into);
  } else into.set(prefix, value);
  return into;
}

function differences(first: RoundFigures, now: RoundFigures): string[] {
  const before = leaves(first);
  const after = leaves(now);
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  return paths.filter((key) => before.get(key) !== after.get(key)).map((key) => `${key} ${before.get(key) ?? '-'} -> ${after.get(key) ?? '-'}`);
}

function lostOrDuplicated(report: SeedReport): string[] {
  const problems: string[] = [];
  const { integrity, customers } = report;
  if (integrity.unresolved > 0) {
    const example = integrity.unresolvedExamples[0];
    problems.push(`${integrity.unresolved} accepted profile(s) end in no live customer (lost), e.g. ${example?.profileId}: ${example?.problem}`);
  }
  if (customers.withoutProfile) problems.push(`${customers.withoutProfile} live customer(s) that no accepted profile ended in (duplicated)`);
  return problems;
}

/**
 * A soak's figures for thresholds: latency over every round's requests; lost, duplicated, failed and
 * rejected summed over the rounds; the per-round figures (split, over-merge, precision, recall,
 * throughput) at the round that did worst.
 */
function soakThresholdFigures(loads: readonly { report: SeedReport; latency: LatencyRecorder }[]): ThresholdFigures {
  const latency = new LatencyRecorder();
  for (const load of loads) latency.add(load.latency);
  const rounds = loads.map((load) => loadThresholdFigures(load.report, load.latency));
  const total = (pick: (figures: ThresholdFigures) => number | null) =>
    rounds.some((figures) => pick(figures) === null) ? null : rounds.reduce((sum, figures) => sum + pick(figures)!, 0);
  const worst = (pick: (figures: ThresholdFigures) => number | null, choose: (...values: number[]) => number) => {
    const values = rounds.map(pick);
    return values.some((value) => value === null) ? null : choose(...(values as number[]));
  };
  return {
    latencyMs: (percentile) => latency.overallPercentileMs(percentile),
    maxMs: latency.overall()?.maxMs ?? null,
    lost: total((f) => f.lost)!,
    duplicated: total((f) => f.duplicated),
    failed: total((f) => f.failed)!,
    rejected: total((f) => f.rejected)!,
    split: worst((f) => f.split, Math.max)!,
    overmerged: worst((f) => f.overmerged, Math.max)!,
    precision: worst((f) => f.precision, Math.min),
    recall: worst((f) => f.recall, Math.min),
    throughput: worst((f) => f.throughput, Math.min)!,
  };
}

const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 102.4) / 10;
const round1 = (value: number) => Math.round(value * 10) / 10;
const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** Repeats the seed load round after round; stops early at the first round that loses, duplicates or differs. */
export async function soak(options: SoakOptions): Promise<SoakResult> {
  const wanted = plan(options);
  const prepared = await prepareLoad({ population: options.population, target: options.target, concurrency: options.concurrency, thresholds: options.thresholds, rate: options.rate });
  const remedy = 'soak creates a fresh org per round and needs it (a vendor profile\'s fixed org cannot be reused)';
  if (options.driver && !options.driver.capabilities.testControl) throw new UsageError(`the target does not offer the test-control extension; ${remedy}`);
  const driver = await openDriver(
    prepared,
    {
      population: options.population,
      ...(options.driver ? { driver: options.driver } : {}),
      ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
      ...(options.adminToken !== undefined ? { adminToken: options.adminToken } : {}),
      ...(options.headers ? { headers: options.headers } : {}),
    },
    remedy,
  );
  const inProcess = !prepared.target;
  const startedAt = new Date();
  const runId = newRunId(startedAt);
  const rounds: SoakRound[] = [];
  const loads: { report: SeedReport; latency: LatencyRecorder }[] = [];
  let first: { figures: RoundFigures; report: SeedReport } | undefined;
  let stoppedEarly: string | undefined;
  let allOk = true;
  try {
    const started = performance.now();
    for (let round = 1; ; round++) {
      if ('rounds' in wanted ? round > wanted.rounds : round > 1 && performance.now() - started >= wanted.durationMs) break;
      let outcome: Awaited<ReturnType<typeof loadPopulation>>;
      try {
        outcome = await loadPopulation(driver, prepared, {
          population: options.population,
          ...(options.driver ? { driver: options.driver } : {}),
          ...(options.threads !== undefined ? { threads: options.threads } : {}),
          ...(options.adminToken !== undefined ? { adminToken: options.adminToken } : {}),
          ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
          ...(options.headers ? { headers: options.headers } : {}),
          ...(options.onProgress ? { onProgress: (progress: SendProgress) => options.onProgress!(round, progress) } : {}),
        });
      } catch (error) {
        // A target that stops creating orgs mid-soak, or fails while one is made (a restart): the rounds so
        // far still make a report.
        if (!(error instanceof UsageError || error instanceof NotApplicableError || error instanceof HarnessError) || round === 1) throw error;
        stoppedEarly = `round ${round}: ${error.message}`;
        allOk = false;
        break;
      }
      const { report, latency, ok } = outcome;
      loads.push({ report, latency });
      const figures = roundFigures(report);
      first ??= { figures, report };
      const overall = latency.overall();
      const result: SoakRound = {
        round,
        orgId: report.target.orgId,
        durationS: report.durationS,
        profilesPerSecond: report.profilesPerSecond,
        requests: overall?.count ?? 0,
        p50Ms: overall?.p50Ms ?? 0,
        p99Ms: overall?.p99Ms ?? 0,
        ...(inProcess ? { rssMb: rssMb() } : {}),
        lostOrDuplicated: lostOrDuplicated(report),
        differences: differences(first.figures, figures),
      };
      rounds.push(result);
      options.onRound?.(result);
      allOk &&= ok;
      if (result.lostOrDuplicated.length > 0 || result.differences.length > 0) {
        const why = [...result.lostOrDuplicated, ...result.differences.slice(0, DIFFERENCES_SHOWN).map((d) => `differs from round 1: ${d}`)];
        stoppedEarly = `round ${round}: ${why.join('; ')}`;
        allOk = false;
        break;
      }
    }
  } finally {
    if (!options.driver) await driver.close();
  }
  const last = rounds[rounds.length - 1];
  const firstRound = rounds[0];
  const { report: firstReport, figures } = first!;
  const thresholds = checkThresholds(prepared.thresholds, soakThresholdFigures(loads));
  allOk &&= thresholds.every((outcome) => outcome.ok);
  const report: SoakReport = {
    runId,
    memberspec: suiteInfo().version,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    target: { driver: firstReport.target.driver, url: firstReport.target.url },
    population: firstReport.population,
    concurrency: prepared.concurrency,
    plan: 'rounds' in wanted ? { rounds: wanted.rounds } : { durationS: wanted.durationMs / 1000 },
    rounds,
    figures,
    drift: {
      profilesPerSecondPct: firstRound.profilesPerSecond > 0 ? round1(((last.profilesPerSecond - firstRound.profilesPerSecond) / firstRound.profilesPerSecond) * 100) : 0,
      p50Ms: round3(last.p50Ms - firstRound.p50Ms),
      p99Ms: round3(last.p99Ms - firstRound.p99Ms),
      ...(inProcess ? { rssMb: round1(last.rssMb! - firstRound.rssMb!) } : {}),
    },
    ...(stoppedEarly ? { stoppedEarly } : {}),
    ...(thresholds.length > 0 ? { thresholds } : {}),
  };
  const outPath = writeJsonReport(report, 'soak', runId, options.out, options.reportsDir);
  return { report, outPath, ok: allOk };
}
