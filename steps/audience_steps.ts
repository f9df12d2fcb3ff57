// Audience Manager filters (seed 003): the seed's purchase tables become bills with one soybean line each, and
// the feature's filter words become an audience query. The product, its category and attribute get values
// unique to the scenario, so on a vendor's fixed org no other scenario's bills can match.
import { randomBytes } from 'node:crypto';
import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { expect } from 'chai';
import { HarnessError, type AudienceQuerySpec, type LineItem } from '../driver/driver.ts';
import { mustSucceed } from './loyalty_steps.ts';
import { billCustomer } from './promotion_steps.ts';
import type { MemberspecWorld } from './support/world.ts';

type Filter = AudienceQuerySpec['filters'][number];

const SUFFIXES = new WeakMap<MemberspecWorld, string>();

function suffix(world: MemberspecWorld): string {
  let value = SUFFIXES.get(world);
  if (!value) SUFFIXES.set(world, (value = randomBytes(3).toString('hex')));
  return value;
}

/** The feature's product, category and attribute words -> the values sent. */
function product(world: MemberspecWorld, name: string): string {
  return `${name.toLowerCase()}-${suffix(world)}`;
}
function category(world: MemberspecWorld, name: string): string {
  return `${name} ${suffix(world)}`;
}
function attributeValue(world: MemberspecWorld, value: string): string {
  return `${value} ${suffix(world)}`;
}

const MONTHS: Readonly<Record<string, string>> = { June: '06', July: '07', August: '08' };

/** "July 7" or the seed's "July11" in the year the feature names. */
function dayOf(words: string, year: string): string {
  const match = /^(\w+?)\s*(\d{1,2})$/.exec(words.trim());
  if (!match || !MONTHS[match[1]]) throw new HarnessError(`"${words}" is not a day such as "July 7"`);
  return `${year}-${MONTHS[match[1]]}-${match[2].padStart(2, '0')}T12:00:00Z`;
}

/** A line of the feature's product, in its category and with its origin (soybean: Pulses, Madhya Pradesh). */
function itemLine(world: MemberspecWorld, item: { name: string; category: string; origin: string }, qty: number, rate: number): LineItem {
  return {
    sku: product(world, item.name),
    description: item.name,
    category: category(world, item.category),
    attributes: { origin: attributeValue(world, item.origin) },
    qty,
    rate,
    amount: Math.round(qty * rate * 100) / 100,
  };
}

const SOYBEAN = { name: 'soybean', category: 'Pulses', origin: 'Madhya Pradesh' };

function soybeanLine(world: MemberspecWorld, qty: number, rate: number): LineItem {
  return itemLine(world, SOYBEAN, qty, rate);
}

async function buy(world: MemberspecWorld, name: string, billingTime: string, ...lines: LineItem[]): Promise<void> {
  const session = await world.session();
  const billAmount = lines.reduce((sum, line) => sum + line.amount, 0);
  const result = await session.addTransaction({ billNumber: world.nextBillNumber(), billAmount, billingTime, customer: await billCustomer(world, name), lineItems: lines });
  mustSucceed(result, `the bill of "${name}" on ${billingTime}`);
}

Given(
  /^the number of soybeans purchased by .+ on different days of (\w+) (\d{4}), at (\d+(?:\.\d+)?) each:$/,
  async function (this: MemberspecWorld, _month: string, year: string, rate: string, table: DataTable) {
    const [header, ...rows] = table.raw();
    for (const row of rows) {
      for (let column = 1; column < header.length; column++) {
        const quantity = row[column].trim();
        if (quantity !== '') await buy(this, row[0], dayOf(header[column], year), soybeanLine(this, Number(quantity), Number(rate)));
      }
    }
  },
);

