// Coupons beyond issue and redeem (seed 003): statuses under the org's clock, the issual-limit notification,
// the campaign or program that claimed a series, and the customer redemptions read with its filters.
// Lists in the features ("Festive 10%, Monsoon 50" or "none") are compared as sets: the order is not the rule.
import { Given, Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import { HarnessError, type CouponSeriesSpec, type RedemptionFilterSpec, type RedemptionsView } from '../driver/driver.ts';
import { couponCode, mustSucceed, seriesId } from './loyalty_steps.ts';
import { BULK_STEP_TIMEOUT_MS } from './promotion_steps.ts';
import type { MemberspecWorld } from './support/world.ts';

/** An id no customer or series of any org has. */
const UNKNOWN_ID = 2147483647;

const listOf = (text: string): string[] => (text.trim() === 'none' ? [] : text.split(/, | and /).map((item) => item.trim()));
const sorted = (items: readonly string[]) => [...items].sort();

async function createSeries(world: MemberspecWorld, spec: CouponSeriesSpec): Promise<void> {
  const result = await (await world.session()).createCouponSeries(spec);
  world.couponSeries.set(spec.description, mustSucceed(result, `creating the coupon series "${spec.description}"`).seriesId);
}

Given(
  'a coupon series {string} of {word} {float} off that issues at most {int} coupons, valid till {word}',
  async function (this: MemberspecWorld, name: string, discountType: string, discountValue: number, issualLimit: number, validTill: string) {
    await createSeries(this, { description: name, discountType, discountValue, issualLimit, validTill });
  },
);

Given(
  'a coupon series {string} of {word} {float} off that issues at most {int} coupons and notifies when {int} remain',
  async function (this: MemberspecWorld, name: string, discountType: string, discountValue: number, issualLimit: number, notifyWhenRemaining: number) {
    await createSeries(this, { description: name, discountType, discountValue, issualLimit, notifyWhenRemaining });
  },
);

When(
  'a coupon series {string} of {word} {float} off that issues at most {int} coupons and notifies when {int} remain is created',
  async function (this: MemberspecWorld, name: string, discountType: string, discountValue: number, issualLimit: number, notifyWhenRemaining: number) {
    this.last = await (await this.session()).createCouponSeries({ description: name, discountType, discountValue, issualLimit, notifyWhenRemaining });
  },
);

When(
  'a coupon series {string} of {word} {float} off that issues at most {int} coupons, valid till {word}, is created',
  async function (this: MemberspecWorld, name: string, discountType: string, discountValue: number, issualLimit: number, validTill: string) {
    this.last = await (await this.session()).createCouponSeries({ description: name, discountType, discountValue, issualLimit, validTill });
  },
);

// ---- statuses

/** The series names of the customer's coupons with the status, read from the target. */
async function couponSeriesNames(world: MemberspecWorld, name: string, status: string): Promise<string[]> {
  const coupons = mustSucceed(await (await world.session()).couponsOf(world.customerId(name), status), `reading the ${status} coupons of "${name}"`);
  const names = new Map([...world.couponSeries].map(([series, id]) => [id, series]));
  return coupons.map((coupon) => names.get(coupon.seriesId) ?? `series ${coupon.seriesId}`);
}

Then(/^the coupons of "([^"]*)" with status (\S+) are (.+)$/, async function (this: MemberspecWorld, name: string, status: string, coupons: string) {
  expect(sorted(await couponSeriesNames(this, name, status)), `the ${status} coupons of "${name}"`).to.deep.equal(sorted(listOf(coupons)));
});

When('the coupons of {string} are read with status {word}', async function (this: MemberspecWorld, name: string, status: string) {
  this.last = await (await this.session()).couponsOf(this.customerId(name), status);
});

// ---- the issual-limit notification

Given(/^the brand's registered contacts are (.+)$/, function (this: MemberspecWorld, contacts: string) {
  this.setBrandContacts(listOf(contacts));
});

