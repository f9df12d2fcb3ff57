// Subscriptions in the seeds' words: per source profile and channel, a promotional and a transactional
// status, each "opted in" or "opted out". The API's names for the two priorities are BULK and TRANS.
import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { expect } from 'chai';
import { HarnessError, type Subscription, type SubscriptionInput, type SubscriptionPriority, type SubscriptionType } from '../driver/driver.ts';
import type { SourceSpec } from './support/parameter_types.ts';
import type { MemberspecWorld } from './support/world.ts';
import { UNKNOWN_CUSTOMER_ID } from './support/unknown_customer.ts';

/** The seed's switches (seed 002 "Promotional status", "Transactional status") and the API's priorities. */
const PRIORITY_COLUMNS: Readonly<Record<string, SubscriptionPriority>> = { promotional: 'BULK', transactional: 'TRANS' };
const STATUS_WORDS: Readonly<Record<string, SubscriptionType>> = { 'opted in': 'OPTIN', 'opted out': 'OPTOUT' };

function statusOf(word: string): SubscriptionType {
  const type = STATUS_WORDS[word.trim()];
  if (!type) throw new HarnessError(`unknown subscription status "${word}" (use opted in or opted out)`);
  return type;
}

function wordOf(type: SubscriptionType | undefined): string {
  return Object.entries(STATUS_WORDS).find(([, known]) => known === type)?.[0] ?? 'not set';
}

/** The status columns: every column but the ones naming where the entry is (source, account, channel). */
function priorityColumns(table: DataTable): [string, SubscriptionPriority][] {
  const columns = table.raw()[0].filter((column) => !['source', 'account', 'channel'].includes(column));
  return columns.map((column) => {
    const priority = PRIORITY_COLUMNS[column];
    if (!priority) throw new HarnessError(`unknown subscription column "${column}" (use promotional or transactional)`);
    return [column, priority];
  });
}

/** One entry per filled cell: the channel as written, the column's priority, the cell's status. */
function entriesFrom(table: DataTable, source: SourceSpec): SubscriptionInput[] {
  const columns = priorityColumns(table);
  return table.hashes().flatMap((row) =>
    columns
      .filter(([column]) => row[column].trim() !== '')
      .map(([column, priority]) => ({ ...source, channel: row.channel, priority, type: statusOf(row[column]) })),
  );
}

async function setSubscriptions(world: MemberspecWorld, customerId: number, entries: SubscriptionInput[]): Promise<void> {
  world.last = await (await world.session()).updateSubscriptions(customerId, entries);
}

Given('{string} set these subscriptions through {source}:', async function (this: MemberspecWorld, name: string, source: SourceSpec, table: DataTable) {
  await setSubscriptions(this, this.customerId(name), entriesFrom(table, source));
  const last = this.last!;
  if (!last.ok) expect.fail(`setting the subscriptions of "${name}" was refused with error ${last.error.code}: ${last.error.message}`);
});

When('{string} sets these subscriptions through {source}:', async function (this: MemberspecWorld, name: string, source: SourceSpec, table: DataTable) {
  await setSubscriptions(this, this.customerId(name), entriesFrom(table, source));
});

When(
  'a subscription of {string} through {source} is sent with channel {string}, priority {string} and status {string}',
  async function (this: MemberspecWorld, name: string, source: SourceSpec, channel: string, priority: string, type: string) {
    await setSubscriptions(this, this.customerId(name), [{ ...source, channel, priority, type }]);
  },
);

When('a subscription of an unknown customer through {source} is sent', async function (this: MemberspecWorld, source: SourceSpec) {
  await setSubscriptions(this, UNKNOWN_CUSTOMER_ID, [{ ...source, channel: 'email', priority: 'BULK', type: 'OPTOUT' }]);
});

When('the subscriptions of an unknown customer are read', async function (this: MemberspecWorld) {
  this.last = await (await this.session()).getSubscriptions(UNKNOWN_CUSTOMER_ID, {});
});

When('the {source} subscriptions of {string} are read', async function (this: MemberspecWorld, source: SourceSpec, name: string) {
  this.last = await (await this.session()).getSubscriptions(this.customerId(name), source);
});

When('the subscriptions of {string} in every source are read', async function (this: MemberspecWorld, name: string) {
  this.last = await (await this.session()).getSubscriptions(this.customerId(name), {});
});

async function readSubscriptions(world: MemberspecWorld, name: string, source: SourceSpec): Promise<Subscription[]> {
  const result = await (await world.session()).getSubscriptions(world.customerId(name), source);
  const where = source.accountId ? `${source.source} account ${source.accountId}` : source.source;
  if (!result.ok) expect.fail(`reading the ${where} subscriptions of "${name}" was refused with error ${result.error.code}: ${result.error.message}`);
  return result.value.subscriptions;
}

// Only the channels the table names are compared: a target may list channels the scenario never set.
Then('the {source} subscriptions of {string} show:', async function (this: MemberspecWorld, source: SourceSpec, name: string, table: DataTable) {
  const shown = await readSubscriptions(this, name, source);
  const foreign = shown.filter((entry) => entry.source !== source.source || entry.accountId !== (source.accountId ?? ''));
  expect(foreign, `the ${source.source} subscriptions of "${name}" list another source account's entries`).to.deep.equal([]);
  const columns = priorityColumns(table);
  const statusIn = (channel: string, priority: SubscriptionPriority) =>
    wordOf(shown.find((entry) => entry.channel === channel.toLowerCase() && entry.priority === priority)?.type);
  const actual = table.hashes().map((row) => [row.channel, ...columns.map(([, priority]) => statusIn(row.channel, priority))]);
  const expected = table.hashes().map((row) => [row.channel, ...columns.map(([column]) => row[column])]);
  expect(actual, `${name}: ${source.source}${source.accountId ? ` account ${source.accountId}` : ''} subscriptions`).to.deep.equal(expected);
});

// Source ALL named ("are read" above sends no source: the contract's default). Each row names its source
// (and account, for a multi-account source); only the rows named are compared.
Then('the subscriptions of {string} in every source show:', async function (this: MemberspecWorld, name: string, table: DataTable) {
  const result = await (await this.session()).getSubscriptions(this.customerId(name), { source: 'ALL' });
  if (!result.ok) expect.fail(`reading the subscriptions of "${name}" in every source was refused with error ${result.error.code}: ${result.error.message}`);
  const shown = result.value.subscriptions;
  const columns = priorityColumns(table);
  const statusIn = (row: Record<string, string>, priority: SubscriptionPriority) =>
    wordOf(
      shown.find(
        (entry) =>
          entry.source === row.source && entry.accountId === (row.account ?? '') && entry.channel === row.channel.toLowerCase() && entry.priority === priority,
      )?.type,
    );
  const actual = table.hashes().map((row) => [row.source, row.account ?? '', row.channel, ...columns.map(([, priority]) => statusIn(row, priority))]);
  const expected = table.hashes().map((row) => [row.source, row.account ?? '', row.channel, ...columns.map(([column]) => row[column])]);
  expect(actual, `${name}: subscriptions in every source`).to.deep.equal(expected);
});
