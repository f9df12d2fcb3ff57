// A load spread over processes (k6's execution segments): `memberspec org` creates the population's org
// once and writes it as a profile file; each shard (`seed --segment i/n --profile org.json`) sends its
// disjoint share of persons into that org and writes its sending as JSON; `memberspec merge` combines the
// shards (counts added, HdrHistograms merged) and makes one ground-truth comparison over the org's final
// state, which exists only once every shard is done.
import { chmodSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { VendorProfile } from '../driver/vendor_profile.ts';
import { combineShares, parseSegment, SegmentError, segmentText, type Segment, type SentShare } from '../seeding/shares.ts';
import { suiteInfo } from './project_root.ts';
import { newRunId } from './run_id.ts';
import {
  finishLoad,
  loadThresholdFigures,
  openDriver,
  openOrg,
  orgSetup,
  prepareLoad,
  sendShare,
  writeJsonReport,
  type PreparedLoad,
  type SeedOptions,
  type SeedResult,
} from './seed.ts';
import { checkThresholds } from '../seeding/thresholds.ts';
import { UsageError } from './usage_error.ts';

/** The `kind` of a shard's JSON result: `memberspec merge` reads only these. */
export const SHARD_RESULT_KIND = 'memberspec seed shard';

export interface ShardResult {
  readonly kind: typeof SHARD_RESULT_KIND;
  readonly memberspec: string;
  readonly runId: string;
  readonly segment: Segment;
  readonly target: { readonly url: string; readonly orgId: string };
  /** Identifies the population, so that shards of different populations are not merged. */
  readonly population: { readonly file: string; readonly generatorVersion: string; readonly seed: number; readonly profile: string; readonly persons: number; readonly profiles: number };
  readonly concurrency: number;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly sent: SentShare;
}

function segmentOf(text: string | undefined): Segment {
  try {
    return parseSegment(text ?? '');
  } catch (error) {
    if (error instanceof SegmentError) throw new UsageError(error.message);
    throw error;
  }
}

const populationIdentity = (prepared: PreparedLoad): ShardResult['population'] => ({
  file: path.basename(prepared.population),
  generatorVersion: prepared.header.generatorVersion,
  seed: prepared.header.seed,
  profile: prepared.header.profile,
  persons: prepared.truth.personIds.length,
  profiles: prepared.profileCount,
});

/**
 * Creates the population's org through the test-control extension and writes it as a profile file
 * (name = the org's id, its till, the population's configs) that every shard and the merge load with
 * --profile. The file holds the till's password: it is written readable by its owner only.
 */
export async function createLoadOrg(options: Pick<SeedOptions, 'population' | 'target' | 'adminToken'> & { out: string }): Promise<{ orgId: string; outPath: string }> {
  if (!options.target) throw new UsageError('memberspec org needs --target URL (shards in several processes load one server)');
  const prepared = await prepareLoad({ population: options.population, target: options.target });
  const driver = await openDriver(prepared, { population: options.population, ...(options.adminToken !== undefined ? { adminToken: options.adminToken } : {}) }, 'the org is created through it');
  try {
    const { session } = await openOrg(driver, prepared.header, undefined);
    const setup = orgSetup(prepared.header);
    const profile: VendorProfile & { testControl: true } = {
      name: session.orgId,
      till: session.till!(),
      configs: setup.configs ?? {},
      baseCountry: setup.baseCountry ?? 'IN',
      supportedCountries: setup.supportedCountries ?? [],
      ...(setup.statusLabels ? { statusLabels: setup.statusLabels } : {}),
      // The org was made through the extension: the merge may list its customers.
      testControl: true,
    };
    const outPath = writeJsonReport(profile, 'org', session.orgId, options.out, undefined);
    chmodSync(outPath, 0o600);
    return { orgId: session.orgId, outPath };
  } finally {
    await driver.close();
  }
}

/** One shard: its segment's persons sent into the org of --profile; the result is written for `memberspec merge`. */
export async function seedShard(options: SeedOptions & { segment: string }): Promise<{ result: ShardResult; outPath: string; ok: boolean }> {
  const segment = segmentOf(options.segment);
  if (!options.target || !options.profile) {
    throw new UsageError('--segment needs --target URL and --profile FILE: every shard loads the one org `memberspec org` created (see examples/k8s_seed_shards.yaml)');
  }
  if (options.thresholds?.length) throw new UsageError('a shard does not judge thresholds: give --threshold to memberspec merge, which sees every shard');
  const prepared = await prepareLoad(options);
  const driver = await openDriver(prepared, options);
  try {
    const startedAt = new Date();
    const { session, setup } = await openOrg(driver, prepared.header, prepared.vendor!.profile);
    const sent = await sendShare(driver, session, setup, prepared, { segment, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    const result: ShardResult = {
      kind: SHARD_RESULT_KIND,
      memberspec: suiteInfo().version,
      runId: newRunId(startedAt),
      segment,
      target: { url: prepared.target!, orgId: session.orgId },
      population: populationIdentity(prepared),
      concurrency: prepared.concurrency,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      sent,
    };
    const failed = sent.tally.failures.transport + sent.tally.failures.contractViolation + sent.tally.failures.other;
    const outPath = writeJsonReport(result, 'seed', `${result.runId}-shard-${segment.index}-of-${segment.count}`, options.out, options.reportsDir);
    return { result, outPath, ok: failed === 0 };
  } finally {
    await driver.close();
  }
}

function readShard(file: string): ShardResult {
  let value: ShardResult;
  try {
    value = JSON.parse(readFileSync(file, 'utf8')) as ShardResult;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: ${code === 'ENOENT' ? 'file not found' : `not a shard result (${error instanceof Error ? error.message : String(error)})`}`);
  }
  if (value?.kind !== SHARD_RESULT_KIND) throw new UsageError(`${file}: not a shard result of memberspec seed --segment ("kind" is not "${SHARD_RESULT_KIND}")`);
  return value;
}

/** The shards must be every segment of one split, of this population, into one org. */
function checkShards(files: readonly string[], shards: readonly ShardResult[], prepared: PreparedLoad): void {
  const identity = JSON.stringify(populationIdentity(prepared));
  const [first] = shards;
  shards.forEach((shard, index) => {
    const file = files[index];
    if (JSON.stringify(shard.population) !== identity) throw new UsageError(`${file}: loaded another population (${JSON.stringify(shard.population)}) than --population (${identity})`);
    if (shard.target.orgId !== first.target.orgId) throw new UsageError(`${file}: loaded org ${shard.target.orgId}, ${files[0]} org ${first.target.orgId}: shards must share one org`);
    if (shard.segment.count !== first.segment.count) throw new UsageError(`${file}: segment ${segmentText(shard.segment)} is not one of ${first.segment.count}`);
  });
  const count = first.segment.count;
  const seen = new Map<number, string>();
  shards.forEach((shard, index) => {
    const earlier = seen.get(shard.segment.index);
    if (earlier) throw new UsageError(`${files[index]}: segment ${segmentText(shard.segment)} is also ${earlier}'s`);
    seen.set(shard.segment.index, files[index]);
  });
  const missing = Array.from({ length: count }, (_, index) => index).filter((index) => !seen.has(index));
  if (missing.length > 0) throw new UsageError(`segment${missing.length > 1 ? 's' : ''} ${missing.map((index) => `${index}/${count}`).join(', ')} missing: merge needs every shard`);
}

export interface MergeOptions extends Pick<SeedOptions, 'population' | 'target' | 'profile' | 'adminToken' | 'out' | 'reportsDir' | 'requestTimeoutMs' | 'thresholds'> {
  /** The shards' JSON results. */
  shards: readonly string[];
}

/** Every shard's sending combined, then one resolution and ground-truth comparison over the org's final state. */
export async function mergeShards(options: MergeOptions): Promise<SeedResult> {
  if (options.shards.length === 0) throw new UsageError('give the shard results to merge (the JSON files of seed --segment)');
  if (!options.target || !options.profile) throw new UsageError('merge needs --target URL and --profile FILE (the org file the shards loaded) to read the org\'s final state');
  const shards = options.shards.map(readShard);
  const prepared = await prepareLoad({ ...options, concurrency: Math.max(...shards.map((shard) => shard.concurrency)) });
  checkShards(options.shards, shards, prepared);
  if (prepared.vendor!.profile.name !== shards[0].target.orgId) {
    throw new UsageError(`${options.profile} names org ${prepared.vendor!.profile.name}, the shards loaded org ${shards[0].target.orgId}`);
  }
  const testControl = (JSON.parse(readFileSync(options.profile, 'utf8')) as { testControl?: unknown }).testControl === true;
  const driver = await openDriver(prepared, options, undefined, testControl);
  try {
    const { session } = await openOrg(driver, prepared.header, prepared.vendor!.profile);
    const startedAt = new Date(Math.min(...shards.map((shard) => Date.parse(shard.startedAt))));
    const { report: loaded, latency, ok: loadOk } = await finishLoad(driver, session, prepared, combineShares(shards.map((shard) => shard.sent)), {
      startedAt,
      shards: shards.length,
      testControl,
    });
    const thresholds = checkThresholds(prepared.thresholds, loadThresholdFigures(loaded, latency));
    const report = prepared.thresholds.length > 0 ? { ...loaded, thresholds } : loaded;
    const ok = loadOk && thresholds.every((outcome) => outcome.ok);
    return { report, outPath: writeJsonReport(report, 'seed', `${report.runId}-merged`, options.out, options.reportsDir), ok };
  } finally {
    await driver.close();
  }
}
