// Sends a population's profiles through the driver port: each profile is one registration, then its
// transactions (store and lines included), its subscriptions, its cards and its status label. Every
// answer is tallied; no single answer or failure stops the load.
import { ContractViolationError, HarnessError, type IncomingCustomer, type LookupQuery, type OrgSession, type Result } from '../driver/driver.ts';
import type { SourceProfileRecord } from '../generators/population_format.ts';
import type { LatencyRecorder } from './latency.ts';

/** How many examples of each kind the report keeps. */
const EXAMPLES = 5;

export type FailureKind = 'transport' | 'contractViolation' | 'other';

export interface FailureExample {
  readonly profileId: string;
  readonly operation: string;
  readonly kind: FailureKind;
  readonly message: string;
}

export interface RefusalExample {
  readonly profileId: string;
  readonly operation: string;
  readonly code: number | null;
  readonly message: string;
}

export interface OperationCounts {
  readonly sent: number;
  readonly accepted: number;
  /** Refusals by error code (the first error of the answer). */
  readonly rejected: Readonly<Record<string, number>>;
  /** Transport errors and answers outside the contract. */
  readonly failed: number;
}

/** Calls made for a registered profile; a refused or failed registration skips them. */
export type FollowUpCounts = OperationCounts & {
  /** Calls of profiles whose registration was refused or failed: not sent. */
  readonly skipped: number;
};

export interface SendTally {
  readonly profiles: { readonly total: number; readonly sent: number };
  readonly registrations: OperationCounts & {
    /** Accepted registrations answered with a customer id not seen before in this run. */
    readonly newCustomer: number;
    /** Accepted registrations answered with a customer an earlier profile or transaction already had. */
    readonly existingCustomer: number;
  };
  readonly transactions: FollowUpCounts;
  /** One updateSubscriptions call per profile with subscriptions, through the profile's source account. */
  readonly subscriptionUpdates: FollowUpCounts;
  /** One addCard (link the number) per card of a profile. */
  readonly cardLinks: FollowUpCounts;
  /** One changeStatusLabel per profile with a status label, when the org has labels and customer status on. */
  readonly statusLabelChanges: FollowUpCounts;
  /** Warning codes of accepted answers (merges, ignored identifiers, ...). */
  readonly warnings: Readonly<Record<string, number>>;
  /** Population fields the contract does not carry yet: how many values were not sent. */
  readonly notSent: Readonly<Record<string, number>>;
  readonly failures: Readonly<Record<FailureKind, number>> & { readonly examples: readonly FailureExample[] };
  readonly refusalExamples: readonly RefusalExample[];
}

export interface SendProgress {
  readonly total: number;
  readonly sent: number;
  readonly rejected: number;
  readonly failed: number;
}

export interface SendOptions {
  readonly session: OrgSession;
  readonly profiles: AsyncIterable<SourceProfileRecord>;
  readonly total: number;
  /** The true person of a profile: one person's profiles are sent in file order, one at a time. */
  readonly personOf: (profileId: string) => number;
  readonly concurrency: number;
  /**
   * Open model: profiles arrive at this many per second whatever the target's latency, and a profile's
   * registration is timed from its arrival (no coordinated omission); `concurrency` is then ignored.
   */
  readonly ratePerSecond?: number;
  readonly latency: LatencyRecorder;
  readonly onProgress?: (progress: SendProgress) => void;
  /** The org declares status labels and turns customer status on: profiles' status labels are sent. */
  readonly sendStatusLabels: boolean;
  /** The org's CONF_REGISTRATION_PRIMARY_KEY (mobile, email or externalId). */
  readonly primaryIdentifierType: string;
  /** Called after each profile: the driver keeps every exchange for reports, which a load must not. */
  readonly releaseTranscript?: () => void;
  /** Aborted: no further profile is taken; the ones in flight finish. */
  readonly signal?: AbortSignal;
}

/** The items until the signal aborts (then the iteration ends as if the file had). */
async function* untilAborted<T>(items: AsyncIterable<T>, signal: AbortSignal | undefined): AsyncGenerator<T> {
  for await (const item of items) {
    if (signal?.aborted) return;
    yield item;
  }
}

