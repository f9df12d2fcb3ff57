// Seed 003 "Points ledger": what each event writes into a customer's ledger, what it does to the
// accounts (one per program and points category), and which entries a ledger view shows. Pure: the
// service reads the stored ledger and balances, these functions decide, the store applies.
import { DomainError } from './errors.ts';
import type { Program } from './loyalty_program.ts';
import type { LedgerEntry, LedgerEntryType, LedgerEventName, LedgerLine, PointsCategory } from './types.ts';

export const POINTS_CATEGORIES: readonly PointsCategory[] = ['REGULAR', 'PROMISED', 'TRIGGER_BASED'];
export const ENTRY_TYPES: readonly LedgerEntryType[] = ['CREDIT', 'DEBIT', 'OPENING_BALANCE'];

/** The API's pointsCategory names (capillary-api-notes §8.1). */
export const CATEGORY_NAMES: Readonly<Record<PointsCategory, string>> = {
  REGULAR: 'Main',
  PROMISED: 'DelayedAccrualPointCategory',
  TRIGGER_BASED: 'ExternalTriggerBasedPointCategory',
};

/** Seed 003: "By default it returns for the last 7 days". */
export const DEFAULT_WINDOW_DAYS = 7;
/** Seed 003: "a maximum allowed page size of 10" (ruling 100). */
export const MAX_PAGE_SIZE = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

/** One account of a customer: a program's points of one category. */
export function accountKey(programId: number, category: PointsCategory): string {
  return `${programId}/${category}`;
}

/**
 * Ruling 101: an opening-balance entry per program x points category, at 0: a ledger opens when its customer
 * is created, before any points. So an opening balance adds nothing to a balance or to points on event.
 */
export function openingBalanceLines(programs: readonly Program[]): LedgerLine[] {
  return programs.flatMap((program) => POINTS_CATEGORIES.map((category) => ({ entryType: 'OPENING_BALANCE' as const, points: 0, category, programId: program.id })));
}

/** A line's effect on its account's balance (an opening balance's is 0). */
export function signedPoints(line: LedgerLine): number {
  return line.entryType === 'DEBIT' ? -line.points : line.points;
}

/** The seed's 'points_on_event' (the API's netPointsOnEvent): the net of the event's credits and debits. */
export function pointsOnEvent(lines: readonly LedgerLine[]): number {
  return lines.reduce((sum, line) => sum + signedPoints(line), 0);
}

/** Events whose regular credits are earned points (lifetime points, tiers); moved or returned points are not (ruling 107). */
const EARNING_EVENTS: ReadonlySet<LedgerEventName> = new Set([
  'TransactionAdd',
  'AllocateGoodwillPoints',
  'BulkAllocatePoints',
  'GenericEvent',
  'PromisedPointsConversion',
]);

export interface AccountEffect {
  /** Balance change per account key. */
  readonly balances: ReadonlyMap<string, number>;
  readonly lifetime: number;
  readonly redeemed: number;
}

/** What an event does to its customer's accounts. */
export function accountEffect(entry: Pick<LedgerEntry, 'eventName' | 'lines'>): AccountEffect {
  const balances = new Map<string, number>();
  let lifetime = 0;
  let redeemed = 0;
  for (const line of entry.lines) {
    const key = accountKey(line.programId, line.category);
    balances.set(key, (balances.get(key) ?? 0) + signedPoints(line));
    // Earning events write only credits, a redemption only debits, a reversal (or a full return's reversal
    // lines) only credits: the event and the line's purpose say which points these are.
    if (line.category === 'REGULAR' && EARNING_EVENTS.has(entry.eventName)) lifetime += line.points;
    if (entry.eventName === 'PointsRedemption') redeemed += line.points;
    if (entry.eventName === 'PointsRedemptionReversal' || line.purpose === 'REDEMPTION_REVERSAL') redeemed -= line.points;
  }
  return { balances, lifetime, redeemed };
}

/**
 * Seed 003 "Merge Customer": the victim's balance moves to the survivor, a debit in the victim's ledger and
 * a credit in the survivor's, the other way round for a negative balance (ruling 103). A victim with
 * nothing to move still gets its (zero) merge entry, so the merge is the last entry of its ledger.
 */
