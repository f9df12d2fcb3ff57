// Loyalty operations: bills with lines, points (earned, goodwill, import, referral, redeemed), tiers and
// coupons. Amounts and names come from the feature; every balance is read back from the target.
import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { expect } from 'chai';
import { HarnessError, type LineItem, type Result, type TransactionOutcome } from '../driver/driver.ts';
import type { IdentifierSpec, SourceSpec } from './support/parameter_types.ts';
import type { MemberspecWorld } from './support/world.ts';

/** An id no customer or series of any org has (ids are positive 32-bit in the contract's examples). */
const UNKNOWN_ID = 2147483647;

export function mustSucceed<T>(result: Result<T>, what: string): T {
  if (!result.ok) expect.fail(`${what} was refused with error ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function lineItems(table: DataTable): LineItem[] {
  return table.hashes().map((row) => ({
    sku: row.sku,
    ...(row.description ? { description: row.description } : {}),
    qty: Number(row.qty),
    rate: Number(row.rate),
    amount: Number(row.amount),
  }));
}

async function sendBill(world: MemberspecWorld, amount: number, source: SourceSpec, ids: IdentifierSpec[], extra: { storeCode?: string; lineItems?: LineItem[]; billingTime?: string } = {}) {
  const session = await world.session();
  world.last = await session.addTransaction({
    billNumber: world.nextBillNumber(),
    billAmount: amount,
    customer: world.incomingCustomer(source, 'loyalty', world.identifiers(ids)),
    ...extra,
  });
}

function lastTransaction(world: MemberspecWorld): TransactionOutcome {
  return mustSucceed(world.last as Result<TransactionOutcome>, 'the bill');
}

export function couponKey(series: string, customer: string): string {
  return `${series}/${customer}`;
}

export function seriesId(world: MemberspecWorld, name: string): number {
  const id = world.couponSeries.get(name);
  if (id === undefined) throw new HarnessError(`no coupon series "${name}" in this scenario`);
  return id;
}

export function couponCode(world: MemberspecWorld, series: string, customer: string): string {
  const code = world.couponCodes.get(couponKey(series, customer));
  if (code === undefined) throw new HarnessError(`"${customer}" was issued no coupon of "${series}" in this scenario`);
  return code;
}

// ---- transactions

When('a bill of {float} arrives through {source} with {identifiers}', async function (this: MemberspecWorld, amount: number, source: SourceSpec, ids: IdentifierSpec[]) {
  await sendBill(this, amount, source, ids);
});

Given('a bill of {float} was paid through {source} with {identifiers}', async function (this: MemberspecWorld, amount: number, source: SourceSpec, ids: IdentifierSpec[]) {
  await sendBill(this, amount, source, ids);
  lastTransaction(this);
});

When('a bill of {float} at store {word} arrives through {source} with {identifiers} and an empty list of lines', async function (this: MemberspecWorld, amount: number, store: string, source: SourceSpec, ids: IdentifierSpec[]) {
  await sendBill(this, amount, source, ids, { storeCode: store, lineItems: [] });
});

When(
  'a bill of {float} at store {word} arrives through {source} with {identifiers} and these lines:',
  async function (this: MemberspecWorld, amount: number, store: string, source: SourceSpec, ids: IdentifierSpec[], table: DataTable) {
    await sendBill(this, amount, source, ids, { storeCode: store, lineItems: lineItems(table) });
  },
);

When(
  'a bill of {float} made at {word} arrives through {source} with {identifiers}',
  async function (this: MemberspecWorld, amount: number, billingTime: string, source: SourceSpec, ids: IdentifierSpec[]) {
    await sendBill(this, amount, source, ids, { billingTime });
  },
);

Then('the last transaction of {string} was made at {word}', async function (this: MemberspecWorld, name: string, time: string) {
  const transactions = mustSucceed(await (await this.session()).transactionsOf(this.customerId(name)), `reading the transactions of "${name}"`);
  expect(transactions.length, `"${name}" has transactions`).to.be.above(0);
  // The same instant, whatever offset the target writes it in.
  expect(Date.parse(transactions[0].billingTime), `the billing time of the last transaction (${transactions[0].billingTime})`).to.equal(Date.parse(time));
});

Then('the bill earned {int} points', function (this: MemberspecWorld, points: number) {
  const outcome = lastTransaction(this);
  const earned = outcome.awards.filter((award) => award.customerId === outcome.customerId).reduce((sum, award) => sum + award.points, 0);
  expect(earned, 'points the bill earned').to.equal(points);
});

Then('the bill is not marked as an outlier', function (this: MemberspecWorld) {
  expect(lastTransaction(this).outlier, 'the outlier flag of the bill').to.equal(false);
});

Then('the recent transactions of {string} are:', async function (this: MemberspecWorld, name: string, table: DataTable) {
  const transactions = mustSucceed(await (await this.session()).transactionsOf(this.customerId(name)), `reading the transactions of "${name}"`);
  // An optional "bill" column names the bill by the order the scenario sent it in (1: the first bill).
  const withBill = table.raw()[0]?.includes('bill') ?? false;
  const actual = transactions.map((t) => ({
    ...(withBill ? { bill: this.billOrdinal(t.billNumber) } : {}),
    amount: String(t.billAmount),
    store: t.storeCode ?? '',
    lines: String(t.lineItems.length),
    outlier: String(t.outlier),
    'points issued': String(t.pointsIssued),
  }));
  expect(actual, `the transactions of "${name}", newest first`).to.deep.equal(table.hashes());
});

Then('the last transaction of {string} has these lines:', async function (this: MemberspecWorld, name: string, table: DataTable) {
  const transactions = mustSucceed(await (await this.session()).transactionsOf(this.customerId(name)), `reading the transactions of "${name}"`);
  expect(transactions.length, `"${name}" has transactions`).to.be.above(0);
  expect(transactions[0].lineItems, 'the lines of the last transaction').to.deep.equal(lineItems(table));
});

Then('{string} has no transactions', async function (this: MemberspecWorld, name: string) {
  const transactions = mustSucceed(await (await this.session()).transactionsOf(this.customerId(name)), `reading the transactions of "${name}"`);
  expect(transactions, `the transactions of "${name}"`).to.deep.equal([]);
});

// ---- points

Given('{string} has been given {int} goodwill points', async function (this: MemberspecWorld, name: string, points: number) {
  mustSucceed(await (await this.session()).giveGoodwillPoints(this.customerId(name), points, 'welcome gesture'), `goodwill points for "${name}"`);
});

When('{string} is given {float} goodwill points for {string}', async function (this: MemberspecWorld, name: string, points: number, reason: string) {
  this.last = await (await this.session()).giveGoodwillPoints(this.customerId(name), points, reason);
});

When('an unknown customer is given {int} goodwill points for {string}', async function (this: MemberspecWorld, points: number, reason: string) {
  this.last = await (await this.session()).giveGoodwillPoints(UNKNOWN_ID, points, reason);
});

When('{float} points are imported for {string} from {string}', async function (this: MemberspecWorld, points: number, name: string, reference: string) {
  this.last = await (await this.session()).importPoints(this.customerId(name), points, reference);
});

When('{string} refers {string}', async function (this: MemberspecWorld, referrer: string, referee: string) {
  this.last = await (await this.session()).awardReferral(this.customerId(referrer), this.customerId(referee));
});

Given('{string} has referred {string}', async function (this: MemberspecWorld, referrer: string, referee: string) {
  mustSucceed(await (await this.session()).awardReferral(this.customerId(referrer), this.customerId(referee)), `the referral of "${referee}"`);
});

When('{string} redeems {float} points', async function (this: MemberspecWorld, name: string, points: number) {
  this.last = await (await this.session()).redeemPoints(this.customerId(name), points);
});

Then('the request gave {string} {int} points', function (this: MemberspecWorld, name: string, points: number) {
  const last = this.last;
  if (!last?.ok) expect.fail(`expected points for "${name}", but the request was ${last ? `refused with error ${last.error.code}` : 'not made'}`);
  const awards = (last.value as { awards?: { customerId: number; points: number }[] }).awards ?? [];
  const given = awards.filter((award) => award.customerId === this.customerId(name)).reduce((sum, award) => sum + award.points, 0);
  expect(given, `points the request gave "${name}"`).to.equal(points);
});

// The balance is read two ways (points summary and ledger balance); both must agree with the feature.
Then('{string} has {int} points', async function (this: MemberspecWorld, name: string, points: number) {
  const session = await this.session();
  const id = this.customerId(name);
  const summary = mustSucceed(await session.pointsSummary(id), `reading the points of "${name}"`);
  expect(summary.balance, `the points balance of "${name}"`).to.equal(points);
  const balance = mustSucceed(await session.pointsBalance(id), `reading the ledger balance of "${name}"`);
  expect(balance, `the ledger's closing balance of "${name}"`).to.equal(points);
});

