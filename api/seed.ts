// seed(): loads a generated population into a target through the contract and compares the customers
// it ends with against the population's ground truth. No target = the embedded reference, in-process.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { NotApplicableError, type Driver, type OrgSession, type OrgSetup } from '../driver/driver.ts';
import { makeLoadDriver } from '../driver/make_driver.ts';
import { checkProfileApplicable, type VendorProfile } from '../driver/vendor_profile.ts';
import { groundTruthPath, type PopulationHeader } from '../generators/population_format.ts';
import { compareWithTruth, type ProfilePlacement, type TruthComparison } from '../seeding/ground_truth_metrics.ts';
import { LatencyRecorder, type LatencySummary } from '../seeding/latency.ts';
import { checkPopulation, PopulationFileError, profileRecords, readGroundTruth, type GroundTruth } from '../seeding/population_reader.ts';
import { resolveCustomers } from '../seeding/resolve_customers.ts';
import { sendPopulation, type SendProgress, type SendTally } from '../seeding/send_population.ts';
import { sendInThreads, type ThreadShare } from '../seeding/send_threads.ts';
import { combineShares, inSegment, segmentProfiles, toSentShare, type CombinedShares, type Segment, type SentShare } from '../seeding/shares.ts';
import { checkThresholds, parseThresholds, ThresholdError, type Threshold, type ThresholdFigures, type ThresholdOutcome } from '../seeding/thresholds.ts';
import { suiteInfo } from './project_root.ts';
import { newRunId } from './run_id.ts';
import { checkTarget, resolveAdminToken, validateProfile, validateTarget } from './target_preflight.ts';
import { UsageError } from './usage_error.ts';

export const MAX_SEED_CONCURRENCY = 256;
/** How many unresolved profiles the report lists. */
const EXAMPLES = 5;

export interface SeedOptions {
  /** The population NDJSON; its ground truth is read from groundTruthPath(population). */
  population: string;
  /** Base URL of the target; omitted = the embedded reference, in-process. */
  target?: string;
  /** Vendor profile JSON for a target without the test-control extension. */
  profile?: string;
  /** Persons sent in parallel (one person's profiles always go in order); default 1. */
  concurrency?: number;
  /** The JSON report's path; default reports/seed/<run-id>.json. */
  out?: string;
  /** Where the default report goes; default 'reports'. */
  reportsDir?: string;
  /** Per HTTP request. */
  requestTimeoutMs?: number;
  /** Admin token of the target's test-control extension; default: MEMBERSPEC_ADMIN_TOKEN. */
  adminToken?: string;
  onProgress?: (progress: SendProgress) => void;
  /** Aborting it stops sending (profiles in flight finish); the customers sent so far are resolved and reported, with `interrupted` set. */
  signal?: AbortSignal;
  /** Extra headers sent with every request to the target (a gateway's API key). */
  headers?: Readonly<Record<string, string>>;
  /** A driver to use instead of the one the target names (embedding, tests). */
  driver?: Driver;
  /** With `driver` in profile mode: the profile of its fixed org. */
  vendorProfile?: VendorProfile;
  /** Pass/fail criteria, e.g. "p99<200ms", "lost==0", "recall>=0.85" (seeding/thresholds.ts). */
  thresholds?: readonly string[];
  /** Open model: profiles arrive at this rate ("50/s", "3000/m") whatever the target's latency. */
  rate?: string;
  /** Sending threads over HTTP (disjoint shares of the persons); default: automatic (see sendingThreads). */
  threads?: number;
}

export interface UnresolvedProfile {
  readonly profileId: string;
  readonly answeredCustomerId: number;
  readonly problem: string;
}

