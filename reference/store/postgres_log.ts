// The PostgreSQL store: the in-memory service stays the working set, and every request that changed it is
// a row of one log table (the service calls it made, with their arguments and the time and random values
// they took), committed before the request is answered. Starting on a database replays the log, so ids,
// till names and card sequences come out of the replayed state and never repeat.
//
// Several processes on one database: a request first claims the next log position by inserting its row
// (primary key `seq`) in a transaction, then runs on the in-memory state and commits (or rolls back when it
// changed nothing). A second process claiming the same position waits for that transaction; if it commits,
// the insert fails with a duplicate key, and the process replays what it missed and claims again. So the
// database's unique constraint orders every request of every process, and each runs on the state left by
// all before it. The log is one sequence, not one per org, because customer, transaction and ledger ids
// are global: replaying orgs in another interleaving would number them differently. Requests that arrive
// while one runs are run and committed together next (group commit: one row, one wait for the disk).
import pg from 'pg';
import { createIdentityService, type IdentityServiceOptions } from '../service/create_identity_service.ts';
import { recordEntropy, replayEntropy, type EntropyTape } from '../service/entropy.ts';
import type { IdentityService } from '../service/identity_service.ts';
import { createMemoryStore } from './memory_store.ts';
import type { Store } from './store.ts';

export const LOG_TABLE = 'memberspec_log';

/** Service calls that only read; every other call is logged (a read that ran due expiry jobs is a write). */
const READS = new Set([
  'authenticate',
  'lookup',
  'getCustomer',
  'getCustomerByIdentifier',
  'listCustomers',
  'listTransactions',
  'getSubscriptions',
  'statusLog',
  'cardHolder',
  'checkCardAvailability',
  'sentMessages',
  'brandNotifications',
  'promotionCodes',
  'couponSeries',
  'customerRedemptions',
  'queryAudience',
  'getUserGroup',
  'groupTransactions',
  'orgNow',
  'authorizeCustomerCall',
]);

/** One logged service call. */
interface LoggedCall {
  readonly method: string;
  /** The arguments in the tagged JSON of encodeValue. */
  readonly args: string;
  readonly tape: EntropyTape;
}

type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/** A request waiting for its batch. */
interface PendingRequest {
  readonly work: () => Promise<unknown>;
  settle(outcome: Outcome): void;
}

/** Requests run under one claim and committed as one log row, at most. */
const MAX_BATCH = 64;

/** A problem reaching or using the database, in one line (a bad URL, an unreachable server). */
export class StoreUnavailableError extends Error {}

export interface PostgresService {
  readonly service: IdentityService & { listTransactions: ReturnType<typeof createIdentityService>['listTransactions'] };
  /**
   * Runs one request: claims the next log position, runs `work`, commits what it changed, then settles.
   * Requests that arrive meanwhile are run and committed together, after it.
   */
  unitOfWork<T>(work: () => Promise<T>): Promise<T>;
  /** The working set (read it only between units of work: tests compare a replay with a live server). */
  readonly store: Store;
  /** Log rows replayed at start and since (for tests and the bench). */
  readonly stats: { replayedAtStart: number; caughtUp: number; claimConflicts: number; committed: number };
  close(): Promise<void>;
}

export interface PostgresServiceOptions extends IdentityServiceOptions {
  /** Called when the state in memory can no longer be made durable (the connection broke mid-request). */
  readonly onFatal?: (error: Error) => void;
}

/** `postgres://` or `postgresql://`; anything else is refused in one line. */
export function checkPostgresUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StoreUnavailableError(`the store must be "memory" or a postgres:// URL, got ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new StoreUnavailableError(`the store must be "memory" or a postgres:// URL, got a ${parsed.protocol} URL`);
  }
  return parsed;
}

/** Where the URL points, without its password: for messages. */
export function describeDatabase(url: URL): string {
  const socket = url.searchParams.get('host');
  const where = url.hostname ? `${url.hostname}${url.port ? `:${url.port}` : ''}` : (socket ?? 'the default socket');
  return `PostgreSQL at ${where}${url.pathname.length > 1 ? url.pathname : ''}`;
}

// ---- arguments as JSON that keeps undefined, bigint and Date ------------------------------------------------
// Markers are objects with one key starting with "~"; a key of the caller's that starts with "~" gets one more.

export function encodeValue(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, current: unknown) {
    const original = this[key];
    if (original instanceof Date) return { '~d': original.toISOString() };
    if (current === undefined) return { '~u': 1 };
    if (typeof current === 'bigint') return { '~b': current.toString() };
    if (typeof current === 'function' || current instanceof Map || current instanceof Set) {
      throw new Error(`postgres log: cannot log a ${typeof current === 'function' ? 'function' : current.constructor.name} argument (${key})`);
    }
    if (current !== null && typeof current === 'object' && !Array.isArray(current)) {
      const escaped: Record<string, unknown> = {};
      for (const [name, inner] of Object.entries(current)) define(escaped, name.startsWith('~') ? `~${name}` : name, inner);
      return escaped;
    }
    return current;
  });
}

export function decodeValue(text: string): unknown {
  return revive(JSON.parse(text));
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  const record = value as Record<string, unknown>;
  if (keys.length === 1) {
    if (keys[0] === '~u') return undefined;
    if (keys[0] === '~b') return BigInt(record['~b'] as string);
    if (keys[0] === '~d') return new Date(record['~d'] as string);
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) define(out, key.startsWith('~') ? key.slice(1) : key, revive(record[key]));
  return out;
}