Then('{string} has {int} lifetime points and has redeemed {int}', async function (this: MemberspecWorld, name: string, lifetime: number, redeemed: number) {
  const summary = mustSucceed(await (await this.session()).pointsSummary(this.customerId(name)), `reading the points of "${name}"`);
  expect({ lifetime: summary.lifetimePoints, redeemed: summary.redeemed }, `the points of "${name}"`).to.deep.equal({ lifetime, redeemed });
});

// ---- tiers

Then('{string} is in tier {string}', async function (this: MemberspecWorld, name: string, tier: string) {
  const summary = mustSucceed(await (await this.session()).pointsSummary(this.customerId(name)), `reading the tier of "${name}"`);
  expect(summary.tier, `the tier of "${name}"`).to.equal(tier);
});

Then(
  /^the points summary of "([^"]+)" shows tier (\d+), "([^"]+)", and (?:the next tier "([^"]+)" from (\d+) lifetime points|no tier above)$/,
  async function (this: MemberspecWorld, name: string, number: string, tier: string, nextName?: string, nextThreshold?: string) {
    const summary = mustSucceed(await (await this.session()).pointsSummary(this.customerId(name)), `reading the points summary of "${name}"`);
    expect({ tierNumber: summary.tierNumber, tier: summary.tier, nextTier: summary.nextTier }, `the tier of "${name}"`).to.deep.equal({
      tierNumber: Number(number),
      tier,
      nextTier: nextName ? { name: nextName, threshold: Number(nextThreshold) } : undefined,
    });
  },
);