Given(/^(\d+) coupons of "([^"]*)" have been issued to "([^"]*)"$/, { timeout: BULK_STEP_TIMEOUT_MS }, async function (this: MemberspecWorld, count: string, series: string, name: string) {
  const session = await this.session();
  const id = seriesId(this, series);
  const customer = this.customerId(name);
  // In groups: faster than one at a time, gentle on a vendor's rate limits.
  for (let start = 0; start < Number(count); start += 25) {
    const results = await Promise.all(Array.from({ length: Math.min(25, Number(count) - start) }, () => session.issueCoupon(id, customer)));
    results.forEach((result, index) => mustSucceed(result, `issuing coupon ${start + index + 1} of "${series}"`));
  }
});

Then('the brand has received no notification', async function (this: MemberspecWorld) {
  expect(await (await this.session()).brandNotifications(), 'notifications sent to the brand').to.deep.equal([]);
});

async function expectNotifications(world: MemberspecWorld, series: string, expected: { remaining: number; limit: number }[]): Promise<void> {
  const notifications = await (await world.session()).brandNotifications();
  expect(
    notifications.map((n) => ({ type: n.type, seriesId: n.seriesId, remaining: n.remaining, limit: n.issualLimit, recipients: sorted(n.recipients) })),
    'notifications sent to the brand, oldest first',
  ).to.deep.equal(
    expected.map(({ remaining, limit }) => ({
      type: 'COUPON_ISSUAL_LIMIT',
      seriesId: seriesId(world, series),
      remaining,
      limit,
      recipients: ['offers@brand.example', 'ops@brand.example'],
    })),
  );
}

Then(
  /^the brand's registered contacts were notified once that (\d+) of (\d+) coupons of "([^"]*)" remain$/,
  async function (this: MemberspecWorld, remaining: string, limit: string, series: string) {
    await expectNotifications(this, series, [{ remaining: Number(remaining), limit: Number(limit) }]);
  },
);

Then(
  /^the brand's registered contacts were notified that (\d+) of (\d+) and then (\d+) of (\d+) coupons of "([^"]*)" remain$/,
  async function (this: MemberspecWorld, remaining1: string, limit1: string, remaining2: string, limit2: string, series: string) {
    await expectNotifications(this, series, [
      { remaining: Number(remaining1), limit: Number(limit1) },
      { remaining: Number(remaining2), limit: Number(limit2) },
    ]);
  },
);

When('the issual limit of {string} is raised to {float}', async function (this: MemberspecWorld, series: string, limit: number) {
  this.last = await (await this.session()).setIssualLimit(seriesId(this, series), limit);
});

Then('{string} has {int} coupons left to issue', async function (this: MemberspecWorld, series: string, remaining: number) {
  const view = mustSucceed(await (await this.session()).couponSeries(seriesId(this, series)), `reading the series "${series}"`);
  expect(view.remaining, `coupons "${series}" has left to issue`).to.equal(remaining);
});

// ---- claimed information

const CLAIMANTS: Readonly<Record<string, string>> = { 'outbound campaign': 'OUTBOUND', 'loyalty program': 'LOYALTY' };

function claimant(words: string): string {
  const by = CLAIMANTS[words];
  if (!by) throw new HarnessError(`unknown claimant "${words}" (use ${Object.keys(CLAIMANTS).join(' or ')})`);
  return by;
}

When(/^"([^"]*)" is claimed by the (outbound campaign|loyalty program) "([^"]*)"$/, async function (this: MemberspecWorld, series: string, words: string, name: string) {
  this.last = await (await this.session()).claimCouponSeries(seriesId(this, series), claimant(words), name);
});

Given(/^"([^"]*)" was claimed by the (outbound campaign|loyalty program) "([^"]*)"$/, async function (this: MemberspecWorld, series: string, words: string, name: string) {
  mustSucceed(await (await this.session()).claimCouponSeries(seriesId(this, series), claimant(words), name), `claiming "${series}"`);
});

When(/^"([^"]*)" is claimed by a partner "([^"]*)"$/, async function (this: MemberspecWorld, series: string, name: string) {
  this.last = await (await this.session()).claimCouponSeries(seriesId(this, series), 'PARTNER', name);
});

When(/^"([^"]*)" is claimed by an outbound campaign without name$/, async function (this: MemberspecWorld, series: string) {
  this.last = await (await this.session()).claimCouponSeries(seriesId(this, series), 'OUTBOUND', '');
});

When(/^"([^"]*)" is claimed by an unknown series$/, async function (this: MemberspecWorld, _series: string) {
  this.last = await (await this.session()).claimCouponSeries(UNKNOWN_ID, 'OUTBOUND', 'Diwali blast 2030');
});

