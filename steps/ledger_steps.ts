// Seed 003 "Points ledger": the ledger's entries and pages, its filters and closing balances, and the
// operations that write its events (returns, transfers, reversals, merges). Every expectation comes
// from the feature; the target's answers are read through the Driver only.
import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { expect } from 'chai';
import {
  HarnessError,
  type ClosingBalanceView,
  type LedgerEntryView,
  type LedgerPageView,
  type LedgerViewRequest,
  type OrgSession,
  type Result,
  type ReturnOutcome,
} from '../driver/driver.ts';
import type { IdentifierSpec, SourceSpec } from './support/parameter_types.ts';
import type { MemberspecWorld } from './support/world.ts';

/** An id no customer of any org has. */
const UNKNOWN_ID = 2147483647;
const DAY_MS = 24 * 60 * 60 * 1000;

function mustSucceed<T>(result: Result<T>, what: string): T {
  if (!result.ok) expect.fail(`${what} was refused with error ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The seed's category words (Regular, Promised, Trigger-based) as the API names them. */
function categoryName(word: string): string {
  const key = word.trim().toLowerCase();
  const names: Record<string, string> = { regular: 'REGULAR', promised: 'PROMISED', 'trigger-based': 'TRIGGER_BASED', 'trigger based': 'TRIGGER_BASED' };
  return names[key] ?? word.trim().toUpperCase();
}

function categoryWord(name: string): string {
  return ({ REGULAR: 'Regular', PROMISED: 'Promised', TRIGGER_BASED: 'Trigger-based' } as Record<string, string>)[name] ?? name;
}

/** "2026-01-05T10:00:00Z" and "2026-01-05 10:00" name the same instant; a feature writes either. */
function instant(text: string): number {
  const time = Date.parse(/[zZ]|[+-]\d{2}:\d{2}$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
  if (Number.isNaN(time)) throw new HarnessError(`"${text}" is not a date and time`);
  return time;
}

/** A ledger event's entries as table rows, in the columns the feature's table names. */
function rows(world: MemberspecWorld, events: readonly LedgerEntryView[], columns: readonly string[]): Record<string, string>[] {
  return events.flatMap((event) =>
    event.entries.map((entry) => {
      const all: Record<string, string> = {
        event: event.eventName,
        entry: entry.entryType,
        points: String(entry.points),
        category: categoryWord(entry.category),
        program: entry.programName ?? String(entry.programId),
        'points on event': String(event.pointsOnEvent),
        reason: event.reason ?? '',
        source: event.source ?? '',
        bill: billName(world, event.transactionNumber),
      };
      return Object.fromEntries(columns.map((column) => [column, all[column] ?? `(no column "${column}")`]));
    }),
  );
}

/** The feature's name of a bill from its number ('' for none). */
function billName(world: MemberspecWorld, number: string | undefined): string {
  if (number === undefined) return '';
  for (const [name, bill] of world.bills) if (bill.billNumber === number) return name;
  return number;
}

function expectRows(world: MemberspecWorld, events: readonly LedgerEntryView[], table: DataTable, what: string): void {
  const expected = table.hashes();
  const columns = table.raw()[0];
  expect(rows(world, events, columns), what).to.deep.equal(expected);
}

/** The ledger as far as a scenario reaches: the default 7 days, or the 60 days up to a clock the scenario set. */
async function wholeLedger(world: MemberspecWorld, name: string): Promise<LedgerEntryView[]> {
  const view = world.clock === undefined ? {} : { startDate: ledgerDate(world.clock - 60 * DAY_MS), endDate: ledgerDate(world.clock) };
  return mustSucceed(await (await world.session()).pointsLedger(world.customerId(name), view), `reading the ledger of "${name}"`);
}

/** A date as the ledger API writes it: yyyy-MM-ddTHH:mm:ss, UTC. */
function ledgerDate(time: number): string {
  return new Date(time).toISOString().slice(0, 19);
}

/** The opening balance event: first in the ledger, opening-balance entries only. */
function splitOpening(name: string, events: readonly LedgerEntryView[]): { opening: LedgerEntryView; rest: LedgerEntryView[] } {
  expect(events.length, `the ledger of "${name}" has entries`).to.be.above(0);
  const [opening, ...rest] = events;
  expect(
    opening.entries.map((entry) => entry.entryType),
    `the first event of the ledger of "${name}" (${opening.eventName}) holds its opening balance entries only`,
  ).to.satisfy((types: string[]) => types.length > 0 && types.every((type) => type === 'OPENING_BALANCE'));
  expect(rest.flatMap((event) => event.entries).filter((entry) => entry.entryType === 'OPENING_BALANCE'), `opening balances after the first event of "${name}"`).to.deep.equal([]);
  return { opening, rest };
}

function bill(world: MemberspecWorld, name: string) {
  const known = world.bills.get(name);
  if (!known) throw new HarnessError(`no bill "${name}" in this scenario`);
  return known;
}

// ---- setup

Given('a bill {string} of {float} was paid through {source} with {identifiers}', async function (this: MemberspecWorld, name: string, amount: number, source: SourceSpec, ids: IdentifierSpec[]) {
  const billNumber = this.nextBillNumber();
  const session = await this.session();
  const result = await session.addTransaction({ billNumber, billAmount: amount, customer: this.incomingCustomer(source, 'loyalty', this.identifiers(ids)) });
  const outcome = mustSucceed(result, `the bill "${name}"`);
  this.bills.set(name, { billNumber, transactionId: outcome.transactionId, customer: String(outcome.customerId) });
});

Given('{string} has been given {int} goodwill points {int} times', async function (this: MemberspecWorld, name: string, points: number, times: number) {
  const session = await this.session();
  for (let time = 1; time <= times; time++) {
    mustSucceed(await session.giveGoodwillPoints(this.customerId(name), points, `gesture ${time}`), `goodwill points for "${name}" (${time})`);
  }
});

async function redeem(world: MemberspecWorld, name: string, points: number, billNumber?: string): Promise<void> {
  const result = await (await world.session()).redeemPoints(world.customerId(name), points, billNumber === undefined ? {} : { billNumber });
  world.redemptions.set(`${name}/${points}`, mustSucceed(result, `the redemption of ${points} points by "${name}"`).redemptionId);
}

Given('{string} has redeemed {int} points', async function (this: MemberspecWorld, name: string, points: number) {
  await redeem(this, name, points);
});

Given('{string} has redeemed {int} points on bill {string}', async function (this: MemberspecWorld, name: string, points: number, billName: string) {
  await redeem(this, name, points, bill(this, billName).billNumber);
});

// ---- the operations that write ledger events

When('bill {string} is returned in full', async function (this: MemberspecWorld, name: string) {
  const known = bill(this, name);
  this.last = await (await this.session()).returnTransaction(Number(known.customer), known.billNumber);
});

Given('bill {string} has been returned in full', async function (this: MemberspecWorld, name: string) {
  const known = bill(this, name);
  mustSucceed(await (await this.session()).returnTransaction(Number(known.customer), known.billNumber), `the return of bill "${name}"`);
});

When('{float} of bill {string} is returned', async function (this: MemberspecWorld, amount: number, name: string) {
  const known = bill(this, name);
  this.last = await (await this.session()).returnTransaction(Number(known.customer), known.billNumber, amount);
});

When('{string} returns a bill nobody paid', async function (this: MemberspecWorld, name: string) {
  this.last = await (await this.session()).returnTransaction(this.customerId(name), `never-paid-${this.nextBillNumber()}`);
});

When('{string} returns bill {string}', async function (this: MemberspecWorld, name: string, billName: string) {
  this.last = await (await this.session()).returnTransaction(this.customerId(name), bill(this, billName).billNumber);
});

When('{string} transfers {float} points to {string}', async function (this: MemberspecWorld, from: string, points: number, to: string) {
  this.last = await (await this.session()).transferPoints(this.customerId(from), this.customerId(to), points);
});

When('{string} transfers {int} points to an unknown customer', async function (this: MemberspecWorld, from: string, points: number) {
  this.last = await (await this.session()).transferPoints(this.customerId(from), UNKNOWN_ID, points);
});

When('the redemption of {int} points by {string} is reversed', async function (this: MemberspecWorld, points: number, name: string) {
  const id = this.redemptions.get(`${name}/${points}`);
  if (id === undefined) throw new HarnessError(`"${name}" made no redemption of ${points} points in this scenario`);
  this.last = await (await this.session()).reverseRedemption(this.customerId(name), id);
});

When('a redemption {string} never made is reversed', async function (this: MemberspecWorld, name: string) {
  this.last = await (await this.session()).reverseRedemption(this.customerId(name), UNKNOWN_ID);
});

Then('the return took back {int} points and gave back {int} redeemed points', function (this: MemberspecWorld, returned: number, reversed: number) {
  const outcome = mustSucceed(this.last as Result<ReturnOutcome>, 'the return');
  expect({ returned: outcome.pointsReturned, reversed: outcome.redemptionsReversed }, 'what the return answered').to.deep.equal({ returned, reversed });
});

// ---- reading the ledger

Then('the points ledger of {string} shows:', async function (this: MemberspecWorld, name: string, table: DataTable) {
  expectRows(this, await wholeLedger(this, name), table, `the ledger of "${name}", oldest first, one row per entry`);
});

Then('the points ledger of {string} shows, after its opening balance:', async function (this: MemberspecWorld, name: string, table: DataTable) {
  const { rest } = splitOpening(name, await wholeLedger(this, name));
  expectRows(this, rest, table, `the ledger of "${name}" after its opening balance, oldest first, one row per entry`);
});

Then('the points ledger of {string} holds only its opening balance', async function (this: MemberspecWorld, name: string) {
  const { rest } = splitOpening(name, await wholeLedger(this, name));
  expect(rest.map((event) => event.eventName), `events of "${name}" after the opening balance`).to.deep.equal([]);
});

Then(
  'the ledger of {string} opens with a zero opening balance for each of the {int} programs and {int} points categories, {int} entries in all',
  async function (this: MemberspecWorld, name: string, programs: number, categories: number, total: number) {
    const { opening } = splitOpening(name, await wholeLedger(this, name));
    expect(opening.eventName, `the event that opens the ledger of "${name}"`).to.equal('CustomerRegistration');
    expect(opening.entries.length, `opening balance entries of "${name}"`).to.equal(total);
    const accounts = new Set(opening.entries.map((entry) => `${entry.programName ?? entry.programId}/${entry.category}`));
    expect(accounts.size, 'one opening balance per program and category, none twice').to.equal(total);
    expect(new Set(opening.entries.map((entry) => entry.programName ?? String(entry.programId))), 'the programs opened').to.deep.equal(new Set(this.programs));
    expect(this.programs.length, 'the programs of the org').to.equal(programs);
    expect(new Set(opening.entries.map((entry) => entry.category)), 'the points categories opened').to.deep.equal(new Set(['REGULAR', 'PROMISED', 'TRIGGER_BASED']));
    expect(categories, 'the seed names three points categories').to.equal(3);
    expect(opening.entries.map((entry) => entry.points), 'every opening balance of a new customer').to.deep.equal(Array(total).fill(0));
  },
);

Then('the {word} event of {string} names bill {string} by its transaction number and id', async function (this: MemberspecWorld, eventName: string, name: string, billName: string) {
  const known = bill(this, billName);
  const events = (await wholeLedger(this, name)).filter((event) => event.eventName === eventName);
  expect(events.length, `${eventName} events of "${name}"`).to.equal(1);
  expect({ number: events[0].transactionNumber, id: events[0].transactionId }, `the transaction ${eventName} names`).to.deep.equal({ number: known.billNumber, id: known.transactionId });
});

Then('no other event of {string} names a transaction number', async function (this: MemberspecWorld, name: string) {
  const naming = (await wholeLedger(this, name)).filter((event) => event.eventName !== 'TransactionAdd' && event.transactionNumber !== undefined);
  expect(naming.map((event) => event.eventName), `events of "${name}" other than TransactionAdd with a transaction number`).to.deep.equal([]);
});

Then('the TransactionReturn event of {string} names the return transaction', async function (this: MemberspecWorld, name: string) {
  const outcome = mustSucceed(this.last as Result<ReturnOutcome>, 'the return');
  const returns = (await wholeLedger(this, name)).filter((event) => event.eventName === 'TransactionReturn');
  expect(returns.map((event) => event.transactionId), `the transaction id of the TransactionReturn event of "${name}"`).to.deep.equal([outcome.returnTransactionId]);
  expect(outcome.returnTransactionId, 'the return is a transaction of its own').to.not.equal(undefined);
  for (const known of this.bills.values()) expect(outcome.returnTransactionId, 'the return transaction id is not the bill\'s').to.not.equal(known.transactionId);
});

Then('the last event of the ledger of {string} is {word}', async function (this: MemberspecWorld, name: string, eventName: string) {
  const events = await wholeLedger(this, name);
  expect(events.at(-1)?.eventName, `the last event of the ledger of "${name}"`).to.equal(eventName);
});

When('the ledger of {string} is read {int} entries a page', async function (this: MemberspecWorld, name: string, limit: number) {
  this.last = await (await this.session()).readLedger(this.customerId(name), { limit });
});

When('the ledger of {string} is read page by page, {int} entries a page', async function (this: MemberspecWorld, name: string, limit: number) {
  const session = await this.session();
  this.ledgerPages = [];
  for (let page = 0; page < 50; page++) {
    const read = mustSucceed(await session.readLedger(this.customerId(name), { page, limit }), `page ${page} of the ledger of "${name}"`);
    this.ledgerPages.push(read);
    if (page + 1 >= read.pageCount) break;
  }
});

Then('the pages hold {listOfNumbers} events', function (this: MemberspecWorld, sizes: number[]) {
  expect(this.ledgerPages.map((page) => page.entries.length), 'events on each page').to.deep.equal(sizes);
});

Then('the pages list the opening balance first, then the goodwill points in the order they were given', function (this: MemberspecWorld) {
  const events = this.ledgerPages.flatMap((page) => page.entries);
  expect(events[0]?.eventName, 'the first event of the first page').to.equal('CustomerRegistration');
  const reasons = events.slice(1).map((event) => event.reason);
  expect(reasons, 'the goodwill events across the pages').to.deep.equal(reasons.map((_, index) => `gesture ${index + 1}`));
  const ids = events.map((event) => event.eventLogId);
  expect(ids, 'event log ids: unique and in the order of the pages').to.deep.equal([...new Set(ids)].sort((a, b) => a - b));
});

Then(
  'every page names {string} and gives its page number, page size {int}, {int} entries in all and {int} pages',
  function (this: MemberspecWorld, name: string, size: number, total: number, pages: number) {
    const details = this.ledgerPages.map((page) => ({ userId: page.customer.userId, pageNumber: page.pageNumber, pageSize: page.pageSize, totalEntries: page.totalEntries, pageCount: page.pageCount }));
    const id = this.customerId(name);
    expect(details, 'customer and page information of each page').to.deep.equal(
      this.ledgerPages.map((_, index) => ({ userId: id, pageNumber: index, pageSize: size, totalEntries: total, pageCount: pages })),
    );
  },
);

Then('the ledger page names the customer {string} {string}', function (this: MemberspecWorld, first: string, last: string) {
  const page = mustSucceed(this.last as Result<LedgerPageView>, 'the ledger read');
  expect({ firstName: page.customer.firstName, lastName: page.customer.lastName }, 'the customer details of the ledger').to.deep.equal({ firstName: first, lastName: last });
});

/** Filters whose value the feature gives as the API takes it. */
const TEXT_FILTERS: Readonly<Record<string, keyof LedgerViewRequest>> = { 'event source': 'eventSource', till: 'tillCode', 'start date': 'startDate', 'end date': 'endDate' };

/** A feature's filter row as a ledger view: the seed's words for each filter. */
function ledgerViewOf(world: MemberspecWorld, table: DataTable): LedgerViewRequest {
  const view: Record<string, unknown> = {};
  for (const [filter, value] of table.raw()) {
    switch (filter.trim().toLowerCase()) {
      case 'entry type':
        view.entryType = value.trim().toUpperCase().replace(/ /g, '_');
        break;
      case 'points category':
        view.category = categoryName(value);
        break;
      case 'program':
        view.programId = world.programs.findIndex((program) => program === value.trim()) + 1 || Number(value);
        break;
      case 'include till concept events':
        view.includeTillConceptEvents = value.trim() === 'yes';
        break;
      case 'event source':
      case 'till':
      case 'start date':
      case 'end date':
        view[TEXT_FILTERS[filter.trim().toLowerCase()]] = value.trim();
        break;
      case 'page size':
        view.limit = Number(value);
        break;
      case 'page':
        view.page = Number(value);
        break;
      default:
        throw new HarnessError(`unknown ledger filter "${filter}"`);
    }
  }
  return view as LedgerViewRequest;
}

When('the ledger of {string} is read with these filters:', async function (this: MemberspecWorld, name: string, table: DataTable) {
  this.last = await (await this.session()).readLedger(this.customerId(name), ledgerViewOf(this, table));
});

When('the ledger of {string} is read with its own till as the till filter', async function (this: MemberspecWorld, name: string) {
  const session = await this.session();
  this.last = await session.readLedger(this.customerId(name), { tillCode: session.tillUsername });
});

When('the ledger of {string} is read with the dates of the last {int} days', async function (this: MemberspecWorld, name: string, days: number) {
  const session = await this.session();
  const end = this.clock ?? Date.now();
  this.last = await session.readLedger(this.customerId(name), { startDate: new Date(end - days * DAY_MS).toISOString().slice(0, 19), endDate: new Date(end).toISOString().slice(0, 19) });
});

Then('the ledger view shows:', function (this: MemberspecWorld, table: DataTable) {
  const page = mustSucceed(this.last as Result<LedgerPageView>, 'the ledger read');
  expectRows(this, page.entries, table, 'the ledger view, oldest first, one row per entry');
});

Then('the ledger view counts {int} entr(y)(ies) in all, on {int} page(s)', function (this: MemberspecWorld, total: number, pages: number) {
  const page = mustSucceed(this.last as Result<LedgerPageView>, 'the ledger read');
  expect({ totalEntries: page.totalEntries, pageCount: page.pageCount }, 'entries in all and pages of the ledger view').to.deep.equal({ totalEntries: total, pageCount: pages });
});

Then('the ledger view shows no events', function (this: MemberspecWorld) {
  const page = mustSucceed(this.last as Result<LedgerPageView>, 'the ledger read');
  expect(page.entries.map((event) => event.eventName), 'events in the ledger view').to.deep.equal([]);
  expect(page.totalEntries, 'entries in all').to.equal(0);
});

When('the closing balance of {string} is read', async function (this: MemberspecWorld, name: string) {
  this.last = await (await this.session()).ledgerBalances(this.customerId(name));
});

When('the closing balance of {string} is read with these filters:', async function (this: MemberspecWorld, name: string, table: DataTable) {
  this.last = await (await this.session()).ledgerBalances(this.customerId(name), ledgerViewOf(this, table));
});

Then('the closing balances are:', function (this: MemberspecWorld, table: DataTable) {
  const balances = mustSucceed(this.last as Result<ClosingBalanceView[]>, 'the closing balance read');
  const columns = table.raw()[0];
  const actual = balances.map((balance) => {
    const all: Record<string, string> = { program: balance.programName ?? String(balance.programId), category: categoryWord(balance.category), balance: String(balance.balance) };
    return Object.fromEntries(columns.map((column) => [column, all[column] ?? `(no column "${column}")`]));
  });
  expect(actual, 'the closing balances, per program and points category').to.deep.equal(table.hashes());
});

// ---- the org's clock (test control)

async function setClock(world: MemberspecWorld, session: OrgSession, time: number): Promise<void> {
  const result = await session.setClock(new Date(time).toISOString());
  mustSucceed(result, `setting the org's clock to ${new Date(time).toISOString()}`);
  world.clock = time;
}

Given("the org's clock reads {string}", async function (this: MemberspecWorld, text: string) {
  await setClock(this, await this.session(), instant(text));
});

Given('{int} day(s) pass(es)', async function (this: MemberspecWorld, days: number) {
  if (this.clock === undefined) throw new HarnessError("days can pass only after the org's clock was set");
  await setClock(this, await this.session(), this.clock + days * DAY_MS);
});

Given("the org's clock moves on to {string}", async function (this: MemberspecWorld, text: string) {
  await setClock(this, await this.session(), instant(text));
});

When("the org's clock is set to {string}", async function (this: MemberspecWorld, text: string) {
  // Sent as written: the instant may be one the target must refuse.
  this.last = await (await this.session()).setClock(text);
});

Then('the {word} event of {string} is dated {string}', async function (this: MemberspecWorld, eventName: string, name: string, text: string) {
  const events = (await wholeLedger(this, name)).filter((event) => event.eventName === eventName);
  expect(events.length, `${eventName} events of "${name}"`).to.equal(1);
  expect(instant(events[0].createdAt), `the date of the ${eventName} event (${events[0].createdAt})`).to.equal(instant(text));
});

Then('the {word} events of {string} are:', async function (this: MemberspecWorld, eventName: string, name: string, table: DataTable) {
  const events = (await wholeLedger(this, name)).filter((event) => event.eventName === eventName);
  const shown = events.map((event) => `${new Date(instant(event.createdAt)).toISOString()} ${event.entries.reduce((sum, entry) => sum + entry.points, 0)}`);
  const expected = table.hashes().map((row) => `${new Date(instant(row.date)).toISOString()} ${row.points}`);
  expect(shown, `${eventName} events of "${name}" (date and points), oldest first`).to.deep.equal(expected);
});

// ---- programs and what an event tells

Given('{string} has been given {int} goodwill points in {string}', async function (this: MemberspecWorld, name: string, points: number, program: string) {
  const programId = this.programs.indexOf(program) + 1;
  if (programId === 0) throw new HarnessError(`the org has no program "${program}" in this scenario`);
  mustSucceed(await (await this.session()).giveGoodwillPoints(this.customerId(name), points, `goodwill in ${program}`, programId), `goodwill points for "${name}" in ${program}`);
});

Given('a bill {string} of {float} was paid at store {word} through {source} with {identifiers}', async function (this: MemberspecWorld, name: string, amount: number, store: string, source: SourceSpec, ids: IdentifierSpec[]) {
  const billNumber = this.nextBillNumber();
  const result = await (await this.session()).addTransaction({ billNumber, billAmount: amount, storeCode: store, customer: this.incomingCustomer(source, 'loyalty', this.identifiers(ids)) });
  const outcome = mustSucceed(result, `the bill "${name}"`);
  this.bills.set(name, { billNumber, transactionId: outcome.transactionId, customer: String(outcome.customerId) });
});

Then('every event of the ledger of {string} has its own event log id, a date and the till of the org', async function (this: MemberspecWorld, name: string) {
  const session = await this.session();
  const events = await wholeLedger(this, name);
  const ids = events.map((event) => event.eventLogId);
  expect(new Set(ids).size, `event log ids of "${name}" are unique`).to.equal(ids.length);
  for (const event of events) {
    expect(Number.isInteger(event.eventLogId), `the event log id of ${event.eventName}`).to.equal(true);
    expect(Number.isNaN(Date.parse(event.createdAt.replace(' ', 'T'))), `the date of ${event.eventName} (${event.createdAt})`).to.equal(false);
    expect(event.tillCode, `the till of ${event.eventName}`).to.equal(session.tillUsername);
  }
});

Then('the {word} event of {string} names store {word}', async function (this: MemberspecWorld, eventName: string, name: string, store: string) {
  const events = (await wholeLedger(this, name)).filter((event) => event.eventName === eventName);
  expect(events.map((event) => event.storeCode), `the store of the ${eventName} events of "${name}"`).to.deep.equal([store]);
});

When('an import takes {int} points from {string} as a(n) {word} from {string}', async function (this: MemberspecWorld, points: number, name: string, kind: string, reference: string) {
  const type = kind.toUpperCase();
  if (type !== 'REDEMPTION' && type !== 'EXPIRY') throw new HarnessError(`an import takes points as a redemption or an expiry, not "${kind}"`);
  this.last = await (await this.session()).importPoints(this.customerId(name), points, reference, type);
});