export interface SeedReport {
  readonly runId: string;
  readonly memberspec: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationS: number;
  /** Profiles sent per second over the sending phase (registrations and their transactions). */
  readonly profilesPerSecond: number;
  /** Contract requests sent per second over the sending phase. */
  readonly requestsPerSecond: number;
  /**
   * CPU time of this process per request over the sending phase, in ms: the client's cost (in-process,
   * the reference's work is included).
   */
  readonly cpuMsPerRequest: number;
  readonly target: { readonly driver: string; readonly url: string; readonly profile?: string; readonly orgId: string };
  /** In profile mode, how the vendor's fixed org differs from the org the population was generated for. */
  readonly orgMismatch?: string;
  readonly population: {
    readonly file: string;
    readonly truth: string;
    readonly formatVersion: number;
    readonly generatorVersion: string;
    readonly seed: number;
    readonly profile: string;
    readonly persons: number;
  };
  readonly concurrency: number;
  /** Open model: the arrival rate asked for, profiles per second (absent: closed model, `concurrency`). */
  readonly ratePerSecond?: number;
  /** Worker threads that shared the sending (absent: one). */
  readonly threads?: number;
  /** `memberspec merge`: how many shard results were combined. */
  readonly shards?: number;
  readonly profiles: SendTally['profiles'];
  readonly registrations: SendTally['registrations'];
  readonly transactions: SendTally['transactions'];
  readonly subscriptionUpdates: SendTally['subscriptionUpdates'];
  readonly cardLinks: SendTally['cardLinks'];
  readonly statusLabelChanges: SendTally['statusLabelChanges'];
  readonly customers: {
    /** Distinct customer ids the answers named (customers this run created; in a vendor's fixed org, existing ones it touched too). */
    readonly created: number;
    /** Of those, customers that ended merged into another. */
    readonly mergedAway: number;
    /** Distinct live customers they ended in. */
    readonly live: number;
    /** Test control only: live customers of the org that no accepted profile ended in (duplicates); null without listing. */
    readonly withoutProfile: number | null;
  };
  /**
   * Every accepted profile must end in a live customer: an unresolved one is an acknowledged write the
   * target lost (or never kept), e.g. after a restart of a target without a durable store.
   */
  readonly integrity: {
    readonly acceptedProfiles: number;
    readonly resolved: number;
    readonly unresolved: number;
    readonly unresolvedExamples: readonly UnresolvedProfile[];
    /** Why the customers were read one by one instead of listed (the listing failed). */
    readonly listingProblem?: string;
  };
  readonly groundTruth: TruthComparison;
  readonly warnings: SendTally['warnings'];
  readonly notSent: SendTally['notSent'];
  readonly latency: Readonly<Record<string, LatencySummary>>;
  readonly failures: SendTally['failures'];
  readonly refusalExamples: SendTally['refusalExamples'];
  /** Each --threshold with the load's value and whether it held (absent without thresholds). */
  readonly thresholds?: readonly ThresholdOutcome[];
  /** Set when a signal stopped the load: what was sent before it; the figures cover only that. */
  readonly interrupted?: string;
}

export interface SeedResult {
  readonly report: SeedReport;
  readonly outPath: string;
  /** No failure, every accepted profile resolved (refusals are answers, not failures) and every threshold held. */
  readonly ok: boolean;
}

function validConcurrency(value: number | undefined): number {
  const concurrency = value ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_SEED_CONCURRENCY) {
    throw new UsageError(`--concurrency must be a whole number from 1 to ${MAX_SEED_CONCURRENCY}, got ${value}`);
  }
  return concurrency;
}

export function orgSetup(header: PopulationHeader): OrgSetup {
  return {
    configs: { ...header.org.configs },
    ...(header.org.baseCountry ? { baseCountry: header.org.baseCountry } : {}),
    ...(header.org.supportedCountries ? { supportedCountries: [...header.org.supportedCountries] } : {}),
    ...(header.org.statusLabels
      ? {
          statusLabels: header.org.statusLabels.map(({ status, label, restrictions }) => ({ status, label, ...(restrictions ? { restrictions: [...restrictions] } : {}) })),
        }
      : {}),
  };
}

/**
 * Ruling 7: customer status is on unless the setup states false, in any form a setting takes before the
 * target parses it (false, 0, "false", "0").
 */
export function customerStatusOnIn(configs: Readonly<Record<string, unknown>>): boolean {
  const stated = configs.CONF_CUSTOMER_STATUS_ENABLED;
  return !(stated === false || stated === 0 || (typeof stated === 'string' && ['false', '0'].includes(stated.trim().toLowerCase())));
}

/** Status labels can be given only in an org that declares labels and has customer status on (ruling 7: unless it states false). */
function statusLabelsOn(setup: OrgSetup): boolean {
  return customerStatusOnIn(setup.configs ?? {}) && (setup.statusLabels?.length ?? 0) > 0;
}

/**
 * The org to load into: a new one with the population's configs when the target has test control;
 * otherwise the vendor's fixed org, whose differences from the population's are reported, not refused
 * (loading a vendor's real configuration is the point of profile mode).
 */