export function mergeLines(victimBalances: ReadonlyMap<string, number>, programs: readonly Program[]): { victim: LedgerLine[]; survivor: LedgerLine[] } {
  const victim: LedgerLine[] = [];
  const survivor: LedgerLine[] = [];
  for (const program of programs) {
    for (const category of POINTS_CATEGORIES) {
      const balance = victimBalances.get(accountKey(program.id, category)) ?? 0;
      if (balance === 0) continue;
      const points = Math.abs(balance);
      // Stryker disable next-line EqualityOperator: a zero balance moves nothing and was skipped above
      victim.push({ entryType: balance > 0 ? 'DEBIT' : 'CREDIT', points, category, programId: program.id });
      // Stryker disable next-line EqualityOperator: a zero balance moves nothing and was skipped above
      survivor.push({ entryType: balance > 0 ? 'CREDIT' : 'DEBIT', points, category, programId: program.id });
    }
  }
  if (victim.length === 0) {
    const programId = programs[0].id;
    victim.push({ entryType: 'DEBIT', points: 0, category: 'REGULAR', programId });
    survivor.push({ entryType: 'CREDIT', points: 0, category: 'REGULAR', programId });
  }
  return { victim, survivor };
}

// ---- ledger views

/** A ledger view as the API asks for it, checked. Dates are epoch milliseconds. */
export interface LedgerView {
  readonly page: number;
  readonly limit: number;
  readonly start: number;
  readonly end: number;
  readonly entryType?: LedgerEntryType;
  readonly category?: PointsCategory;
  readonly programId?: number;
  readonly includeTillConceptEvents: boolean;
  readonly eventSource?: string;
}

export interface LedgerViewInput {
  readonly limit?: number;
  readonly offset?: number;
  readonly startDate?: string;
  readonly endDate?: string;
  readonly ledgerEntryType?: string;
  readonly pointCategoryType?: string;
  readonly programId?: number;
  readonly includeTillConceptEvents?: boolean;
  readonly eventSource?: string;
}

/** `yyyy-MM-ddTHH:mm:ss` (UTC), as the docs write it, or a full ISO 8601 instant; 11011 otherwise. */
export function parseLedgerDate(text: string): number {
  const match = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})?$/.exec(text);
  const time = match ? Date.parse(match[2] ? text : `${text}Z`) : Number.NaN;
  if (Number.isNaN(time)) throw new DomainError(11011, text);
  return time;
}

/**
 * The view a request asks for (ruling 115): at most 10 a page (11006), known entry types (11007) and
 * categories (11008), a program of the org (11005), readable dates (11011) in order (11009). The end date
 * defaults to `now`, the start date to 7 days before the end.
 */
export function checkLedgerView(input: LedgerViewInput, now: number, programs: readonly Program[]): LedgerView {
  const limit = input.limit ?? MAX_PAGE_SIZE;
  if (limit > MAX_PAGE_SIZE) throw new DomainError(11006, limit);
  const entryType = input.ledgerEntryType?.toUpperCase();
  if (entryType !== undefined && !ENTRY_TYPES.includes(entryType as LedgerEntryType)) throw new DomainError(11007, input.ledgerEntryType!);
  const category = input.pointCategoryType?.toUpperCase();
  if (category !== undefined && !POINTS_CATEGORIES.includes(category as PointsCategory)) throw new DomainError(11008, input.pointCategoryType!);
  if (input.programId !== undefined && !programs.some((program) => program.id === input.programId)) throw new DomainError(11005, input.programId);
  const start = input.startDate === undefined ? undefined : parseLedgerDate(input.startDate);
  const end = input.endDate === undefined ? now : parseLedgerDate(input.endDate);
  const from = start ?? end - DEFAULT_WINDOW_DAYS * DAY_MS;
  if (from > end) throw new DomainError(11009, String(input.startDate), input.endDate ?? new Date(now).toISOString());
  return {
    page: input.offset ?? 0,
    limit,
    start: from,
    end,
    ...(entryType ? { entryType: entryType as LedgerEntryType } : {}),
    ...(category ? { category: category as PointsCategory } : {}),
    programId: input.programId,
    includeTillConceptEvents: input.includeTillConceptEvents === true,
    ...(input.eventSource ? { eventSource: input.eventSource.toUpperCase() } : {}),
  };
}

