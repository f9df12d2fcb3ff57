// Where did each answered customer end? A customer merged into another points at it (mergedInto); the
// survivor may itself be merged later, so the chain is followed to a live customer. With the
// test-control extension one listing answers for every customer; otherwise each is read with getCustomer.
import type { CustomerView, OrgSession } from '../driver/driver.ts';
import type { LatencyRecorder } from './latency.ts';
import { forEachInOrderPerKey } from './send_population.ts';

export type Resolution = { readonly live: number } | { readonly problem: string };

export interface Resolved {
  /** For every asked id: the live customer it ended in, or why none was found. */
  readonly finalOf: ReadonlyMap<number, Resolution>;
  /** With test control: live customers of the org (to find customers no profile ended in). */
  readonly liveInOrg?: ReadonlySet<number>;
  /** Why the org's customer listing could not be used (each customer was read instead). */
  readonly listingProblem?: string;
}

type View = Pick<CustomerView, 'id' | 'mergedInto'> | { readonly problem: string };

async function* each<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

function follow(start: number, viewOf: (id: number) => View | undefined): Resolution {
  const visited = new Set<number>();
  for (let current = start; ; ) {
    if (visited.has(current)) return { problem: `merge chain of customer ${start} loops back to ${current}` };
    visited.add(current);
    const view = viewOf(current);
    if (view === undefined) return { problem: `customer ${current} is not among the org's customers` };
    if ('problem' in view) return view;
    if (view.mergedInto === undefined) return { live: current };
    current = view.mergedInto;
  }
}

async function byListing(session: OrgSession, ids: Iterable<number>, latency: LatencyRecorder): Promise<Resolved> {
  const started = performance.now();
  const { customers } = await session.listCustomers();
  latency.record('listOrgCustomers', performance.now() - started);
  const byId = new Map(customers.map((customer) => [customer.id, customer]));
  const finalOf = new Map<number, Resolution>();
  for (const id of ids) finalOf.set(id, follow(id, (current) => byId.get(current)));
  const liveInOrg = new Set(customers.filter((customer) => customer.mergedInto === undefined).map((customer) => customer.id));
  return { finalOf, liveInOrg };
}

async function byReading(
  session: OrgSession,
  ids: Iterable<number>,
  concurrency: number,
  latency: LatencyRecorder,
  releaseTranscript?: () => void,
): Promise<Resolved> {
  // One read per customer, however many chains pass through it (a survivor of many victims).
  const reads = new Map<number, Promise<View>>();
  async function read(id: number): Promise<View> {
    const started = performance.now();
    try {
      const result = await session.getCustomer(id);
      latency.record(result.operation, performance.now() - started);
      releaseTranscript?.();
      return result.ok ? result.value : { problem: `getCustomer ${id} refused: ${result.error?.code} ${result.error?.message}` };
    } catch (error) {
      return { problem: `getCustomer ${id} failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  const views = new Map<number, View>();
  const finalOf = new Map<number, Resolution>();
  await forEachInOrderPerKey(each(ids), concurrency, (id) => id, async (id) => {
    // Reads along the chain until it reaches a live customer, a problem or a loop.
    for (;;) {
      const resolution = follow(id, (current) => views.get(current));
      const unread = 'problem' in resolution ? firstUnread(id, views) : undefined;
      if (unread === undefined) {
        finalOf.set(id, resolution);
        return;
      }
      let pending = reads.get(unread);
      if (!pending) reads.set(unread, (pending = read(unread)));
      views.set(unread, await pending);
    }
  });
  return { finalOf };
}

/** The first customer along `start`'s merge chain not read yet; undefined when the whole chain is known. */
function firstUnread(start: number, views: ReadonlyMap<number, View>): number | undefined {
  const seen = new Set<number>();
  for (let current = start; !seen.has(current); ) {
    seen.add(current);
    const view = views.get(current);
    if (view === undefined) return current;
    if ('problem' in view || view.mergedInto === undefined) return undefined;
    current = view.mergedInto;
  }
  return undefined;
}

/**
 * Follows every id to its live customer; listing when the target has test control, reading otherwise.
 * Never throws: a target that failed or forgot the org (a restart) leaves each id with the problem found.
 */
export async function resolveCustomers(
  session: OrgSession,
  ids: Iterable<number>,
  options: { testControl: boolean; concurrency: number; latency: LatencyRecorder; releaseTranscript?: () => void },
): Promise<Resolved> {
  const all = [...ids];
  if (options.testControl) {
    try {
      return await byListing(session, all, options.latency);
    } catch (error) {
      const listingProblem = `the org's customer listing failed (${error instanceof Error ? error.message : String(error)}); each customer was read instead`;
      return { ...(await byReading(session, all, options.concurrency, options.latency, options.releaseTranscript)), listingProblem };
    }
  }
  return byReading(session, all, options.concurrency, options.latency, options.releaseTranscript);
}
