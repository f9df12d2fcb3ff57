// The per-person scheduler: one key's items in order and never two at once, at most C in flight.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachInOrderPerKey } from './send_population.ts';

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
