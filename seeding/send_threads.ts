// A load's sending over several threads, so that a client that needs more than one core has them: each
// worker thread takes a disjoint share of the persons (the segments of seeding/shares.ts), opens the
// same org with its till over its own connection pool and sends its share; the parent combines the
// shares as `memberspec merge` combines shards.
import { Worker } from 'node:worker_threads';
import { COMPILED } from '../api/project_root.ts';
import { createContractDriver } from '../driver/contract_driver.ts';
import type { OrgSetup } from '../driver/driver.ts';
import { createLoadTransport } from '../driver/make_driver.ts';
import { LatencyRecorder } from './latency.ts';
import { profileRecords } from './population_reader.ts';
import { sendPopulation, type SendProgress } from './send_population.ts';
import { segmentProfiles, toSentShare, type Segment, type SentShare } from './shares.ts';

export interface ThreadShare {
  readonly population: string;
  readonly personOf: ReadonlyMap<string, number>;
  readonly segment: Segment;
  /** Profiles of this segment. */
  readonly total: number;
  readonly target: string;
  readonly adminToken?: string;
  readonly requestTimeoutMs?: number;
  /** `--header`: sent with every request. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly org: { readonly orgId: string; readonly till: { readonly username: string; readonly password: string }; readonly setup: OrgSetup };
  readonly concurrency: number;
  readonly ratePerSecond?: number;
  readonly sendStatusLabels: boolean;
  readonly primaryIdentifierType: string;
}

/** In a worker: the share's persons sent into the org, over a pool of this thread's own. */
export async function sendShareInThisThread(share: ThreadShare, onProgress: (progress: SendProgress) => void, signal?: AbortSignal): Promise<SentShare> {
  const { org } = share;
  const transport = createLoadTransport({
    baseUrl: share.target,
    ...(share.headers ? { headers: share.headers } : {}),
    ...(share.requestTimeoutMs ? { timeoutMs: share.requestTimeoutMs } : {}),
    ...(share.adminToken !== undefined ? { adminToken: share.adminToken } : {}),
  });
  // The org as a fixed one: the parent made it; this thread only needs its till.
  const profile = {
    name: org.orgId,
    till: org.till,
    configs: org.setup.configs ?? {},
    baseCountry: org.setup.baseCountry ?? 'IN',
    supportedCountries: [...(org.setup.supportedCountries ?? [])],
    ...(org.setup.statusLabels ? { statusLabels: org.setup.statusLabels } : {}),
  };
  const driver = createContractDriver({ name: 'http', transport, profile, recordTranscript: false });
  try {
    const session = await driver.createOrg(org.setup);
    const latency = new LatencyRecorder();
    const personOf = (profileId: string) => share.personOf.get(profileId)!;
    const startedAtMs = Date.now();
    const started = performance.now();
    let reported = 0;
    const sent = await sendPopulation({
      session,
      profiles: segmentProfiles(profileRecords(share.population), personOf, share.segment),
      total: share.total,
      personOf,
      concurrency: share.concurrency,
      ...(share.ratePerSecond !== undefined ? { ratePerSecond: share.ratePerSecond } : {}),
      latency,
      sendStatusLabels: share.sendStatusLabels,
      primaryIdentifierType: share.primaryIdentifierType,
      ...(signal ? { signal } : {}),
      onProgress: (progress) => {
        // A message per profile would cost the parent more than the progress is worth.
        const now = performance.now();
        if (now - reported < 200 && progress.sent < progress.total) return;
        reported = now;
        onProgress(progress);
      },
    });
    // CPU is not measured here: process.cpuUsage() counts every thread, so the parent measures the whole sending.
    return toSentShare(sent, latency, { startedAtMs, finishedAtMs: startedAtMs + (performance.now() - started), cpuMs: 0, requests: latency.overall()?.count ?? 0 });
  } finally {
    await driver.close();
  }
}

type WorkerMessage = { type: 'progress'; progress: SendProgress } | { type: 'done'; share: SentShare };

/** Runs each share in a worker thread; progress is the sum over the threads; aborting `signal` stops every thread's sending. */
export async function sendInThreads(shares: readonly ThreadShare[], onProgress?: (progress: SendProgress) => void, signal?: AbortSignal): Promise<SentShare[]> {
  const latest = shares.map((share): SendProgress => ({ total: share.total, sent: 0, rejected: 0, failed: 0 }));
  const report = () =>
    onProgress?.(latest.reduce((sum, p) => ({ total: sum.total + p.total, sent: sum.sent + p.sent, rejected: sum.rejected + p.rejected, failed: sum.failed + p.failed })));
  return Promise.all(
    shares.map(
      (share, index) =>
        new Promise<SentShare>((resolve, reject) => {
          // Compiled (an installed package): the worker's JavaScript; a checkout: a loader that brings tsx along.
          const entry = COMPILED ? new URL('./send_worker.js', import.meta.url) : new URL('./send_worker.mjs', import.meta.url);
          const worker = new Worker(entry, { workerData: share });
          const stop = () => worker.postMessage({ type: 'stop', reason: signal?.reason });
          if (signal?.aborted) stop();
          else signal?.addEventListener('abort', stop, { once: true });
          worker.once('exit', () => signal?.removeEventListener('abort', stop));
          let result: SentShare | undefined;
          worker.on('message', (message: WorkerMessage) => {
            if (message.type === 'progress') {
              latest[index] = message.progress;
              report();
            } else result = message.share;
          });
          worker.once('error', reject);
          worker.once('exit', (code) => (result ? resolve(result) : reject(new Error(`sending thread ${index + 1} stopped (exit code ${code})`))));
        }),
    ),
  );
}
