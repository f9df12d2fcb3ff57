// The per-person schedulers: one key's items in order and never two at once, at most C in flight
// (closed model); or items at a fixed arrival rate whatever the target's pace (open model).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OrgSession } from '../driver/driver.ts';
import type { SourceProfileRecord } from '../generators/population_format.ts';
import { LatencyRecorder } from './latency.ts';
import { forEachAtRate, forEachInOrderPerKey, sendPopulation } from './send_population.ts';

async function* items<T>(list: T[]): AsyncGenerator<T> {
  yield* list;
}

/** Yields to the event loop a few times, so that handlers interleave. */
const pause = async (turns: number) => {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
};

test('one key\'s items are handled in their order, one at a time; at most C items at once', async () => {
  // person:index, interleaved as a population file interleaves persons.
  const list = ['a:0', 'b:0', 'a:1', 'c:0', 'a:2', 'b:1', 'd:0', 'a:3', 'c:1', 'e:0'];
  const order = new Map<string, number[]>();
  const running = new Set<string>();
  let inFlight = 0;
  let peak = 0;
  await forEachInOrderPerKey(items(list), 3, (item) => item.split(':')[0], async (item) => {
    const [key, index] = item.split(':');
    assert.equal(running.has(key), false, `two items of ${key} at once`);
    running.add(key);
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    // Uneven durations, so that a fast worker would overtake a slow one if the order were not kept.
    await pause(key === 'a' ? 3 : Number(index) + 1);
    inFlight -= 1;
    running.delete(key);
    order.set(key, [...(order.get(key) ?? []), Number(index)]);
  });
  assert.deepEqual(Object.fromEntries(order), { a: [0, 1, 2, 3], b: [0, 1], c: [0, 1], d: [0], e: [0] });
  assert.ok(peak <= 3, `peak ${peak} above the concurrency`);
  assert.ok(peak > 1, 'different keys ran in parallel');
});

test('concurrency 1 handles every item in file order', async () => {
  const list = ['a:0', 'b:0', 'a:1', 'b:1', 'c:0'];
  const seen: string[] = [];
  await forEachInOrderPerKey(items(list), 1, (item) => item[0], async (item) => {
    await pause(1);
    seen.push(item);
  });
  assert.deepEqual(seen, list);
});

test('open model: items are handed over on their schedule, one key\'s items still in order and one at a time', async () => {
  const list = ['a:0', 'b:0', 'a:1', 'c:0', 'a:2'];
  const started: [string, number][] = [];
  const running = new Set<string>();
  const begin = performance.now();
  await forEachAtRate(items(list), 200, (item) => item[0], async (item, dueAt) => {
    assert.equal(running.has(item[0]), false, `two items of ${item[0]} at once`);
    running.add(item[0]);
    started.push([item, dueAt - begin]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    running.delete(item[0]);
  });
  // Due every 5 ms from the start; a's items wait for each other, the others start on time.
  assert.deepEqual(started.map(([item]) => item).filter((item) => item[0] === 'a'), ['a:0', 'a:1', 'a:2']);
  assert.deepEqual(Object.fromEntries(started.map(([item, due]) => [item, Math.round(due / 5)])), { 'a:0': 0, 'b:0': 1, 'a:1': 2, 'c:0': 3, 'a:2': 4 });
});

/** Registrations only, one person each. */
function registrations(count: number): SourceProfileRecord[] {
  return Array.from({ length: count }, (_, index) => ({
    record: 'profile',
    profileId: `p${index}`,
    source: 'INSTORE',
    loyaltyType: 'loyalty',
    identifiers: [{ type: 'mobile', value: `9198000000${String(index).padStart(2, '0')}` }],
    commChannels: [],
    createDate: '2025-03-01T10:00:00.000Z',
    subscriptions: [],
    cards: [],
    transactions: [],
  }));
}

/** A target that answers one registration at a time, each after `serviceMs`: requests queue up in it. */
function slowTarget(serviceMs: number): { session: OrgSession; calledAt: number[] } {
  let queue: Promise<unknown> = Promise.resolve();
  let nextId = 1;
  const calledAt: number[] = [];
  const register = () => {
    calledAt.push(performance.now());
    const answer = queue.then(() => new Promise((resolve) => setTimeout(resolve, serviceMs))).then(() => ({ ok: true, operation: 'registerCustomer', value: { customerId: nextId++ }, warnings: [] }));
    queue = answer;
    return answer;
  };
  return { session: { orgId: 'slow', register } as unknown as OrgSession, calledAt };
}

async function registrationLatency(options: { ratePerSecond?: number }): Promise<{ p99Ms: number; calledAt: number[]; started: number }> {
  const target = slowTarget(60);
  const latency = new LatencyRecorder();
  const profiles = registrations(12);
  const started = performance.now();
  await sendPopulation({
    session: target.session,
    profiles: items(profiles),
    total: profiles.length,
    personOf: (profileId) => Number(profileId.slice(1)),
    concurrency: 1,
    ...options,
    latency,
    sendStatusLabels: false,
    primaryIdentifierType: 'mobile',
  });
  return { p99Ms: latency.summary().registerCustomer.p99Ms, calledAt: target.calledAt, started };
}

test('open model against a slow target: arrivals keep their schedule and the queueing shows in the latency', async () => {
  // 12 registrations arriving every 10 ms at a target that serves one per 60 ms: the last one waits
  // about 12 x 60 - 11 x 10 = 610 ms from its arrival. The closed model sends the next only after an
  // answer, so every one of its registrations looks like 60 ms: the queue it never builds stays hidden.
  const open = await registrationLatency({ ratePerSecond: 100 });
  const closed = await registrationLatency({});
  assert.ok(open.calledAt.at(-1)! - open.started < 400, `the 12th registration was sent ${open.calledAt.at(-1)! - open.started} ms after the start, not on schedule`);
  assert.ok(open.p99Ms >= 450, `open model p99 ${open.p99Ms} ms: the queue in the target must show`);
  assert.ok(closed.p99Ms < open.p99Ms / 2, `closed model p99 ${closed.p99Ms} ms against open ${open.p99Ms} ms`);
});