export async function openOrg(
  driver: Driver,
  header: PopulationHeader,
  profile: VendorProfile | undefined,
): Promise<{ session: OrgSession; setup: OrgSetup; mismatch?: string }> {
  const wanted = orgSetup(header);
  if (driver.capabilities.testControl) {
    const result = await driver.requestOrg(wanted);
    if (!result.ok) {
      throw new UsageError(`the target refused the population's org: ${result.error?.code} ${result.error?.message ?? `HTTP ${result.status}`}`);
    }
    return { session: result.value, setup: wanted };
  }
  if (!profile) throw new UsageError('a target without the test-control extension needs --profile FILE (see examples/vendor_profile.json)');
  let mismatch: string | undefined;
  try {
    checkProfileApplicable(profile, wanted);
  } catch (error) {
    if (!(error instanceof NotApplicableError)) throw error;
    mismatch = error.message;
  }
  const fixed: OrgSetup = {
    configs: { ...profile.configs },
    baseCountry: profile.baseCountry,
    supportedCountries: [...profile.supportedCountries],
    ...(profile.statusLabels ? { statusLabels: profile.statusLabels.map((entry) => ({ ...entry })) } : {}),
  };
  return { session: await driver.createOrg(fixed), setup: fixed, ...(mismatch ? { mismatch } : {}) };
}

/** A population checked, with its truth, and the target to load it into: what every load of it shares. */
export interface PreparedLoad {
  readonly population: string;
  readonly truthFile: string;
  readonly header: PopulationHeader;
  readonly profileCount: number;
  readonly truth: GroundTruth;
  readonly concurrency: number;
  readonly target: string | undefined;
  readonly vendor: { path: string; profile: VendorProfile } | undefined;
  readonly thresholds: readonly Threshold[];
  /** Open model: profiles per second; undefined = closed model (concurrency). */
  readonly ratePerSecond: number | undefined;
}

const RATE_UNITS_S: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600 };
/** Faster than this no client here keeps a schedule; a typo (an extra zero) is refused. */
export const MAX_RATE_PER_SECOND = 100_000;

/** "50/s", "3000/m", "0.5/s" in profiles per second; anything else is a usage error. */
export function parseRate(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(s|m|h)\s*$/.exec(text);
  const perSecond = match ? Number(match[1]) / RATE_UNITS_S[match[2]] : NaN;
  if (!(perSecond > 0 && perSecond <= MAX_RATE_PER_SECOND)) {
    throw new UsageError(`--rate must be a number of profiles per s, m or h above 0 and at most ${MAX_RATE_PER_SECOND}/s (e.g. 50/s, 3000/m), got "${text}"`);
  }
  return perSecond;
}

function validThresholds(expressions: readonly string[] | undefined): Threshold[] {
  try {
    return parseThresholds(expressions);
  } catch (error) {
    if (error instanceof ThresholdError) throw new UsageError(error.message);
    throw error;
  }
}

/** The figures of one load that thresholds name. */
export function loadThresholdFigures(report: Pick<SeedReport, 'integrity' | 'customers' | 'failures' | 'registrations' | 'groundTruth' | 'profilesPerSecond'>, latency: LatencyRecorder): ThresholdFigures {
  const { failures, groundTruth } = report;
  return {
    latencyMs: (percentile) => latency.overallPercentileMs(percentile),
    maxMs: latency.overall()?.maxMs ?? null,
    lost: report.integrity.unresolved,
    duplicated: report.customers.withoutProfile,
    failed: failures.transport + failures.contractViolation + failures.other,
    rejected: Object.values(report.registrations.rejected).reduce((a, b) => a + b, 0),
    split: groundTruth.persons.split,
    overmerged: groundTruth.customers.overMerged,
    precision: groundTruth.pairs.precision,
    recall: groundTruth.pairs.recall,
    throughput: report.profilesPerSecond,
  };
}

/** Checks the arguments and reads the population and its truth; any fault is a one-line UsageError. */
export async function prepareLoad(options: SeedOptions): Promise<PreparedLoad> {
  if (!options.population) throw new UsageError('--population FILE is required');
  const concurrency = validConcurrency(options.concurrency);
  const thresholds = validThresholds(options.thresholds);
  const ratePerSecond = options.rate === undefined ? undefined : parseRate(options.rate);
  const target = validateTarget(options.target);
  const vendor = validateProfile(options.profile, target);
  const truthFile = groundTruthPath(options.population);
  try {
    const population = await checkPopulation(options.population);
    const truth = await readGroundTruth(truthFile, population, `ground truth ${truthFile}`);
    return { population: options.population, truthFile, header: population.header, profileCount: population.profileIds.size, truth, concurrency, target, vendor, thresholds, ratePerSecond };
  } catch (error) {
    if (error instanceof PopulationFileError) throw new UsageError(error.message);
    throw error;
  }
}