// ---- the service over the log ---------------------------------------------------------------------------

const isPromise = (value: unknown): value is Promise<unknown> => value instanceof Promise;

/** Connects, creates the log table if needed, replays it, and hands back the service with its unit of work. */
export async function openPostgresService(url: string, options: PostgresServiceOptions = {}): Promise<PostgresService> {
  const parsed = checkPostgresUrl(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000, application_name: 'memberspec' });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new StoreUnavailableError(`cannot reach ${describeDatabase(parsed)}: ${(error as Error).message || (error as { code?: string }).code}`);
  }
  let closing = false;
  const fatal = (error: Error) => {
    if (closing) return;
    if (options.onFatal) options.onFatal(error);
    else throw error;
  };
  client.on('error', (error) => fatal(error));
  // Two processes starting at once must not both create the table: an advisory lock orders them.
  await client.query(`BEGIN; SELECT pg_advisory_xact_lock(20261414);
    CREATE TABLE IF NOT EXISTS ${LOG_TABLE} (seq bigint PRIMARY KEY, calls text NOT NULL, committed_at timestamptz NOT NULL DEFAULT now());
    COMMIT`);

  const store = createMemoryStore();
  const raw = createIdentityService(store, options);
  const rawCalls = raw as unknown as Record<string, (...args: unknown[]) => unknown>;
  let applied = 0;
  let recording: LoggedCall[] | undefined;
  const stats = { replayedAtStart: 0, caughtUp: 0, claimConflicts: 0, committed: 0 };

  const wrapped: Record<string, unknown> = {};
  for (const [method, operation] of Object.entries(raw)) {
    if (typeof operation !== 'function') continue;
    if (READS.has(method)) {
      wrapped[method] = operation;
      continue;
    }
    wrapped[method] = (...args: unknown[]) => {
      if (!recording) throw new Error(`postgres store: ${method} called outside a unit of work`);
      const call: LoggedCall = { method, args: encodeValue(args), tape: [] };
      recording.push(call);
      return recordEntropy(call.tape, () => operation(...args));
    };
  }

  const replay = async (calls: readonly LoggedCall[]): Promise<void> => {
    for (const call of calls) {
      const args = decodeValue(call.args) as unknown[];
      try {
        const result = replayEntropy(call.tape, () => rawCalls[call.method](...args));
        if (isPromise(result)) await result;
      } catch {
        // It was refused the first time too: a refusal changes nothing.
      }
    }
  };

  const catchUp = async (): Promise<number> => {
    const { rows } = await client.query<{ seq: string; calls: string }>(`SELECT seq, calls FROM ${LOG_TABLE} WHERE seq > $1 ORDER BY seq`, [applied]);
    for (const row of rows) {
      await replay(JSON.parse(row.calls) as LoggedCall[]);
      applied = Number(row.seq);
    }
    return rows.length;
  };

  stats.replayedAtStart = await catchUp();

  /** Inserts this request's row at the next position, inside an open transaction; replays first when another process took it. */
  const claim = async (): Promise<void> => {
    for (;;) {
      try {
        await client.query(`BEGIN; INSERT INTO ${LOG_TABLE} (seq, calls) VALUES (${applied + 1}, '[]')`);
        return;
      } catch (error) {
        await client.query('ROLLBACK');
        if ((error as { code?: string }).code !== '23505') throw error;
        stats.claimConflicts += 1;
        stats.caughtUp += await catchUp();
      }
    }
  };

  // Group commit: requests that arrive while a batch is running wait, then run one after another under
  // one claim and one commit (one log row), and are all answered after it. One at a time per process.
  const pending: PendingRequest[] = [];
  let draining: Promise<void> | undefined;

  const runBatch = async (batch: PendingRequest[]): Promise<void> => {
    try {
      await claim();
    } catch (error) {
      for (const request of batch) request.settle({ ok: false, error });
      return;
    }
    const calls: LoggedCall[] = [];
    const outcomes: Outcome[] = [];
    for (const request of batch) {
      recording = calls;
      try {
        outcomes.push({ ok: true, value: await request.work() });
      } catch (error) {
        outcomes.push({ ok: false, error });
      } finally {
        recording = undefined;
      }
    }
    try {
      if (calls.length > 0) {
        await client.query(`UPDATE ${LOG_TABLE} SET calls = ${client.escapeLiteral(JSON.stringify(calls))} WHERE seq = ${applied + 1}; COMMIT`);
        applied += 1;
        stats.committed += 1;
      } else {
        await client.query('ROLLBACK');
      }
    } catch (error) {
      // Memory holds a change the database does not: this process cannot go on answering from it.
      const lost = new StoreUnavailableError(`the PostgreSQL store lost a commit: ${(error as Error).message}`);
      for (const request of batch) request.settle({ ok: false, error: lost });
      fatal(lost);
      return;
    }
    batch.forEach((request, i) => request.settle(outcomes[i]));
  };

  const drain = async (): Promise<void> => {
    while (pending.length > 0) await runBatch(pending.splice(0, MAX_BATCH));
    draining = undefined;
  };

  const unitOfWork = <T>(work: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      pending.push({ work, settle: (outcome) => (outcome.ok ? resolve(outcome.value as T) : reject(outcome.error)) });
      draining ??= drain();
    });

  return {
    service: wrapped as unknown as PostgresService['service'],
    store,
    unitOfWork,
    stats,
    close: async () => {
      closing = true;
      await draining;
      await client.end();
    },
  };
}
