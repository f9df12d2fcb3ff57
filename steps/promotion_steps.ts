// Code-linked promotions (seed 003): promotions, promo codes generated or uploaded, bills that present a
// code, the link-code API, restrictions and the race for a code's last redemption. The feature's codes
// (ZN34C, HOLIMAN100) get a suffix unique to the scenario, so a vendor's fixed org never sees one twice.
import { randomBytes } from 'node:crypto';
import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { expect } from 'chai';
import { HarnessError, type IncomingCustomer, type OrgSession, type PromoCodeView, type PromotionSpec, type Result, type TransactionOutcome } from '../driver/driver.ts';
import { mustSucceed } from './loyalty_steps.ts';
import type { MemberspecWorld } from './support/world.ts';
import { UNKNOWN_CUSTOMER_ID } from './support/unknown_customer.ts';

/** A step that sends a thousand requests gets more than the per-step limit meant for a few. */
export const BULK_STEP_TIMEOUT_MS = 180_000;

/** The feature's restriction words -> the promotion's limits. */
const RESTRICTIONS: Readonly<Record<string, keyof NonNullable<PromotionSpec['limits']>>> = {
  'redemptions of a code': 'redemptionsPerCode',
  'redemptions per customer': 'redemptionsPerCustomer',
  'transactions of the promotion': 'transactions',
};

/** The contract's limit for the seed's words of a restriction. */
function restrictionLimit(restriction: string): keyof NonNullable<PromotionSpec['limits']> {
  const limit = RESTRICTIONS[restriction];
  if (!limit) throw new HarnessError(`unknown restriction "${restriction}" (use ${Object.keys(RESTRICTIONS).join(', ')})`);
  return limit;
}

interface PromotionState {
  readonly suffix: string;
  /** Promotion name -> id. */
  readonly promotions: Map<string, number>;
  /** Sent code -> the promotion it was added to. */
  readonly promotionOfCode: Map<string, number>;
  /** Promotion name -> its generated codes, in the order the target answered them. */
  readonly generated: Map<string, string[]>;
  /** The code of the last bill, when the feature says "that code". */
  lastCode?: string;
  /** Answers of bills sent at the same time. */
  raced: Result<TransactionOutcome>[];
}

const STATES = new WeakMap<MemberspecWorld, PromotionState>();

function stateOf(world: MemberspecWorld): PromotionState {
  let state = STATES.get(world);
  if (!state) {
    state = { suffix: randomBytes(3).toString('hex').toUpperCase(), promotions: new Map(), promotionOfCode: new Map(), generated: new Map(), raced: [] };
    STATES.set(world, state);
  }
  return state;
}

/** The code sent for a feature's code: the same letters and a suffix unique to the scenario. */
function codeOf(world: MemberspecWorld, featureCode: string): string {
  return `${featureCode}${stateOf(world).suffix}`;
}

function promotionId(world: MemberspecWorld, name: string): number {
  const id = stateOf(world).promotions.get(name);
  if (id === undefined) throw new HarnessError(`no promotion "${name}" in this scenario`);
  return id;
}

async function createPromotion(world: MemberspecWorld, spec: PromotionSpec): Promise<void> {
  const result = await (await world.session()).createPromotion(spec);
  stateOf(world).promotions.set(spec.name, mustSucceed(result, `creating the promotion "${spec.name}"`).promotionId);
}