/** The driver the options name (or the one they give), after checking that the target answers. */
export async function openDriver(prepared: PreparedLoad, options: SeedOptions, testControlRemedy?: string, orgListing = false): Promise<Driver> {
  const { target, vendor } = prepared;
  if (options.driver) return options.driver;
  const adminToken = target ? resolveAdminToken(options.adminToken) : undefined;
  const headers = options.headers && Object.keys(options.headers).length > 0 ? options.headers : undefined;
  if (headers && !target) throw new UsageError('--header needs --target: the embedded reference is called in-process');
  if (target) {
    await checkTarget(target, vendor, testControlRemedy, adminToken, {
      ...(options.requestTimeoutMs ? { timeoutMs: options.requestTimeoutMs } : {}),
      ...(headers ? { headers } : {}),
    });
  }
  return makeLoadDriver({
    driver: target ? 'http' : 'in-process',
    ...(target ? { target } : {}),
    ...(headers ? { headers } : {}),
    ...(adminToken !== undefined ? { adminToken } : {}),
    ...(vendor ? { profile: vendor.path } : {}),
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
  }, { orgListing });
}

export interface LoadOutcome {
  readonly report: SeedReport;
  /** Every operation's latencies of this load (the report holds their summaries). */
  readonly latency: LatencyRecorder;
  /** No failure and every accepted profile resolved (refusals are answers, not failures). */
  readonly ok: boolean;
}

/** One load: a new org (or the vendor's), every profile sent, every answered customer resolved and compared with the truth. */
export async function loadPopulation(driver: Driver, prepared: PreparedLoad, options: SeedOptions): Promise<LoadOutcome> {
  const startedAt = new Date();
  const { session, setup, mismatch } = await openOrg(driver, prepared.header, options.driver ? options.vendorProfile : prepared.vendor?.profile);
  const threads = sendingThreads(prepared, options);
  const combined =
    threads > 1 ? await sendInThreadsOf(session, setup, prepared, options, threads) : combineShares([await sendShare(driver, session, setup, prepared, options)]);
  return finishLoad(driver, session, prepared, combined, { startedAt, threads, ...(mismatch ? { mismatch } : {}), ...(options.signal ? { signal: options.signal } : {}) });
}

/**
 * Below this many profiles extra threads cost more than they give: each loads the sources and the
 * contract's validators (about 2 s of CPU on a loaded machine), which 8,000 registrations measured at
 * 0.37 ms of extra CPU per request (npm run bench -- seed-client).
 */
const PROFILES_FOR_THREADS = 20_000;
export const MAX_SEND_THREADS = 16;

/**
 * How many threads send: as given; otherwise more than one only over HTTP, with persons in parallel
 * (concurrency 8 or more, or an arrival rate) and a population big enough to pay for starting them.
 * Concurrency 1 stays one thread, so that its order stays reproducible.
 */
export function sendingThreads(prepared: PreparedLoad, options: Pick<SeedOptions, 'threads' | 'driver'>): number {
  const http = prepared.target !== undefined && options.driver === undefined;
  if (options.threads !== undefined) {
    if (!Number.isInteger(options.threads) || options.threads < 1 || options.threads > MAX_SEND_THREADS) {
      throw new UsageError(`--threads must be a whole number from 1 to ${MAX_SEND_THREADS}, got ${options.threads}`);
    }
    if (options.threads > 1 && !http) throw new UsageError('--threads above 1 needs --target: the embedded reference lives in this thread');
    return options.threads;
  }
  const parallel = prepared.ratePerSecond !== undefined || prepared.concurrency >= 8;
  return http && parallel && prepared.profileCount >= PROFILES_FOR_THREADS ? Math.min(availableParallelism(), 4) : 1;
}