Then('the request moved {string} up from tier {string} to tier {string}', function (this: MemberspecWorld, name: string, from: string, to: string) {
  const last = this.last;
  if (!last?.ok) expect.fail(`expected a tier upgrade, but the request was ${last ? `refused with error ${last.error.code}` : 'not made'}`);
  const upgrades = (last.value as { tierUpgrades?: { customerId: number; from: string; to: string }[] }).tierUpgrades ?? [];
  expect(upgrades, `tier upgrades the request reported`).to.deep.equal([{ customerId: this.customerId(name), from, to }]);
});

Then('the request moved nobody up a tier', function (this: MemberspecWorld) {
  const last = this.last;
  if (!last?.ok) expect.fail(`expected success, but the request was ${last ? `refused with error ${last.error.code}` : 'not made'}`);
  expect((last.value as { tierUpgrades?: unknown[] }).tierUpgrades ?? [], 'tier upgrades the request reported').to.deep.equal([]);
});

// ---- coupons

Given(
  'a coupon series {string} of {word} {float} off that issues at most {int} coupon(s)',
  async function (this: MemberspecWorld, name: string, discountType: string, discountValue: number, issualLimit: number) {
    const result = await (await this.session()).createCouponSeries({ description: name, discountType, discountValue, issualLimit });
    this.couponSeries.set(name, mustSucceed(result, `creating the coupon series "${name}"`).seriesId);
  },
);

When(
  'a coupon series {string} of {word} {float} off that issues at most {float} coupons is created',
  async function (this: MemberspecWorld, name: string, discountType: string, discountValue: number, issualLimit: number) {
    this.last = await (await this.session()).createCouponSeries({ description: name, discountType, discountValue, issualLimit });
  },
);

export async function issue(world: MemberspecWorld, series: string, name: string): Promise<void> {
  const result = await (await world.session()).issueCoupon(seriesId(world, series), world.customerId(name));
  world.last = result;
  if (result.ok) world.couponCodes.set(couponKey(series, name), result.value.code);
}

When('a coupon of {string} is issued to {string}', async function (this: MemberspecWorld, series: string, name: string) {
  await issue(this, series, name);
});

Given('{string} holds a coupon of {string}', async function (this: MemberspecWorld, name: string, series: string) {
  await issue(this, series, name);
  mustSucceed(this.last!, `issuing a coupon of "${series}" to "${name}"`);
});

When('a coupon of an unknown series is issued to {string}', async function (this: MemberspecWorld, name: string) {
  this.last = await (await this.session()).issueCoupon(UNKNOWN_ID, this.customerId(name));
});

When('{string} redeems the coupon of {string} issued to {string}', async function (this: MemberspecWorld, name: string, series: string, holder: string) {
  this.last = await (await this.session()).redeemCoupon(couponCode(this, series, holder), this.customerId(name));
});