Given(/^(\w+) has bought soybean (?:on different days )?as mentioned in the following table:$/, async function (this: MemberspecWorld, name: string, table: DataTable) {
  for (const row of table.hashes()) {
    const amount = Number(row.Amount.replace('$', ''));
    await buy(this, name, dayOf(row.Date, '2022'), soybeanLine(this, 1, amount));
  }
});

Given(
  /^(\w+) has bought (\w+), of the category (\w+) and the origin (.+), as mentioned in the following table:$/,
  async function (this: MemberspecWorld, name: string, itemName: string, itemCategory: string, origin: string, table: DataTable) {
    for (const row of table.hashes()) {
      const amount = Number(row.Amount.replace('$', ''));
      await buy(this, name, dayOf(row.Date, '2022'), itemLine(this, { name: itemName, category: itemCategory, origin }, 1, amount));
    }
  },
);

Given(/^(\w+) has bought soybean in one bill of (\w+ ?\d+) (\d{4}) as two lines of \$(\d+(?:\.\d+)?) each$/, async function (this: MemberspecWorld, name: string, day: string, year: string, amount: string) {
  await buy(this, name, dayOf(day, year), soybeanLine(this, 1, Number(amount)), soybeanLine(this, 1, Number(amount)));
});

/** One clause of the feature's filter words. */
function clause(world: MemberspecWorld, words: string, query: { filters: Filter[]; loyaltyType?: string }): void {
  const text = words.replace(/^(who|whose|and)\s+/, '').trim();
  let match: RegExpExecArray | null;
  if ((match = /^shopped for (.+) in more than (-?[\d.]+) distinct transactions$/.exec(text))) {
    query.filters.push({ type: 'DISTINCT_TRANSACTIONS', item: item(world, match[1]), moreThan: Number(match[2]) });
  } else if ((match = /^average item value of (.+) is more than (-?[\d.]+)$/.exec(text))) {
    query.filters.push({ type: 'AVERAGE_ITEM_VALUE', item: item(world, match[1]), moreThan: Number(match[2]) });
  } else if ((match = /^spent more than (-?[\d.]+) on (.+)$/.exec(text))) {
    query.filters.push({ type: 'ITEM_SPEND', item: item(world, match[2]), moreThan: Number(match[1]) });
  } else if ((match = /^are (loyalty|non-loyalty) customers$/.exec(text))) {
    query.loyaltyType = match[1] === 'loyalty' ? 'loyalty' : 'non_loyalty';
  } else throw new HarnessError(`unknown audience filter "${words}"`);
}

/** "soybean", "the category Pulses", "the attribute origin Madhya Pradesh". */
function item(world: MemberspecWorld, words: string): Record<string, unknown> {
  const categoryMatch = /^the category (.+)$/.exec(words);
  if (categoryMatch) return { category: category(world, categoryMatch[1]) };
  const attributeMatch = /^the attribute (\S+) (.+)$/.exec(words);
  if (attributeMatch) return { attribute: { name: attributeMatch[1], value: attributeValue(world, attributeMatch[2]) } };
  return { sku: product(world, words) };
}

async function runQuery(world: MemberspecWorld, from: string, to: string, combination: string): Promise<void> {
  const query: { filters: Filter[]; loyaltyType?: string } = { filters: [] };
  // Clauses start with "who", "whose" or "and" followed by a verb the clause parser knows.
  for (const part of combination.split(/ (?=and (?:who |whose |are |spent |shopped |average ))/)) clause(world, part, query);
  world.last = await (await world.session()).queryAudience({ from, to, ...query });
}

When(/^the audience is customers (.+) from (\S+) to (\S+)$/, async function (this: MemberspecWorld, combination: string, from: string, to: string) {
  await runQuery(this, from, to, combination);
});

When(/^the audience from (\S+) to (\S+) is customers (.+)$/, async function (this: MemberspecWorld, from: string, to: string, combination: string) {
  await runQuery(this, from, to, combination);
});