/** Each thread a disjoint share of the persons (segment k of n), its share of the concurrency or rate. */
async function sendInThreadsOf(session: OrgSession, setup: OrgSetup, prepared: PreparedLoad, options: SeedOptions, threads: number): Promise<CombinedShares> {
  const target = prepared.target!;
  const adminToken = resolveAdminToken(options.adminToken);
  const shares: ThreadShare[] = Array.from({ length: threads }, (_, index) => {
    const segment = { index, count: threads };
    return {
      population: prepared.population,
      personOf: prepared.truth.personOf,
      segment,
      total: profilesIn(prepared, segment),
      target,
      ...(adminToken !== undefined ? { adminToken } : {}),
      ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
      ...(options.headers && Object.keys(options.headers).length > 0 ? { headers: options.headers } : {}),
      org: { orgId: session.orgId, till: session.till!(), setup },
      concurrency: Math.ceil(prepared.concurrency / threads),
      ...(prepared.ratePerSecond !== undefined ? { ratePerSecond: prepared.ratePerSecond / threads } : {}),
      sendStatusLabels: statusLabelsOn(setup),
      primaryIdentifierType: String(setup.configs?.CONF_REGISTRATION_PRIMARY_KEY ?? 'mobile'),
    };
  });
  const cpuBefore = process.cpuUsage();
  const combined = combineShares(await sendInThreads(shares, options.onProgress, options.signal));
  const cpu = process.cpuUsage(cpuBefore);
  return { ...combined, sending: { ...combined.sending, cpuMs: (cpu.user + cpu.system) / 1000 } };
}

/** Profiles a segment holds (all of them without one). */
function profilesIn(prepared: PreparedLoad, segment: Segment | undefined): number {
  if (!segment) return prepared.profileCount;
  let count = 0;
  for (const person of prepared.truth.personOf.values()) if (inSegment(person, segment)) count += 1;
  return count;
}

