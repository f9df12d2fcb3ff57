// Subscriptions (seed 000 "Managing subscription", seed 002 "Subscription status"): per source account and
// channel, a customer opts in or out of transactional (TRANS) and promotional (BULK) messages separately.
// An update is checked whole before anything changes; one bad entry refuses the request.
import type { Changeset } from './changeset.ts';
import { DomainError } from './errors.ts';
import { validateSourceAccount } from './incoming_customer.ts';
import { findProfile } from './profiles.ts';
import { ALL_SOURCES, CHANNELS } from './sources.ts';
import type {
  Customer,
  Subscription,
  SubscriptionFilter,
  SubscriptionInput,
  SubscriptionPriority,
  SubscriptionType,
} from './types.ts';

/** The API's names and the seeds' words for the two priorities. */
const PRIORITIES: Readonly<Record<string, SubscriptionPriority>> = {
  trans: 'TRANS',
  transactional: 'TRANS',
  bulk: 'BULK',
  promotional: 'BULK',
};

const TYPES: Readonly<Record<string, SubscriptionType>> = { optin: 'OPTIN', optout: 'OPTOUT' };

/** The API echoes the mobile channel as SMS and accepts both names. */
const CHANNEL_ALIASES: Readonly<Record<string, string>> = { sms: 'mobile' };

/** The channel in its lowercase form (SMS is mobile), or 1101. */
export function subscriptionChannel(name: string): string {
  const lower = name.toLowerCase();
  const channel = CHANNEL_ALIASES[lower] ?? lower;
  if (!CHANNELS.includes(channel)) throw new DomainError(1101, name);
  return channel;
}

/** TRANS or BULK (transactional and promotional are their aliases), or 1102. */
export function subscriptionPriority(name: string): SubscriptionPriority {
  const priority = PRIORITIES[name.toLowerCase()];
  if (!priority) throw new DomainError(1102, name);
  return priority;
}

/** OPTIN or OPTOUT, or 1106. */
export function subscriptionType(name: string): SubscriptionType {
  const type = TYPES[name.toLowerCase()];
  if (!type) throw new DomainError(1106, name);
  return type;
}

function sameSlot(a: Subscription, b: Subscription): boolean {
  return a.source === b.source && a.accountId === b.accountId && a.channel === b.channel && a.priority === b.priority;
}

/**
 * Checks every entry against the customer: names (1101, 1102, 1106), source (8004, 3217, 8045) and a source
 * account the customer has a profile in (8127). Throws on the first bad entry; returns them normalised.
 */
export function validateSubscriptions(customer: Customer, inputs: readonly SubscriptionInput[]): Subscription[] {
  return inputs.map((input) => {
    const { source, accountId } = validateSourceAccount(input.source, input.accountId);
    const channel = subscriptionChannel(input.channel);
    const priority = subscriptionPriority(input.priority);
    const type = subscriptionType(input.type);
    // Stryker disable next-line StringLiteral: error detail wording, not pinned by the contract
    if (!findProfile(customer, source, accountId)) throw new DomainError(8127, accountId ? `${source} account ${accountId}` : source);
    return { source, accountId, channel, priority, type };
  });
}

/** The customer's subscriptions after `updates`: each replaces the one of its source account, channel and priority. */
export function withSubscriptions(current: readonly Subscription[], updates: readonly Subscription[]): Subscription[] {
  const result = [...current];
  for (const update of updates) {
    const index = result.findIndex((known) => sameSlot(known, update));
    if (index >= 0) result[index] = update;
    else result.push(update);
  }
  return result;
}

/** Sets subscriptions of a customer inside `changeset`: 8009 unknown, 8067 merge victim; nothing changes on a refusal. */
export function updateSubscriptions(changeset: Changeset, customerId: number, inputs: readonly SubscriptionInput[]): Subscription[] {
  const current = changeset.peek(customerId);
  if (!current) throw new DomainError(8009);
  if (current.mergedInto !== undefined) throw new DomainError(8067, current.mergedInto);
  const updates = validateSubscriptions(current, inputs);
  const customer = changeset.edit(customerId);
  customer.subscriptions = withSubscriptions(customer.subscriptions ?? [], updates);
  return updates;
}

/**
 * The subscriptions set for one source account (or, with source ALL or none, for every account), in the order
 * they were first set: no document orders them. What was never set is not listed. 3217/8045/8127 as for an update.
 */
export function readSubscriptions(customer: Customer, filter: SubscriptionFilter): Subscription[] {
  const selected = customer.subscriptions ?? [];
  if (filter.source === undefined || filter.source.toUpperCase() === ALL_SOURCES) return selected;
  const { source, accountId } = validateSourceAccount(filter.source, filter.accountId);
  // Stryker disable next-line StringLiteral: error detail wording, not pinned by the contract
  if (!findProfile(customer, source, accountId)) throw new DomainError(8127, accountId ? `${source} account ${accountId}` : source);
  return selected.filter((known) => known.source === source && known.accountId === accountId);
}