Then(/^"([^"]*)" shows it is claimed by the (outbound campaign|loyalty program) "([^"]*)"$/, async function (this: MemberspecWorld, series: string, words: string, name: string) {
  const view = mustSucceed(await (await this.session()).couponSeries(seriesId(this, series)), `reading the series "${series}"`);
  const by = claimant(words);
  expect(
    { claimed: view.claimed, claimedBy: view.claimedBy, campaign: view.campaignUsingThisOffer, program: view.programUsingThisOffer },
    `who claimed "${series}"`,
  ).to.deep.equal({ claimed: true, claimedBy: by, campaign: by === 'OUTBOUND' ? name : undefined, program: by === 'LOYALTY' ? name : undefined });
});

Then('{string} shows it is not claimed', async function (this: MemberspecWorld, series: string) {
  const view = mustSucceed(await (await this.session()).couponSeries(seriesId(this, series)), `reading the series "${series}"`);
  expect({ claimed: view.claimed, campaign: view.campaignUsingThisOffer, program: view.programUsingThisOffer }, `who claimed "${series}"`).to.deep.equal({
    claimed: false,
    campaign: undefined,
    program: undefined,
  });
});

// ---- customer redemptions

Given('{string} redeemed the coupon of {string} at store {word}', async function (this: MemberspecWorld, name: string, series: string, store: string) {
  mustSucceed(await (await this.session()).redeemCoupon(couponCode(this, series, name), this.customerId(name), store), `redeeming the coupon of "${series}"`);
});

Given('{string} redeemed {int} points at store {word}', async function (this: MemberspecWorld, name: string, points: number, store: string) {
  mustSucceed(await (await this.session()).redeemPoints(this.customerId(name), points, { storeCode: store }), `redeeming ${points} points`);
});

/** The feature's filter words -> the read's filters; coupon ids come from the coupons issued in the scenario. */
async function redemptionFilter(world: MemberspecWorld, words: string, customer: string): Promise<RedemptionFilterSpec> {
  const filter: Record<string, unknown> = {};
  let rest = words.trim();
  const take = (pattern: RegExp): RegExpExecArray | null => {
    const match = pattern.exec(rest);
    if (match) rest = rest.slice(match[0].length).trim();
    return match;
  };
  while (rest !== '' && rest !== 'without a filter') {
    let match: RegExpExecArray | null;
    if ((match = take(/^of type (\S+)/))) filter.type = match[1];
    else if ((match = take(/^from the coupon of "([^"]*)" on/))) filter.couponsStartId = await couponId(world, match[1], customer);
    else if ((match = take(/^up to the coupon of "([^"]*)"/))) filter.couponsEndId = await couponId(world, match[1], customer);
    else if ((match = take(/^from (\S+) to (\S+)/))) Object.assign(filter, { startDate: match[1], endDate: match[2] });
    else if ((match = take(/^at merchant store (\S+)/))) filter.merchantStoreId = match[1];
    else throw new HarnessError(`unknown redemption filter "${rest}"`);
  }
  return filter as RedemptionFilterSpec;
}

/** The id of the coupon of a series issued to the customer, as the target lists it. */
async function couponId(world: MemberspecWorld, series: string, name: string): Promise<number> {
  const code = couponCode(world, series, name);
  const redemptions = mustSucceed(await (await world.session()).customerRedemptions(world.customerId(name), { type: 'COUPONS' }), 'reading the coupon redemptions');
  const found = redemptions.coupons.find((coupon) => coupon.code === code);
  if (!found) throw new HarnessError(`the coupon of "${series}" is not among the redemptions of "${name}"`);
  return found.id;
}

const lastRedemptions = new WeakMap<MemberspecWorld, RedemptionsView>();

When(/^the redemptions of "([^"]*)" are read (.+)$/, async function (this: MemberspecWorld, name: string, words: string) {
  const filter = await redemptionFilter(this, words, name);
  const result = await (await this.session()).customerRedemptions(this.customerId(name), filter);
  this.last = result;
  if (result.ok) lastRedemptions.set(this, result.value);
});

When('the redemptions of an unknown customer are read', async function (this: MemberspecWorld) {
  this.last = await (await this.session()).customerRedemptions(UNKNOWN_ID, {});
});

function redemptionsRead(world: MemberspecWorld): RedemptionsView {
  mustSucceed(world.last!, 'reading the redemptions');
  return lastRedemptions.get(world)!;
}

/** Coupon codes of this scenario -> the series they were issued from. */
function seriesOfCodes(world: MemberspecWorld): Map<string, string> {
  return new Map([...world.couponCodes].map(([key, code]) => [code, key.slice(0, key.lastIndexOf('/'))]));
}

Then(/^the coupon redemptions are (.+) and the points redemptions are (.+)$/, function (this: MemberspecWorld, coupons: string, points: string) {
  const read = redemptionsRead(this);
  const series = seriesOfCodes(this);
  expect(sorted(read.coupons.map((coupon) => series.get(coupon.code) ?? coupon.code)), 'coupon redemptions').to.deep.equal(sorted(listOf(coupons)));
  expect(sorted(read.points.map((point) => String(point.points))), 'points redemptions').to.deep.equal(sorted(listOf(points)));
});

Then(/^the (coupon|points) redemption of (?:"([^"]+)"|(\d+) points) was made on bill "([^"]+)"$/, function (this: MemberspecWorld, kind: string, series: string | undefined, points: string | undefined, bill: string) {
  const read = redemptionsRead(this);
  const seriesOf = seriesOfCodes(this);
  const found = kind === 'coupon' ? read.coupons.filter((coupon) => seriesOf.get(coupon.code) === series) : read.points.filter((point) => point.points === Number(points));
  expect(found.length, `${kind} redemptions of ${series ?? `${points} points`}`).to.equal(1);
  // A bill the scenario paid is named by its feature name; an imported one by its transaction number.
  expect(found[0].bill, 'the bill of the redemption').to.equal(this.bills.get(bill)?.billNumber ?? bill);
});

Then(/^the coupon redemptions were made at stores (.+) and the points redemptions at store (\S+)$/, function (this: MemberspecWorld, stores: string, pointsStore: string) {
  const read = redemptionsRead(this);
  expect(sorted(read.coupons.map((coupon) => coupon.store ?? '')), 'stores of the coupon redemptions').to.deep.equal(sorted(listOf(stores)));
  expect(read.points.map((point) => point.store ?? ''), 'stores of the points redemptions').to.deep.equal([pointsStore]);
});