export interface SendOutcome {
  readonly tally: SendTally;
  /** The customer id each accepted registration answered, by profileId. */
  readonly answered: ReadonlyMap<string, number>;
  /** Every customer id any answer named. */
  readonly customerIds: ReadonlySet<number>;
  /** The customer ids counted as registrations.newCustomer (so shards' counts can be combined). */
  readonly newCustomerIds: ReadonlySet<number>;
}

/**
 * Runs `handle` on every item with at most `concurrency` at a time, keeping the items of one key in
 * their order and never two of one key at once: the worker that takes a key's item also takes the
 * key's items that arrive meanwhile.
 */
export async function forEachInOrderPerKey<T, K>(
  items: AsyncIterable<T>,
  concurrency: number,
  keyOf: (item: T) => K,
  handle: (item: T) => Promise<void>,
): Promise<void> {
  const iterator = items[Symbol.asyncIterator]();
  const busy = new Map<K, T[]>();
  async function worker(): Promise<void> {
    for (;;) {
      // An async generator queues concurrent next() calls, so workers share it safely.
      const next = await iterator.next();
      if (next.done) return;
      const key = keyOf(next.value);
      const queue = busy.get(key);
      if (queue) {
        queue.push(next.value);
        continue;
      }
      const mine: T[] = [next.value];
      busy.set(key, mine);
      // No await between the emptiness check and the delete: nothing can slip into the queue unseen.
      while (mine.length > 0) await handle(mine.shift()!);
      busy.delete(key);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
}

/** Open model: at most this many persons in flight; past it arrivals wait, and the wait counts as latency. */
export const MAX_PERSONS_IN_FLIGHT = 10_000;

/**
 * Open model: the k-th item is due k / ratePerSecond seconds after the start and is handed to `handle`
 * with that due time, whatever earlier items still wait for (the schedule never slips to the target's
 * pace). Items of one key still go one at a time, in order: an item whose key is busy queues behind it.
 */
export async function forEachAtRate<T, K>(
  items: AsyncIterable<T>,
  ratePerSecond: number,
  keyOf: (item: T) => K,
  handle: (item: T, dueAt: number) => Promise<void>,
  maxInFlight = MAX_PERSONS_IN_FLIGHT,
): Promise<void> {
  const busy = new Map<K, { item: T; dueAt: number }[]>();
  const chains = new Set<Promise<void>>();
  const start = performance.now();
  let index = 0;
  for await (const item of items) {
    const dueAt = start + (index++ * 1000) / ratePerSecond;
    const wait = dueAt - performance.now();
    if (wait >= 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const key = keyOf(item);
    const queue = busy.get(key);
    if (queue) {
      queue.push({ item, dueAt });
      continue;
    }
    while (chains.size >= maxInFlight) await Promise.race(chains);
    const mine = [{ item, dueAt }];
    busy.set(key, mine);
    const chain = (async () => {
      while (mine.length > 0) {
        const next = mine.shift()!;
        await handle(next.item, next.dueAt);
      }
      busy.delete(key);
    })();
    chains.add(chain);
    void chain.finally(() => chains.delete(chain));
  }
  await Promise.all(chains);
}

function increment(record: Record<string, number>, key: string, by = 1): void {
  if (by !== 0) record[key] = (record[key] ?? 0) + by;
}

function incomingCustomer(profile: SourceProfileRecord): IncomingCustomer {
  return {
    source: profile.source,
    ...(profile.accountId !== undefined ? { accountId: profile.accountId } : {}),
    loyaltyType: profile.loyaltyType,
    ...(profile.firstName !== undefined ? { firstName: profile.firstName } : {}),
    ...(profile.lastName !== undefined ? { lastName: profile.lastName } : {}),
    identifiers: profile.identifiers.map(({ type, value }) => ({ type, value })),
    commChannels: profile.commChannels.map((channel) => ({ ...channel })),
  };
}

type MutableCounts = { sent: number; accepted: number; rejected: Record<string, number>; failed: number; skipped: number };

const followUpCounts = (): MutableCounts => ({ sent: 0, accepted: 0, rejected: {}, failed: 0, skipped: 0 });

/** The status change looks the customer up as this profile: its source account and first identifier. */
/**
 * The profile's customer as the status API finds it: by the org's primary identifier when the profile
 * has one (under dual eligibility secondary identifiers are shared and do not single a customer out),
 * else by its first identifier.
 */
function profileLookup(profile: SourceProfileRecord, primaryIdentifierType: string): LookupQuery {
  const primary = profile.identifiers.find((identifier) => identifier.type === primaryIdentifierType) ?? profile.identifiers[0];
  return {
    source: profile.source,
    ...(profile.accountId !== undefined ? { accountId: profile.accountId } : {}),
    identifiers: primary ? [{ type: primary.type, value: primary.value }] : [],
  };
}

/** Why the population's status labels are sent: the profile's label is the person's, given with this reason. */
const STATUS_REASON = 'loaded from a generated population';

export async function sendPopulation(options: SendOptions): Promise<SendOutcome> {
  const { session, latency } = options;
  const registrations = { sent: 0, accepted: 0, rejected: {} as Record<string, number>, failed: 0, newCustomer: 0, existingCustomer: 0 };
  const transactions = followUpCounts();
  const subscriptionUpdates = followUpCounts();
  const cardLinks = followUpCounts();
  const statusLabelChanges = followUpCounts();
  const warnings: Record<string, number> = {};
  const notSent: Record<string, number> = {};
  const failures = { transport: 0, contractViolation: 0, other: 0, examples: [] as FailureExample[] };
  const refusalExamples: RefusalExample[] = [];
  const answered = new Map<string, number>();
  const customerIds = new Set<number>();
  const newCustomerIds = new Set<number>();
  let sentProfiles = 0;

  const progress = () =>
    options.onProgress?.({
      total: options.total,
      sent: sentProfiles,
      rejected: Object.values(registrations.rejected).reduce((a, b) => a + b, 0),
      failed: failures.transport + failures.contractViolation + failures.other,
    });

  /** One contract call: timed, its warnings tallied; a thrown failure is counted and becomes undefined. */
  async function call<T>(profileId: string, operation: string, send: () => Promise<Result<T>>, started = performance.now()): Promise<Result<T> | undefined> {
    try {
      const result = await send();
      latency.record(result.operation, performance.now() - started);
      if (result.ok) for (const item of result.warnings) increment(warnings, String(item.code));
      return result;
    } catch (error) {
      const kind: FailureKind =
        error instanceof ContractViolationError ? 'contractViolation' : error instanceof HarnessError ? 'transport' : 'other';
      failures[kind] += 1;
      if (failures.examples.length < EXAMPLES) {
        failures.examples.push({ profileId, operation, kind, message: error instanceof Error ? error.message : String(error) });
      }
      return undefined;
    }
  }

  function refused(profileId: string, result: Extract<Result<unknown>, { ok: false }>, into: Record<string, number>): void {
    const code = result.error?.code;
    increment(into, code === undefined ? `HTTP ${result.status}` : String(code));
    if (refusalExamples.length < EXAMPLES) {
      refusalExamples.push({ profileId, operation: result.operation, code: code ?? null, message: result.error?.message ?? `HTTP ${result.status}` });
    }
  }

  function sawCustomer(customerId: number): boolean {
    const seen = customerIds.has(customerId);
    customerIds.add(customerId);
    return seen;
  }

  /** Sends one call for a registered profile and counts its answer; the accepted value, if any. */
  async function followUp<T>(profileId: string, operation: string, counts: MutableCounts, send: () => Promise<Result<T>>): Promise<T | undefined> {
    counts.sent += 1;
    const result = await call(profileId, operation, send);
    if (!result) counts.failed += 1;
    else if (!result.ok) refused(profileId, result, counts.rejected);
    else {
      counts.accepted += 1;
      return result.value;
    }
    return undefined;
  }

  /** `dueAt` (open model): when the profile arrived; its registration is timed from then. */
  async function sendProfile(profile: SourceProfileRecord, dueAt?: number): Promise<void> {
    const customer = incomingCustomer(profile);
    const through = { source: profile.source, ...(profile.accountId !== undefined ? { accountId: profile.accountId } : {}) };
    const labelled = profile.statusLabel !== undefined;
    // Fields the contract does not carry: counted so that the figures show what a load left out.
    if (labelled && !options.sendStatusLabels) increment(notSent, 'statusLabel');
    increment(notSent, 'cardSeriesCode', profile.cards.filter((card) => card.seriesCode !== undefined).length);

    registrations.sent += 1;
    const registration = await call(profile.profileId, 'registerCustomer', () => session.register({ ...customer, createDate: profile.createDate }), dueAt);
    sentProfiles += 1;
    if (!registration) registrations.failed += 1;
    else if (!registration.ok) refused(profile.profileId, registration, registrations.rejected);
    else {
      registrations.accepted += 1;
      const { customerId } = registration.value;
      answered.set(profile.profileId, customerId);
      if (sawCustomer(customerId)) registrations.existingCustomer += 1;
      else {
        registrations.newCustomer += 1;
        newCustomerIds.add(customerId);
      }
    }
    if (!registration?.ok) {
      // A refused profile changes nothing; its purchases and the rest would register the same data by another door.
      transactions.skipped += profile.transactions.length;
      if (profile.subscriptions.length > 0) subscriptionUpdates.skipped += 1;
      cardLinks.skipped += profile.cards.length;
      if (labelled && options.sendStatusLabels) statusLabelChanges.skipped += 1;
      options.releaseTranscript?.();
      progress();
      return;
    }
    // The customer this profile is in now: a bill can merge it into another.
    let current = registration.value.customerId;
    for (const transaction of profile.transactions) {
      const lineItems = transaction.lineItems ?? [];
      const outcome = await followUp(profile.profileId, 'addTransaction', transactions, () =>
        session.addTransaction({
          billNumber: transaction.billNumber,
          billAmount: transaction.billAmount,
          customer,
          billingTime: transaction.billDate,
          ...(transaction.storeCode !== undefined ? { storeCode: transaction.storeCode } : {}),
          ...(lineItems.length > 0 ? { lineItems: lineItems.map((item) => ({ ...item })) } : {}),
        }),
      );
      if (outcome) {
        sawCustomer(outcome.customerId);
        current = outcome.customerId;
      }
    }
    if (profile.subscriptions.length > 0) {
      const entries = profile.subscriptions.map((entry) => ({ ...through, channel: entry.channel, priority: entry.type, type: entry.status }));
      await followUp(profile.profileId, 'updateSubscriptions', subscriptionUpdates, () => session.updateSubscriptions(current, entries));
    }
    for (const card of profile.cards) {
      await followUp(profile.profileId, 'addCard', cardLinks, () => session.addCard(current, { number: card.cardNumber }, through));
    }
    // Last, so that a label's restrictions cannot refuse this profile's own bills and cards.
    if (labelled && options.sendStatusLabels) {
      await followUp(profile.profileId, 'changeStatusLabel', statusLabelChanges, () =>
        session.changeStatusLabel(profileLookup(profile, options.primaryIdentifierType), { label: profile.statusLabel!, reason: STATUS_REASON }),
      );
    }
    options.releaseTranscript?.();
    progress();
  }

  // Concurrency is per person: a profile's outcome depends on the profiles sent before it (the second
  // profile of a person merges into the customer the first one created), so one person's profiles go
  // in file order, one at a time, while different persons may go in parallel. Between persons the
  // order matters only where they collide (shared identifiers); concurrency 1 keeps that reproducible.
  const personOf = (profile: SourceProfileRecord) => options.personOf(profile.profileId);
  const profiles = untilAborted(options.profiles, options.signal);
  if (options.ratePerSecond !== undefined) await forEachAtRate(profiles, options.ratePerSecond, personOf, sendProfile);
  else await forEachInOrderPerKey(profiles, options.concurrency, personOf, (profile) => sendProfile(profile));

  return {
    tally: {
      profiles: { total: options.total, sent: sentProfiles },
      registrations,
      transactions,
      subscriptionUpdates,
      cardLinks,
      statusLabelChanges,
      warnings,
      notSent,
      failures,
      refusalExamples,
    },
    answered,
    customerIds,
    newCustomerIds,
  };
}
