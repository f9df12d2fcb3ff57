// The time and the random values the service consumes, behind one seam. A durable store records what each
// logged operation took (recordEntropy) and feeds the same values back when it replays the log
// (replayEntropy), so a replayed operation makes the same till password, OTP, promo code and dates.
// Without either, these are plain crypto and clock calls.
import { randomBytes as cryptoRandomBytes, randomInt as cryptoRandomInt } from 'node:crypto';

/** The values one operation took, in the order it took them. */
export type EntropyTape = (string | number)[];

let recording: EntropyTape | undefined;
let replaying: { readonly tape: EntropyTape; at: number } | undefined;

function take<T extends string | number>(fresh: () => T): T {
  if (replaying && replaying.at < replaying.tape.length) return replaying.tape[replaying.at++] as T;
  const value = fresh();
  recording?.push(value);
  return value;
}

export function randomBytes(size: number): Buffer {
  return Buffer.from(take(() => cryptoRandomBytes(size).toString('hex')), 'hex');
}

/** As crypto.randomInt: randomInt(max) or randomInt(min, max), max excluded. */
export function randomInt(minOrMax: number, max?: number): number {
  return take(() => (max === undefined ? cryptoRandomInt(minOrMax) : cryptoRandomInt(minOrMax, max)));
}

/** The wall clock as ISO 8601, the service's default `now`. */
export function wallClock(): string {
  return take(() => new Date().toISOString());
}

/** Appends to `tape` what `run` (and anything it awaits) takes, until it settles. One at a time. */
export function recordEntropy<T>(tape: EntropyTape, run: () => T): T {
  return within(() => (recording = tape), () => (recording = undefined), run);
}

/** Gives `run` the values of `tape` in order; past its end, fresh values. One at a time. */
export function replayEntropy<T>(tape: EntropyTape, run: () => T): T {
  return within(() => (replaying = { tape, at: 0 }), () => (replaying = undefined), run);
}

function within<T>(start: () => void, end: () => void, run: () => T): T {
  if (recording || replaying) throw new Error('entropy: an operation is already being recorded or replayed');
  start();
  let result: T;
  try {
    result = run();
  } catch (error) {
    end();
    throw error;
  }
  if (result instanceof Promise) return result.finally(end) as T;
  end();
  return result;
}