function isoOf(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T23:59:59Z` : date;
}

Given(
  'a code-linked promotion {string} of {word} {float} off bills above {float}, valid till {word}',
  async function (this: MemberspecWorld, name: string, discountType: string, discountValue: number, minBillAmount: number, till: string) {
    await createPromotion(this, { name, discountType, discountValue, minBillAmount, validTill: isoOf(till) });
  },
);

Given('a code-linked promotion {string} of {word} {float} off, valid till {word}', async function (this: MemberspecWorld, name: string, discountType: string, discountValue: number, till: string) {
  await createPromotion(this, { name, discountType, discountValue, validTill: isoOf(till) });
});

Given(
  'a code-linked promotion {string} of {word} {float} off, valid till {word}, with these restrictions:',
  async function (this: MemberspecWorld, name: string, discountType: string, discountValue: number, till: string, table: DataTable) {
    const limits: Record<string, number> = {};
    for (const row of table.hashes()) {
      limits[restrictionLimit(row.restriction)] = Number(row.limit);
    }
    await createPromotion(this, { name, discountType, discountValue, validTill: isoOf(till), limits });
  },
);

When('a code-linked promotion {string} of {word} {float} off, valid till {word}, is created', async function (this: MemberspecWorld, name: string, discountType: string, discountValue: number, till: string) {
  this.last = await (await this.session()).createPromotion({ name, discountType, discountValue, validTill: isoOf(till) });
});

When(
  'a code-linked promotion {string} of {word} {float} off bills above {float}, valid till {word}, is created',
  async function (this: MemberspecWorld, name: string, discountType: string, discountValue: number, minBillAmount: number, till: string) {
    this.last = await (await this.session()).createPromotion({ name, discountType, discountValue, minBillAmount, validTill: isoOf(till) });
  },
);

When(
  /^a code-linked promotion "([^"]*)" of (\S+) (\S+) off, valid till (\S+), is created with at most (\S+) (redemptions of a code|redemptions per customer|transactions of the promotion)$/,
  async function (this: MemberspecWorld, name: string, discountType: string, discountValue: string, till: string, limit: string, restriction: string) {
    const limits = { [restrictionLimit(restriction)]: Number(limit) };
    this.last = await (await this.session()).createPromotion({ name, discountType, discountValue: Number(discountValue), validTill: isoOf(till), limits });
  },
);

async function upload(world: MemberspecWorld, featureCodes: string[], promotion: string): Promise<void> {
  const id = promotionId(world, promotion);
  const codes = featureCodes.map((code) => codeOf(world, code));
  world.last = await (await world.session()).addPromoCodes(id, { codes });
  if (world.last.ok) for (const code of codes) stateOf(world).promotionOfCode.set(code, id);
}

const codeList = (text: string) => text.split(/, | and /).map((code) => code.trim());

When(/^the brand uploads the promo codes? (\S+(?:(?:, | and )\S+)*) for "([^"]*)"$/, async function (this: MemberspecWorld, codes: string, promotion: string) {
  await upload(this, codeList(codes), promotion);
});

Given(/^the brand uploaded the promo codes? (\S+(?:(?:, | and )\S+)*) for "([^"]*)"$/, async function (this: MemberspecWorld, codes: string, promotion: string) {
  await upload(this, codeList(codes), promotion);
  mustSucceed(this.last!, `uploading ${codes} for "${promotion}"`);
});

/** An id no promotion of any org has. */
const UNKNOWN_PROMOTION_ID = 2_000_000_000;

When('{int} promo codes are generated for a promotion the org does not have', async function (this: MemberspecWorld, count: number) {
  this.last = await (await this.session()).addPromoCodes(UNKNOWN_PROMOTION_ID, { count });
});

When('the brand uploads an empty list of promo codes for {string}', async function (this: MemberspecWorld, promotion: string) {
  this.last = await (await this.session()).addPromoCodes(promotionId(this, promotion), { codes: [] });
});

When(/^the brand uploads (\d+) promo codes for "([^"]*)"$/, { timeout: BULK_STEP_TIMEOUT_MS }, async function (this: MemberspecWorld, count: string, promotion: string) {
  // Six characters each, so 10001 of them fit the contract's 100 kB body: three of the scenario's suffix, three counting.
  const prefix = stateOf(this).suffix.slice(0, 3);
  const codes = Array.from({ length: Number(count) }, (_, index) => `${prefix}${index.toString(36).toUpperCase().padStart(3, '0')}`);
  this.last = await (await this.session()).addPromoCodes(promotionId(this, promotion), { codes });
});

When(/^(-?\d+) promo codes are generated for "([^"]*)"$/, { timeout: BULK_STEP_TIMEOUT_MS }, async function (this: MemberspecWorld, count: string, promotion: string) {
  const id = promotionId(this, promotion);
  const result = await (await this.session()).addPromoCodes(id, { count: Number(count) });
  this.last = result;
  if (result.ok) {
    const state = stateOf(this);
    state.generated.set(promotion, [...(state.generated.get(promotion) ?? []), ...result.value.codes]);
    for (const code of result.value.codes) state.promotionOfCode.set(code, id);
  }
});

async function codesOf(world: MemberspecWorld, promotion: number): Promise<PromoCodeView[]> {
  return mustSucceed(await (await world.session()).promoCodes(promotion), `reading the codes of promotion ${promotion}`);
}

Then(
  /^"([^"]*)" has (\d+) promo codes?: (\d+) generated and (\d+) uploaded$/,
  async function (this: MemberspecWorld, promotion: string, total: string, generated: string, uploaded: string) {
    const codes = await codesOf(this, promotionId(this, promotion));
    const count = (origin: string) => codes.filter((code) => code.origin === origin).length;
    expect({ total: codes.length, generated: count('GENERATED'), uploaded: count('UPLOADED') }, `the codes of "${promotion}"`).to.deep.equal({
      total: Number(total),
      generated: Number(generated),
      uploaded: Number(uploaded),
    });
    expect(new Set(codes.map((code) => code.code)).size, `distinct codes of "${promotion}"`).to.equal(codes.length);
  },
);

async function codeView(world: MemberspecWorld, featureCode: string): Promise<PromoCodeView | undefined> {
  const code = codeOf(world, featureCode);
  const promotion = stateOf(world).promotionOfCode.get(code);
  if (promotion === undefined) throw new HarnessError(`promo code ${featureCode} was not added in this scenario`);
  return (await codesOf(world, promotion)).find((view) => view.code === code);
}

Then(/^promo code (\S+) has been redeemed (\d+) times?$/, async function (this: MemberspecWorld, featureCode: string, times: string) {
  expect((await codeView(this, featureCode))?.redemptions, `redemptions of ${featureCode}`).to.equal(Number(times));
});

// ---- bills

/** The customer part of a bill for a named customer, as the target shows that customer. */
export async function billCustomer(world: MemberspecWorld, name: string): Promise<IncomingCustomer> {
  const view = await world.view(name);
  const profile = view.profiles[0];
  return { source: profile.source, accountId: profile.accountId, loyaltyType: view.loyaltyType, identifiers: view.identifiers };
}

async function pay(world: MemberspecWorld, session: OrgSession, customer: IncomingCustomer, amount: number, code?: string): Promise<Result<TransactionOutcome>> {
  if (code !== undefined) stateOf(world).lastCode = code;
  return session.addTransaction({ billNumber: world.nextBillNumber(), billAmount: amount, customer, ...(code !== undefined ? { promoCodes: [code] } : {}) });
}

When('{string} pays a bill of {float} with promo code {word}', async function (this: MemberspecWorld, name: string, amount: number, featureCode: string) {
  this.last = await pay(this, await this.session(), await billCustomer(this, name), amount, codeOf(this, featureCode));
});

Given('{string} has paid a bill of {float} with promo code {word}', async function (this: MemberspecWorld, name: string, amount: number, featureCode: string) {
  const result = await pay(this, await this.session(), await billCustomer(this, name), amount, codeOf(this, featureCode));
  mustSucceed(result, `the bill of "${name}" with ${featureCode}`);
});

When(/^"([^"]*)" pays a bill of (\d+(?:\.\d+)?) with promo codes (\S+) and (\S+)$/, async function (this: MemberspecWorld, name: string, amount: string, first: string, second: string) {
  const codes = [codeOf(this, first), codeOf(this, second)];
  this.last = await (await this.session()).addTransaction({ billNumber: this.nextBillNumber(), billAmount: Number(amount), customer: await billCustomer(this, name), promoCodes: codes });
});

When('{string} pays a bill of {float}', async function (this: MemberspecWorld, name: string, amount: number) {
  this.last = await pay(this, await this.session(), await billCustomer(this, name), amount);
});

When('{string} pays a bill of {float} with a code generated for {string}', async function (this: MemberspecWorld, name: string, amount: number, promotion: string) {
  const code = stateOf(this).generated.get(promotion)?.[0];
  if (code === undefined) throw new HarnessError(`no code was generated for "${promotion}" in this scenario`);
  this.last = await pay(this, await this.session(), await billCustomer(this, name), amount, code);
});

function lastBill(world: MemberspecWorld): TransactionOutcome {
  return mustSucceed(world.last as Result<TransactionOutcome>, 'the bill');
}

function expectDiscount(outcome: TransactionOutcome, code: string, discount: number, linked: boolean): void {
  expect(outcome.appliedPromotions, 'the promo codes the bill redeemed').to.deep.equal([{ code, discount, linked }]);
}

Then('the bill got {float} off with promo code {word}', function (this: MemberspecWorld, discount: number, featureCode: string) {
  expectDiscount(lastBill(this), codeOf(this, featureCode), discount, false);
});

Then('the bill got {float} off with linked promo code {word}', function (this: MemberspecWorld, discount: number, featureCode: string) {
  expectDiscount(lastBill(this), codeOf(this, featureCode), discount, true);
});

Then('the bill got {float} off with that code', function (this: MemberspecWorld, discount: number) {
  const code = stateOf(this).lastCode;
  if (code === undefined) throw new HarnessError('no bill with a code was sent in this scenario');
  expectDiscount(lastBill(this), code, discount, false);
});

Then('the bill got no promo code discount', function (this: MemberspecWorld) {
  expect(lastBill(this).appliedPromotions, 'the promo codes the bill redeemed').to.deep.equal([]);
});

/** New customers paying at once: each a bill through INSTORE with a mobile of its own. */
async function newCustomerBills(world: MemberspecWorld, count: number, firstToken: number, amount: number, code: string): Promise<Result<TransactionOutcome>[]> {
  const session = await world.session();
  return Promise.all(
    Array.from({ length: count }, (_, index) => {
      const mobile = world.value(`M${firstToken + index}`)!;
      return pay(world, session, { source: 'INSTORE', loyaltyType: 'loyalty', identifiers: [{ type: 'mobile', value: mobile }] }, amount, code);
    }),
  );
}

Given(/^(\d+) followers have each paid a bill of (\d+) with promo code (\S+)$/, { timeout: BULK_STEP_TIMEOUT_MS }, async function (this: MemberspecWorld, count: string, amount: string, featureCode: string) {
  const code = codeOf(this, featureCode);
  // Sent in groups: faster than one at a time, gentle on a vendor's rate limits.
  const group = 25;
  for (let start = 0; start < Number(count); start += group) {
    const results = await newCustomerBills(this, Math.min(group, Number(count) - start), 1000 + start, Number(amount), code);
    results.forEach((result, index) => mustSucceed(result, `the bill of follower ${start + index + 1} with ${featureCode}`));
  }
});

When('{int} new customers pay a bill of {float} with promo code {word} at the same time', async function (this: MemberspecWorld, count: number, amount: number, featureCode: string) {
  stateOf(this).raced = await newCustomerBills(this, count, 5000, amount, codeOf(this, featureCode));
});

Then(
  'exactly {int} of those bills got {float} off and the others were refused with error {int}',
  function (this: MemberspecWorld, winners: number, discount: number, code: number) {
    const raced = stateOf(this).raced;
    const succeeded = raced.filter((result) => result.ok);
    expect(succeeded.length, 'bills that redeemed the code').to.equal(winners);
    for (const result of succeeded) expect(result.value.appliedPromotions.map((applied) => applied.discount), 'the discount of a winning bill').to.deep.equal([discount]);
    expect(
      raced.filter((result) => !result.ok).map((result) => (result.ok ? 0 : result.error.code)),
      'the codes of the refused bills',
    ).to.deep.equal(Array(raced.length - winners).fill(code));
  },
);

// ---- the link-code API

When('promo code {word} is linked to {string} in mode {word}', async function (this: MemberspecWorld, featureCode: string, name: string, mode: string) {
  this.last = await (await this.session()).linkPromoCode(this.customerId(name), codeOf(this, featureCode), mode);
});

Given('promo code {word} was linked to {string}', async function (this: MemberspecWorld, featureCode: string, name: string) {
  mustSucceed(await (await this.session()).linkPromoCode(this.customerId(name), codeOf(this, featureCode), 'DISCOUNT'), `linking ${featureCode} to "${name}"`);
});

When('promo code {word} is linked to an unknown customer', async function (this: MemberspecWorld, featureCode: string) {
  this.last = await (await this.session()).linkPromoCode(UNKNOWN_CUSTOMER_ID, codeOf(this, featureCode), 'DISCOUNT');
});

When('a code of another org is linked to {string}', async function (this: MemberspecWorld, name: string) {
  const other = await this.otherOrg();
  const promotion = mustSucceed(await other.createPromotion({ name: 'Other brand', discountType: 'ABS', discountValue: 10, validTill: '2099-12-31T23:59:59Z' }), 'the other org\'s promotion');
  const code = codeOf(this, 'OTHERORG');
  mustSucceed(await other.addPromoCodes(promotion.promotionId, { codes: [code] }), "the other org's code");
  this.last = await (await this.session()).linkPromoCode(this.customerId(name), code, 'DISCOUNT');
});

Then('promo code {word} is linked to {string}', async function (this: MemberspecWorld, featureCode: string, name: string) {
  expect((await codeView(this, featureCode))?.linkedCustomerId, `the customer ${featureCode} is linked to`).to.equal(this.customerId(name));
});

Then('promo code {word} is linked to nobody', async function (this: MemberspecWorld, featureCode: string) {
  expect((await codeView(this, featureCode))?.linkedCustomerId, `the customer ${featureCode} is linked to`).to.equal(undefined);
});

// ---- the test-control clock

Given('the date is {word}', async function (this: MemberspecWorld, iso: string) {
  mustSucceed(await (await this.session()).setClock(iso), `setting the org's clock to ${iso}`);
});