/** The first index whose entry is at or after `time` (entries are in chronological order). */
function firstAtOrAfter(entries: readonly LedgerEntry[], time: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (Date.parse(entries[middle].createdAt) < time) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The index range of the entries within the view's dates: binary searches, so a page read does not grow with the ledger. */
function datedRange(entries: readonly LedgerEntry[], view: Pick<LedgerView, 'start' | 'end'>): { from: number; to: number } {
  return { from: firstAtOrAfter(entries, view.start), to: firstAtOrAfter(entries, view.end + 1) };
}

/** A redemption spread over several programs (seed 003's "group redemption"). */
function isGroupRedemption(entry: LedgerEntry): boolean {
  return entry.eventName === 'PointsRedemption' && new Set(entry.lines.map((line) => line.programId)).size > 1;
}

/**
 * The event as the view shows it: only the lines its filters select, or nothing. A program filter shows
 * that program's lines; a group redemption only with includeTillConceptEvents, then with all its lines
 * (the group's total is its points_on_event; ruling 116).
 */
function shown(entry: LedgerEntry, view: LedgerView): LedgerEntry | undefined {
  if (view.eventSource !== undefined && entry.source !== view.eventSource) return undefined;
  if (view.programId !== undefined && isGroupRedemption(entry)) {
    if (!view.includeTillConceptEvents || !entry.lines.some((line) => line.programId === view.programId)) return undefined;
  }
  const lines = entry.lines.filter(
    (line) =>
      (view.entryType === undefined || line.entryType === view.entryType) &&
      (view.category === undefined || line.category === view.category) &&
      (view.programId === undefined || isGroupRedemption(entry) || line.programId === view.programId),
  );
  return lines.length === 0 ? undefined : { ...entry, lines };
}

export interface LedgerPage {
  readonly entries: readonly LedgerEntry[];
  readonly pageNumber: number;
  readonly pageSize: number;
  readonly totalEntries: number;
  readonly pageCount: number;
}

/** One page of the view, oldest first. Without entry filters the page is sliced straight from the ledger. */
export function ledgerPage(ledger: readonly LedgerEntry[], view: LedgerView): LedgerPage {
  const { from, to } = datedRange(ledger, view);
  // The filtering path also gives the page of a view without filters, but by reading every entry in its dates.
  const filtering =
    // Stryker disable next-line ConditionalExpression: any view may take the filtering path (only slower)
    view.entryType !== undefined ||
    view.category !== undefined ||
    view.programId !== undefined ||
    view.eventSource !== undefined;
  const start = view.page * view.limit;
  let entries: readonly LedgerEntry[];
  let total: number;
  // Stryker disable next-line ConditionalExpression: any view may take the filtering path (only slower)
  if (filtering) {
    const shownEntries = ledger.slice(from, to).flatMap((entry) => shown(entry, view) ?? []);
    entries = shownEntries.slice(start, start + view.limit);
    total = shownEntries.length;
  } else {
    entries = ledger.slice(Math.min(from + start, to), Math.min(from + start + view.limit, to));
    total = to - from;
  }
  return { entries, pageNumber: view.page, pageSize: view.limit, totalEntries: total, pageCount: Math.ceil(total / view.limit) };
}

export interface ClosingBalance {
  readonly programId: number;
  readonly category: PointsCategory;
  readonly balance: number;
}

/**
 * Seed 003: "the closing balance as of the last entry in that ledger" (ruling 117): per program and
 * category the view selects, every entry up to the view's end date (from the opening balance, whatever the
 * start date). Entry type and event source select entries to list, not a balance, so they do not apply.
 */
export function closingBalances(ledger: readonly LedgerEntry[], view: Pick<LedgerView, 'end' | 'category' | 'programId'>, programs: readonly Program[]): ClosingBalance[] {
  const upTo = ledger.slice(0, firstAtOrAfter(ledger, view.end + 1));
  const totals = new Map<string, number>();
  for (const entry of upTo) for (const line of entry.lines) totals.set(accountKey(line.programId, line.category), (totals.get(accountKey(line.programId, line.category)) ?? 0) + signedPoints(line));
  return programs
    .filter((program) => view.programId === undefined || program.id === view.programId)
    .flatMap((program) =>
      POINTS_CATEGORIES.filter((category) => view.category === undefined || category === view.category).map((category) => ({
        programId: program.id,
        category,
        balance: totals.get(accountKey(program.id, category)) ?? 0,
      })),
    );
}

// ---- jobs: promised points conversion and points expiry (rulings 112, 113)

const EXPIRY_HOUR_MS = 6 * 60 * 60 * 1000;

function startOfDay(time: number): number {
  return Math.floor(time / DAY_MS) * DAY_MS;
}

/** When the job expiring a credit made at `creditedAt` runs: 06:00 UTC the day after its expiry date. */
export function expiryRunTime(creditedAt: number, expiryDays: number): number {
  return startOfDay(creditedAt) + (expiryDays + 1) * DAY_MS + EXPIRY_HOUR_MS;
}

export interface JobSettings {
  readonly programs: readonly Program[];
  readonly expiryDays: number;
  readonly promisedDays: number;
}

/**
 * The events the jobs owe a ledger by `now`, oldest first: a PromisedPointsConversion (promised debit and
 * regular credit in one event, points on event 0) for each accrual `promisedDays` after it, and a
 * PointsExpiry debit per program at each run, of the regular points credited up to that run's expiry date
 * that debits and earlier expiries have not already taken (first in, first out).
 */
export function dueJobEvents(ledger: readonly LedgerEntry[], settings: JobSettings, now: number): Omit<LedgerEntry, 'eventLogId' | 'customerId'>[] {
  const made: Omit<LedgerEntry, 'eventLogId' | 'customerId'>[] = [];
  // Only an org with promised days credits promised points (a merge moves only points there are).
  // Stryker disable next-line MethodExpression,ConditionalExpression: only a conversion relates to an event with promised credits (a reversal relates to a redemption)
  const converted = new Set(ledger.filter((entry) => entry.eventName === 'PromisedPointsConversion').map((entry) => entry.relatedEventId));
  for (const entry of ledger) {
    const promised = entry.lines.filter((line) => line.category === 'PROMISED' && line.entryType === 'CREDIT');
    if (promised.length === 0 || converted.has(entry.eventLogId)) continue;
    const due = Date.parse(entry.createdAt) + settings.promisedDays * DAY_MS;
    if (due > now) continue;
    made.push({
      eventName: 'PromisedPointsConversion',
      createdAt: new Date(due).toISOString(),
      lines: promised.flatMap((line) => [
        { entryType: 'DEBIT' as const, points: line.points, category: 'PROMISED' as const, programId: line.programId },
        { entryType: 'CREDIT' as const, points: line.points, category: 'REGULAR' as const, programId: line.programId },
      ]),
      source: entry.source,
      relatedEventId: entry.eventLogId,
    });
  }
  if (settings.expiryDays > 0) {
    // Jobs run before every ledger write, so what they owe comes after the ledger's events; the sort only
    // orders a write that raced a job's due time on a running clock.
    // Stryker disable next-line MethodExpression,ArrowFunction,ArithmeticOperator: the events are in date order already (above)
    const all = [...ledger, ...made].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
    const regularCredits = all.flatMap((entry) =>
      entry.lines.filter((line) => line.category === 'REGULAR' && line.entryType === 'CREDIT').map((line) => ({ programId: line.programId, points: line.points, runAt: expiryRunTime(Date.parse(entry.createdAt), settings.expiryDays) })),
    );
    // Credits come oldest first and a later credit never expires earlier, so the runs are in order already. A
    // run that was made before finds its points taken (by its own expiry at the latest) and expires nothing.
    const runs = [...new Set(regularCredits.map((credit) => credit.runAt))].filter((run) => run <= now);
    const expiries: Omit<LedgerEntry, 'eventLogId' | 'customerId'>[] = [];
    for (const run of runs) {
      const lines: LedgerLine[] = [];
      for (const { id } of settings.programs) {
        const expiring = regularCredits.filter((credit) => credit.programId === id && credit.runAt <= run).reduce((sum, credit) => sum + credit.points, 0);
        // Every debit so far takes from the oldest credits: the ledger's are dated before the runs it owes.
        const taken = [...all, ...expiries]
          .flatMap((entry) => entry.lines)
          .filter((line) => line.programId === id && line.category === 'REGULAR' && line.entryType === 'DEBIT')
          .reduce((sum, line) => sum + line.points, 0);
        const points = expiring - taken;
        if (points > 0) lines.push({ entryType: 'DEBIT', points, category: 'REGULAR', programId: id });
      }
      if (lines.length > 0) expiries.push({ eventName: 'PointsExpiry', createdAt: new Date(run).toISOString(), lines, source: 'INSTORE' });
    }
    made.push(...expiries);
  }
  return made.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
}