Then(/^the audience is (nobody|[A-Z]\w*(?:, [A-Z]\w*)*)$/, function (this: MemberspecWorld, names: string) {
  const { customerIds } = mustSucceed(this.last as Awaited<ReturnType<Awaited<ReturnType<MemberspecWorld['session']>>['queryAudience']>>, 'the audience query');
  const byId = new Map([...this.customers].map(([role, id]) => [id, role]));
  const expected = names.trim() === 'nobody' ? [] : names.split(/, | and /).map((name) => name.trim().toLowerCase());
  expect(customerIds.map((id) => byId.get(id) ?? `customer ${id}`).sort(), 'the audience').to.deep.equal(expected.sort());
});

/** Queries the platform must refuse, by the feature's words. */
const FLAWED_QUERIES: Readonly<Record<string, (world: MemberspecWorld) => Record<string, unknown>>> = {
  'n below 0': (world) => ({ from: '2022-07-01', to: '2022-07-31', filters: [{ type: 'ITEM_SPEND', item: { sku: product(world, 'soybean') }, moreThan: -1 }] }),
  'a date range that ends before it starts': (world) => ({ from: '2022-07-31', to: '2022-07-01', filters: [{ type: 'ITEM_SPEND', item: { sku: product(world, 'soybean') }, moreThan: 1 }] }),
  'a start that is not a date': (world) => ({ from: 'July', to: '2022-07-31', filters: [{ type: 'ITEM_SPEND', item: { sku: product(world, 'soybean') }, moreThan: 1 }] }),
  'an unknown filter': (world) => ({ from: '2022-07-01', to: '2022-07-31', filters: [{ type: 'FAVOURITE_STORE', item: { sku: product(world, 'soybean') }, moreThan: 1 }] }),
  'a filter naming no item': () => ({ from: '2022-07-01', to: '2022-07-31', filters: [{ type: 'ITEM_SPEND', item: {}, moreThan: 1 }] }),
  'a filter naming a product and a category': (world) => ({
    from: '2022-07-01',
    to: '2022-07-31',
    filters: [{ type: 'ITEM_SPEND', item: { sku: product(world, 'soybean'), category: category(world, 'Pulses') }, moreThan: 1 }],
  }),
  'an empty product': () => ({ from: '2022-07-01', to: '2022-07-31', filters: [{ type: 'ITEM_SPEND', item: { sku: '' }, moreThan: 1 }] }),
  'an empty category': () => ({ from: '2022-07-01', to: '2022-07-31', filters: [{ type: 'ITEM_SPEND', item: { category: '' }, moreThan: 1 }] }),
  'an attribute without a name': (world) => ({ from: '2022-07-01', to: '2022-07-31', filters: [{ type: 'ITEM_SPEND', item: { attribute: { value: attributeValue(world, 'Madhya Pradesh') } }, moreThan: 1 }] }),
  'an attribute without a value': () => ({ from: '2022-07-01', to: '2022-07-31', filters: [{ type: 'ITEM_SPEND', item: { attribute: { name: 'origin' } }, moreThan: 1 }] }),
  'an end that is not a date': (world) => ({ from: '2022-07-01', to: 'end of July', filters: [{ type: 'ITEM_SPEND', item: { sku: product(world, 'soybean') }, moreThan: 1 }] }),
  'no filter': () => ({ from: '2022-07-01', to: '2022-07-31', filters: [] }),
  'an unknown loyalty type': (world) => ({ from: '2022-07-01', to: '2022-07-31', loyaltyType: 'gold', filters: [{ type: 'ITEM_SPEND', item: { sku: product(world, 'soybean') }, moreThan: 1 }] }),
};

When('the audience query with {} is sent', async function (this: MemberspecWorld, flaw: string) {
  const build = FLAWED_QUERIES[flaw];
  if (!build) throw new HarnessError(`unknown flawed query "${flaw}"`);
  this.last = await (await this.session()).queryAudience(build(this) as unknown as AudienceQuerySpec);
});