/** Sends the profiles of one segment (all without one) in this thread, into the session's org. */
export async function sendShare(
  driver: Driver,
  session: OrgSession,
  setup: OrgSetup,
  prepared: PreparedLoad,
  options: Pick<SeedOptions, 'onProgress' | 'signal'> & { segment?: Segment },
): Promise<SentShare> {
  const { truth, concurrency } = prepared;
  const latency = new LatencyRecorder();
  const personOf = (profileId: string) => truth.personOf.get(profileId)!;
  const startedAtMs = Date.now();
  const sendingStarted = performance.now();
  const cpuBefore = process.cpuUsage();
  const sent = await sendPopulation({
    session,
    profiles: segmentProfiles(profileRecords(prepared.population), personOf, options.segment),
    total: profilesIn(prepared, options.segment),
    personOf,
    concurrency,
    ...(prepared.ratePerSecond !== undefined ? { ratePerSecond: prepared.ratePerSecond } : {}),
    latency,
    sendStatusLabels: statusLabelsOn(setup),
    primaryIdentifierType: String(setup.configs?.CONF_REGISTRATION_PRIMARY_KEY ?? 'mobile'),
    onProgress: options.onProgress,
    releaseTranscript: () => void driver.takeTranscript(),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const cpu = process.cpuUsage(cpuBefore);
  return toSentShare(sent, latency, {
    startedAtMs,
    finishedAtMs: startedAtMs + (performance.now() - sendingStarted),
    cpuMs: (cpu.user + cpu.system) / 1000,
    requests: latency.overall()?.count ?? 0,
  });
}

/** After the sending (one share or several combined): every answered customer resolved on the target and compared with the truth. */
export async function finishLoad(
  driver: Driver,
  session: OrgSession,
  prepared: PreparedLoad,
  combined: CombinedShares,
  context: { startedAt: Date; mismatch?: string; shards?: number; threads?: number; testControl?: boolean; signal?: AbortSignal },
): Promise<LoadOutcome> {
  const { truth, target, vendor, concurrency, header } = prepared;
  const { startedAt, mismatch } = context;
  const runId = newRunId(startedAt);
  const { outcome: sent, latency } = combined;
  const sendingSeconds = (combined.sending.finishedAtMs - combined.sending.startedAtMs) / 1000;
  const sentRequests = combined.sending.requests;

  const resolved = await resolveCustomers(session, sent.customerIds, {
    testControl: context.testControl ?? driver.capabilities.testControl,
    concurrency,
    latency,
    releaseTranscript: () => void driver.takeTranscript(),
  });
  const placements: ProfilePlacement[] = [];
  const unresolvedExamples: UnresolvedProfile[] = [];
  let unresolved = 0;
  for (const [profileId, answeredCustomerId] of sent.answered) {
    const resolution = resolved.finalOf.get(answeredCustomerId)!;
    if ('live' in resolution) {
      placements.push({ person: truth.personOf.get(profileId)!, customer: resolution.live });
      continue;
    }
    unresolved += 1;
    if (unresolvedExamples.length < EXAMPLES) unresolvedExamples.push({ profileId, answeredCustomerId, problem: resolution.problem });
  }
  const live = new Set<number>();
  let mergedAway = 0;
  for (const [id, resolution] of resolved.finalOf) {
    if (!('live' in resolution)) continue;
    live.add(resolution.live);
    if (resolution.live !== id) mergedAway += 1;
  }
  const endedIn = new Set(placements.map((placement) => placement.customer));
  const withoutProfile = resolved.liveInOrg ? [...resolved.liveInOrg].filter((id) => !endedIn.has(id)).length : null;

  const finishedAt = new Date();
  const { tally } = sent;
  const report: SeedReport = {
    runId,
    memberspec: suiteInfo().version,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationS: (finishedAt.getTime() - startedAt.getTime()) / 1000,
    profilesPerSecond: sendingSeconds > 0 ? Math.round((tally.profiles.sent / sendingSeconds) * 10) / 10 : 0,
    requestsPerSecond: sendingSeconds > 0 ? Math.round((sentRequests / sendingSeconds) * 10) / 10 : 0,
    cpuMsPerRequest: sentRequests > 0 ? Math.round((combined.sending.cpuMs / sentRequests) * 1000) / 1000 : 0,
    target: {
      driver: driver.name,
      url: target ?? 'in-process reference',
      ...(vendor ? { profile: path.basename(vendor.path) } : {}),
      orgId: session.orgId,
    },
    ...(mismatch ? { orgMismatch: mismatch } : {}),
    population: {
      file: prepared.population,
      truth: prepared.truthFile,
      formatVersion: header.formatVersion,
      generatorVersion: header.generatorVersion,
      seed: header.seed,
      profile: header.profile,
      persons: truth.personIds.length,
    },
    concurrency,
    ...(prepared.ratePerSecond !== undefined ? { ratePerSecond: prepared.ratePerSecond } : {}),
    ...(context.threads && context.threads > 1 ? { threads: context.threads } : {}),
    ...(context.shards ? { shards: context.shards } : {}),
    profiles: tally.profiles,
    registrations: tally.registrations,
    transactions: tally.transactions,
    subscriptionUpdates: tally.subscriptionUpdates,
    cardLinks: tally.cardLinks,
    statusLabelChanges: tally.statusLabelChanges,
    customers: { created: sent.customerIds.size, mergedAway, live: live.size, withoutProfile },
    integrity: {
      acceptedProfiles: sent.answered.size,
      resolved: placements.length,
      unresolved,
      unresolvedExamples,
      ...(resolved.listingProblem ? { listingProblem: resolved.listingProblem } : {}),
    },
    groundTruth: compareWithTruth(placements, truth.personIds.length),
    warnings: tally.warnings,
    notSent: tally.notSent,
    latency: latency.summary(),
    failures: tally.failures,
    refusalExamples: tally.refusalExamples,
    ...(context.signal?.aborted
      ? { interrupted: `${typeof context.signal.reason === 'string' ? context.signal.reason : 'stopped'} after ${tally.profiles.sent} of ${tally.profiles.total} profiles` }
      : {}),
  };
  const failed = tally.failures.transport + tally.failures.contractViolation + tally.failures.other;
  return { report, latency, ok: failed === 0 && unresolved === 0 };
}

/** Writes a JSON report at `out`, or at <reportsDir>/<kind>/<runId>.json; returns its absolute path. */
export function writeJsonReport(report: object, kind: string, runId: string, out: string | undefined, reportsDir: string | undefined): string {
  const outPath = path.resolve(out ?? path.join(reportsDir ?? 'reports', kind, `${runId}.json`));
  mkdirSync(path.dirname(outPath), { recursive: true });
  writeFileSync(outPath, JSON.stringify(report, null, 2) + '\n');
  return outPath;
}

/** Loads the population, resolves every answered customer, compares with the truth, writes the JSON report. */
export async function seed(options: SeedOptions): Promise<SeedResult> {
  const prepared = await prepareLoad(options);
  const driver = await openDriver(prepared, options);
  try {
    const loaded = await loadPopulation(driver, prepared, options);
    const thresholds = checkThresholds(prepared.thresholds, loadThresholdFigures(loaded.report, loaded.latency));
    const report: SeedReport = prepared.thresholds.length > 0 ? { ...loaded.report, thresholds } : loaded.report;
    const ok = loaded.ok && thresholds.every((outcome) => outcome.ok);
    return { report, outPath: writeJsonReport(report, 'seed', report.runId, options.out, options.reportsDir), ok };
  } finally {
    if (!options.driver) await driver.close();
  }
}
