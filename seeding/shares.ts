// A load split over disjoint shares of a population's persons (k6's execution segments): `--segment i/n`
// takes the persons whose index in the ground truth is i modulo n, so n shards cover every person
// once, and one person's profiles always stay in one shard, in file order. A share's sending outcome is
// written as plain JSON (its latency as HdrHistogram's encoding) so shares from threads or processes
// combine exactly: counts added, histograms merged, customer sets joined.
import type { SourceProfileRecord } from '../generators/population_format.ts';
import { LatencyRecorder, type EncodedLatency } from './latency.ts';
import type { SendOutcome, SendTally } from './send_population.ts';

export interface Segment {
  /** 0 .. count - 1 (a Kubernetes Indexed Job's completion index). */
  readonly index: number;
  readonly count: number;
}

/** At most this many shards (and far more than anyone runs). */
export const MAX_SEGMENTS = 10_000;

export class SegmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SegmentError';
  }
}

/** "2/4" is the third of four shares; the index counts from 0, as a Kubernetes job index does. */
export function parseSegment(text: string): Segment {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || count > MAX_SEGMENTS || index >= count) {
    throw new SegmentError(`--segment must be INDEX/COUNT with 0 <= INDEX < COUNT <= ${MAX_SEGMENTS} (e.g. 0/4 ... 3/4), got "${text}"`);
  }
  return { index, count };
}

export const segmentText = (segment: Segment) => `${segment.index}/${segment.count}`;

export function inSegment(person: number, segment: Segment | undefined): boolean {
  return segment === undefined || person % segment.count === segment.index;
}

/** The profiles of a segment's persons, in file order. */
export async function* segmentProfiles(
  profiles: AsyncIterable<SourceProfileRecord>,
  personOf: (profileId: string) => number,
  segment: Segment | undefined,
): AsyncGenerator<SourceProfileRecord> {
  for await (const profile of profiles) if (inSegment(personOf(profile.profileId), segment)) yield profile;
}

/** One share's sending, as JSON: what `memberspec merge` and the worker threads hand back. */
export interface SentShare {
  readonly tally: SendTally;
  /** [profileId, the customer id its accepted registration answered]. */
  readonly answered: readonly (readonly [string, number])[];
  readonly customerIds: readonly number[];
  readonly newCustomerIds: readonly number[];
  readonly latency: EncodedLatency;
  /** Epoch ms at the start and end of the sending, this process's CPU over it, and the requests sent. */
  readonly sending: { readonly startedAtMs: number; readonly finishedAtMs: number; readonly cpuMs: number; readonly requests: number };
}

export function toSentShare(outcome: SendOutcome, latency: LatencyRecorder, sending: SentShare['sending']): SentShare {
  return {
    tally: outcome.tally,
    answered: [...outcome.answered],
    customerIds: [...outcome.customerIds],
    newCustomerIds: [...outcome.newCustomerIds],
    latency: latency.encode(),
    sending,
  };
}

/** How many examples a combined tally keeps of each kind (as one load does). */
const EXAMPLES = 5;

/** Numbers added, records merged by key, example lists joined up to EXAMPLES. */
function addUp(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b].slice(0, EXAMPLES);
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const sum: Record<string, unknown> = { ...(a as Record<string, unknown>) };
    for (const [key, value] of Object.entries(b as Record<string, unknown>)) sum[key] = key in sum ? addUp(sum[key], value) : value;
    return sum;
  }
  return a ?? b;
}

export interface CombinedShares {
  readonly outcome: SendOutcome;
  readonly latency: LatencyRecorder;
  readonly sending: SentShare['sending'];
}

/**
 * One outcome from disjoint shares. A customer two shares both saw first through a registration is one
 * new customer, as in a single run: newCustomer is the size of the union, existingCustomer the rest.
 */
export function combineShares(shares: readonly SentShare[]): CombinedShares {
  const tally = shares.map((share) => share.tally).reduce((sum, tally) => addUp(sum, tally) as SendTally);
  const answered = new Map<string, number>();
  const customerIds = new Set<number>();
  const newCustomerIds = new Set<number>();
  const latency = new LatencyRecorder();
  for (const share of shares) {
    for (const [profileId, customerId] of share.answered) answered.set(profileId, customerId);
    for (const id of share.customerIds) customerIds.add(id);
    for (const id of share.newCustomerIds) newCustomerIds.add(id);
    latency.add(LatencyRecorder.decode(share.latency));
  }
  const registrations = { ...tally.registrations, newCustomer: newCustomerIds.size, existingCustomer: tally.registrations.accepted - newCustomerIds.size };
  return {
    outcome: { tally: { ...tally, registrations }, answered, customerIds, newCustomerIds },
    latency,
    sending: {
      startedAtMs: Math.min(...shares.map((share) => share.sending.startedAtMs)),
      finishedAtMs: Math.max(...shares.map((share) => share.sending.finishedAtMs)),
      cpuMs: shares.reduce((sum, share) => sum + share.sending.cpuMs, 0),
      requests: shares.reduce((sum, share) => sum + share.sending.requests, 0),
    },
  };
}
