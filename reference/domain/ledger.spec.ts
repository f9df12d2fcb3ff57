// The ledger's pure rules: opening balances, merge entries, points on event, views and the jobs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from './errors.ts';
import { accountEffect, checkLedgerView, closingBalances, dueJobEvents, expiryRunTime, ledgerPage, mergeLines, openingBalanceLines, pointsOnEvent } from './ledger.ts';
import type { LedgerEntry, LedgerLine } from './types.ts';

const PROGRAMS = [
  { id: 1, name: 'Fashion' },
  { id: 2, name: 'Beauty' },
];
const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-01-01T10:00:00Z');

const regular = (entryType: LedgerLine['entryType'], points: number, programId = 1): LedgerLine => ({ entryType, points, category: 'REGULAR', programId });
let nextId = 1;
function event(eventName: LedgerEntry['eventName'], at: number, lines: LedgerLine[]): LedgerEntry {
  return { eventLogId: nextId++, customerId: 7, eventName, createdAt: new Date(at).toISOString(), lines, source: 'INSTORE' };
}

function refusedWith(code: number, action: () => unknown): void {
  assert.throws(action, (error: unknown) => error instanceof DomainError && error.code === code);
}

describe('points ledger rules', () => {
  it('opens one zero entry per program and points category', () => {
    const lines = openingBalanceLines(PROGRAMS);
    assert.equal(lines.length, 6);
    assert.ok(lines.every((line) => line.entryType === 'OPENING_BALANCE' && line.points === 0));
    assert.deepEqual(new Set(lines.map((line) => `${line.programId}/${line.category}`)).size, 6);
  });

  it('nets credits and debits into points on event; an opening balance is neither', () => {
    assert.equal(pointsOnEvent([regular('DEBIT', 1000), regular('CREDIT', 300)]), -700);
    assert.equal(pointsOnEvent([{ ...regular('DEBIT', 500), category: 'PROMISED' }, regular('CREDIT', 500)]), 0);
    assert.equal(pointsOnEvent(openingBalanceLines(PROGRAMS)), 0);
  });

  it("moves a victim's balance with a debit, a negative one with a credit, and nothing with a zero entry", () => {
    assert.deepEqual(mergeLines(new Map([['1/REGULAR', 300]]), PROGRAMS), { victim: [regular('DEBIT', 300)], survivor: [regular('CREDIT', 300)] });
    assert.deepEqual(mergeLines(new Map([['2/REGULAR', -80]]), PROGRAMS), { victim: [regular('CREDIT', 80, 2)], survivor: [regular('DEBIT', 80, 2)] });
    assert.deepEqual(mergeLines(new Map(), PROGRAMS), { victim: [regular('DEBIT', 0)], survivor: [regular('CREDIT', 0)] });
  });

  it('counts earned regular credits as lifetime points, and only redemptions as redeemed', () => {
    assert.deepEqual(accountEffect({ eventName: 'AllocateGoodwillPoints', lines: [regular('CREDIT', 50)] }).lifetime, 50);
    assert.deepEqual(accountEffect({ eventName: 'MergeCustomer', lines: [regular('CREDIT', 50)] }).lifetime, 0);
    assert.deepEqual(accountEffect({ eventName: 'PointsTransfer', lines: [regular('DEBIT', 50)] }).redeemed, 0);
    assert.deepEqual(accountEffect({ eventName: 'PointsRedemptionReversal', lines: [regular('CREDIT', 20)] }).redeemed, -20);
  });

  it('refuses a page over 10, unknown filter values and a reversed or unreadable date range', () => {
    refusedWith(11006, () => checkLedgerView({ limit: 11 }, T0, PROGRAMS));
    refusedWith(11007, () => checkLedgerView({ ledgerEntryType: 'REFUND' }, T0, PROGRAMS));
    refusedWith(11008, () => checkLedgerView({ pointCategoryType: 'GOLD' }, T0, PROGRAMS));
    refusedWith(11005, () => checkLedgerView({ programId: 3 }, T0, PROGRAMS));
    refusedWith(11009, () => checkLedgerView({ startDate: '2026-02-01T00:00:00', endDate: '2026-01-01T00:00:00' }, T0, PROGRAMS));
    refusedWith(11011, () => checkLedgerView({ startDate: '01/02/2026' }, T0, PROGRAMS));
    const view = checkLedgerView({}, T0, PROGRAMS);
    assert.deepEqual({ start: view.start, end: view.end, limit: view.limit }, { start: T0 - 7 * DAY, end: T0, limit: 10 });
  });

  it('pages the events of the last 7 days, oldest first, and sums closing balances up to the end date', () => {
    const ledger = [event('CustomerRegistration', T0 - 10 * DAY, openingBalanceLines(PROGRAMS)), event('AllocateGoodwillPoints', T0 - 9 * DAY, [regular('CREDIT', 100)])];
    for (let i = 0; i < 12; i++) ledger.push(event('AllocateGoodwillPoints', T0 - DAY + i, [regular('CREDIT', 1)]));
    const page = ledgerPage(ledger, checkLedgerView({ offset: 1 }, T0, PROGRAMS));
    assert.deepEqual({ total: page.totalEntries, pages: page.pageCount, shown: page.entries.length }, { total: 12, pages: 2, shown: 2 });
    assert.deepEqual(page.entries.map((entry) => entry.eventLogId), [ledger[12].eventLogId, ledger[13].eventLogId]);
    const balances = closingBalances(ledger, checkLedgerView({ endDate: new Date(T0 - 5 * DAY).toISOString(), pointCategoryType: 'REGULAR' }, T0, PROGRAMS), PROGRAMS);
    assert.deepEqual(balances.map((balance) => balance.balance), [100, 0]);
  });

  it('expires unspent points at 06:00 the day after their expiry date, first in first out', () => {
    const ledger = [event('AllocateGoodwillPoints', T0, [regular('CREDIT', 100)]), event('PointsRedemption', T0 + DAY, [regular('DEBIT', 30)]), event('AllocateGoodwillPoints', T0 + 20 * DAY, [regular('CREDIT', 50)])];
    const run = expiryRunTime(T0, 30);
    assert.equal(new Date(run).toISOString(), '2026-02-01T06:00:00.000Z');
    const due = dueJobEvents(ledger, { programs: PROGRAMS, expiryDays: 30, promisedDays: 0 }, run + DAY);
    assert.deepEqual(due.map((entry) => [entry.eventName, entry.createdAt, entry.lines.map((line) => line.points)]), [['PointsExpiry', '2026-02-01T06:00:00.000Z', [70]]]);
    assert.deepEqual(dueJobEvents(ledger, { programs: PROGRAMS, expiryDays: 30, promisedDays: 0 }, run - 1), []);
  });

  it('converts promised points after the promised days in one event with points on event 0', () => {
    const accrual = event('TransactionAdd', T0, [{ ...regular('CREDIT', 500), category: 'PROMISED' }]);
    const due = dueJobEvents([accrual], { programs: PROGRAMS, expiryDays: 0, promisedDays: 14 }, T0 + 14 * DAY);
    assert.equal(due.length, 1);
    assert.equal(due[0].relatedEventId, accrual.eventLogId);
    assert.equal(pointsOnEvent(due[0].lines), 0);
    assert.deepEqual(dueJobEvents([accrual, { ...due[0], eventLogId: 99, customerId: 7 }], { programs: PROGRAMS, expiryDays: 0, promisedDays: 14 }, T0 + 20 * DAY), []);
  });
});