Given('{string} has redeemed the coupon of {string}', async function (this: MemberspecWorld, name: string, series: string) {
  mustSucceed(await (await this.session()).redeemCoupon(couponCode(this, series, name), this.customerId(name)), `redeeming the coupon of "${series}"`);
});

When('{string} redeems a coupon code nobody was issued', async function (this: MemberspecWorld, name: string) {
  this.last = await (await this.session()).redeemCoupon(`NOSUCH${this.nextBillNumber().replace(/\W/g, '').toUpperCase()}`, this.customerId(name));
});

Then('the active coupons of {string} are:', async function (this: MemberspecWorld, name: string, table: DataTable) {
  const coupons = mustSucceed(await (await this.session()).couponsOf(this.customerId(name), 'ACTIVE_UNREDEEMED'), `reading the coupons of "${name}"`);
  const expected = table.hashes().map((row) => ({
    code: couponCode(this, row.series, name),
    discount: `${row['discount type']} ${row['discount value']}`,
  }));
  const actual = coupons.map((coupon) => ({ code: coupon.code, discount: `${coupon.discountType} ${coupon.discountValue}` }));
  expect(actual, `the active coupons of "${name}", newest first`).to.deep.equal(expected);
});

Then('{string} has no active coupons', async function (this: MemberspecWorld, name: string) {
  const coupons = mustSucceed(await (await this.session()).couponsOf(this.customerId(name), 'ACTIVE_UNREDEEMED'), `reading the coupons of "${name}"`);
  expect(coupons, `the active coupons of "${name}"`).to.deep.equal([]);
});

Then('{string} holds {int} coupon(s) of {string}', async function (this: MemberspecWorld, name: string, count: number, series: string) {
  const coupons = mustSucceed(await (await this.session()).couponsOf(this.customerId(name)), `reading the coupons of "${name}"`);
  expect(coupons.filter((coupon) => coupon.seriesId === seriesId(this, series)).length, `coupons of "${series}" held by "${name}"`).to.equal(count);
});

Then('the coupon of {string} issued to {string} is redeemed', async function (this: MemberspecWorld, series: string, name: string) {
  const coupons = mustSucceed(await (await this.session()).couponsOf(this.customerId(name)), `reading the coupons of "${name}"`);
  const code = couponCode(this, series, name);
  expect(coupons.find((coupon) => coupon.code === code)?.redeemed, `the coupon ${code} is redeemed`).to.equal(true);
});

// ---- the restriction matrix: a refused operation changes nothing a customer's loyalty account shows

/** Everything of a customer's loyalty account the target shows: points summary, ledger, coupons, transactions. */
async function loyaltyAccount(world: MemberspecWorld, name: string): Promise<unknown> {
  const session = await world.session();
  const id = world.customerId(name);
  return {
    points: mustSucceed(await session.pointsSummary(id), `reading the points of "${name}"`),
    ledger: mustSucceed(await session.pointsLedger(id), `reading the ledger of "${name}"`),
    coupons: mustSucceed(await session.couponsOf(id), `reading the coupons of "${name}"`),
    transactions: mustSucceed(await session.transactionsOf(id), `reading the transactions of "${name}"`),
  };
}

Given('the loyalty accounts of {string} and {string} are noted', async function (this: MemberspecWorld, first: string, second: string) {
  for (const name of [first, second]) this.notedAccounts.set(name, await loyaltyAccount(this, name));
});

Then('the loyalty accounts of {string} and {string} are unchanged', async function (this: MemberspecWorld, first: string, second: string) {
  for (const name of [first, second]) {
    if (!this.notedAccounts.has(name)) throw new HarnessError(`the loyalty account of "${name}" was not noted before the request`);
    expect(await loyaltyAccount(this, name), `the points, ledger, coupons and transactions of "${name}"`).to.deep.equal(this.notedAccounts.get(name));
  }
});

Then('the bill is marked as an outlier', function (this: MemberspecWorld) {
  expect(lastTransaction(this).outlier, 'the outlier flag of the bill').to.equal(true);
});

Then('{string} has {int} active coupon(s)', async function (this: MemberspecWorld, name: string, count: number) {
  const coupons = mustSucceed(await (await this.session()).couponsOf(this.customerId(name), 'ACTIVE_UNREDEEMED'), `reading the coupons of "${name}"`);
  expect(coupons.length, `the active coupons of "${name}"`).to.equal(count);
});
