// Seed 002 "Cards": linking, issuing, status and label, availability, and finding a customer by card
// number. Card numbers are symbols (C1: unique per scenario) or the literal numbers a series issues.
import { Before, Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { expect } from 'chai';
import { HarnessError, type CardRequest } from '../driver/driver.ts';
import { spaced, type SourceSpec } from './support/parameter_types.ts';
import type { MemberspecWorld } from './support/world.ts';

Before({ tags: '@new-org' }, function (this: MemberspecWorld) {
  this.requiresNewOrg = true;
});

function cardNumber(world: MemberspecWorld, token: string): string {
  const value = world.value(token);
  if (value === undefined) throw new Error('a card number cannot be NULL');
  return value;
}

async function addCard(world: MemberspecWorld, name: string, card: CardRequest, source: SourceSpec): Promise<void> {
  world.last = await (await world.session()).addCard(world.customerId(name), card, source);
}

When('card {word} is linked to {string} through {source}', async function (this: MemberspecWorld, token: string, name: string, source: SourceSpec) {
  await addCard(this, name, { number: cardNumber(this, token) }, source);
});

When(
  'card {word} is linked to {string} through {source} with the label {word}',
  async function (this: MemberspecWorld, token: string, name: string, source: SourceSpec, label: string) {
    await addCard(this, name, { number: cardNumber(this, token), statusLabel: label }, source);
  },
);

When(
  'card {word} of series {int} is linked to {string} through {source}',
  async function (this: MemberspecWorld, token: string, seriesId: number, name: string, source: SourceSpec) {
    await addCard(this, name, { number: cardNumber(this, token), seriesId }, source);
  },
);

When('a card of series {int} is issued to {string} through {source}', async function (this: MemberspecWorld, seriesId: number, name: string, source: SourceSpec) {
  await addCard(this, name, { seriesId, statusLabel: 'ACTIVE' }, source);
});

When(
  'a card of series {int} is issued to {string} through {source} with the label {word}',
  async function (this: MemberspecWorld, seriesId: number, name: string, source: SourceSpec, label: string) {
    await addCard(this, name, { seriesId, statusLabel: label }, source);
  },
);

/** An id no customer of any org has. */
const UNKNOWN_CUSTOMER_ID = 2147483647;

When('card {word} is linked to a customer no one registered through {source}', async function (this: MemberspecWorld, token: string, source: SourceSpec) {
  this.last = await (await this.session()).addCard(UNKNOWN_CUSTOMER_ID, { number: cardNumber(this, token) }, source);
});

/** Card requests without a usable number, by the feature's words. */
const NUMBERLESS_CARDS: Readonly<Record<string, CardRequest>> = {
  'an empty number': { number: '' },
  'a blank number': { number: '   ' },
};

When(/^a card with (.+) is linked to "([^"]*)" through INSTORE$/, async function (this: MemberspecWorld, what: string, name: string) {
  const card = NUMBERLESS_CARDS[what];
  if (!card) throw new HarnessError(`unknown card request "${what}" (use ${Object.keys(NUMBERLESS_CARDS).join(', ')})`);
  await addCard(this, name, card, { source: 'INSTORE' });
});

When('card {word} written with a space on each side is linked to {string} through {source}', async function (this: MemberspecWorld, token: string, name: string, source: SourceSpec) {
  await addCard(this, name, { number: spaced(cardNumber(this, token)) }, source);
});

When('the availability of card {word} written with a space on each side is checked', async function (this: MemberspecWorld, token: string) {
  this.last = await (await this.session()).checkCardAvailability(spaced(cardNumber(this, token)));
});

Given('card {word} is linked to {string}', async function (this: MemberspecWorld, token: string, name: string) {
  await addCard(this, name, { number: cardNumber(this, token) }, { source: 'INSTORE' });
  const last = this.last!;
  if (!last.ok) expect.fail(`linking card ${token} to "${name}" was refused with error ${last.error.code}: ${last.error.message}`);
});

When(
  'the status of card {word} of {string} is changed to {word} with the label {string}',
  async function (this: MemberspecWorld, token: string, name: string, status: string, label: string) {
    this.last = await (await this.session()).changeCardStatus(this.customerId(name), cardNumber(this, token), status, label);
  },
);

When(
  /^the status of card (\S+) of "([^"]*)" is changed to (\S+) with (an empty label|a blank label|the label "[^"]*" written with a space on each side)$/,
  async function (this: MemberspecWorld, token: string, name: string, status: string, words: string) {
    const label = words === 'an empty label' ? '' : words === 'a blank label' ? '   ' : spaced(/"([^"]*)"/.exec(words)![1]);
    this.last = await (await this.session()).changeCardStatus(this.customerId(name), cardNumber(this, token), status, label);
  },
);

When(
  'the status of card {word} written with a space on each side of {string} is changed to {word}',
  async function (this: MemberspecWorld, token: string, name: string, status: string) {
    this.last = await (await this.session()).changeCardStatus(this.customerId(name), spaced(cardNumber(this, token)), status);
  },
);

When('the status of card {word} of {string} is changed to {word}', async function (this: MemberspecWorld, token: string, name: string, status: string) {
  this.last = await (await this.session()).changeCardStatus(this.customerId(name), cardNumber(this, token), status);
});

When('the availability of card {word} is checked', async function (this: MemberspecWorld, token: string) {
  this.last = await (await this.session()).checkCardAvailability(cardNumber(this, token));
});

When('the availability of card {word} in series {int} is checked', async function (this: MemberspecWorld, token: string, seriesId: number) {
  this.last = await (await this.session()).checkCardAvailability(cardNumber(this, token), seriesId);
});

function availability(world: MemberspecWorld): { available: boolean; reason?: string } {
  const last = world.last;
  if (!last || !last.ok) expect.fail(last ? `the availability check was refused with error ${last.error.code}: ${last.error.message}` : 'no check was made');
  return last.value as { available: boolean; reason?: string };
}

Then('the card is available', function (this: MemberspecWorld) {
  const answer = availability(this);
  expect(answer.available, `the card should be available${answer.reason ? `, but: ${answer.reason}` : ''}`).to.equal(true);
});

Then('the card is not available because {string}', function (this: MemberspecWorld, reason: string) {
  const answer = availability(this);
  expect(answer.available, 'the card should not be available').to.equal(false);
  expect(answer.reason ?? '', 'the reason it is not available').to.include(reason);
});

// An optional series column names the card series a card was issued or checked against ("none": no series).
// "in any order": the seeds do not say where cards from elsewhere (a merge victim's) are listed.
Then(/^the cards of "([^"]*)" are(, in any order)?:$/, async function (this: MemberspecWorld, name: string, anyOrder: string | undefined, table: DataTable) {
  const rows = table.hashes();
  const withSeries = rows.some((row) => row.series !== undefined);
  const shown = ((await this.view(name)).cards ?? []).map((card) => ({
    card: this.describe(card.number),
    status: card.status,
    label: card.label,
    ...(withSeries ? { series: card.seriesId === undefined ? 'none' : String(card.seriesId) } : {}),
  }));
  const expected = rows.map((row) => ({ card: this.describe(cardNumber(this, row.card)), status: row.status, label: row.label, ...(withSeries ? { series: row.series } : {}) }));
  if (anyOrder) expect(shown, `${name}: cards`).to.have.deep.members(expected);
  else expect(shown, `${name}: cards`).to.deep.equal(expected);
});

Then('{string} has no cards', async function (this: MemberspecWorld, name: string) {
  const cards = (await this.view(name)).cards ?? [];
  expect(cards.map((card) => this.describe(card.number)), `${name}: cards`).to.deep.equal([]);
});

When('a customer is looked up through {source} by the card number {word}', async function (this: MemberspecWorld, source: SourceSpec, token: string) {
  this.last = await (await this.session()).lookUp({ ...source, identifiers: [{ type: 'cardnumber', value: cardNumber(this, token) }] });
});

Then(/^looking up the card number (\S+)( written with a space on each side)? through (\S+) finds "([^"]*)"$/, async function (this: MemberspecWorld, token: string, withSpaces: string | undefined, through: string, name: string) {
  const number = withSpaces ? spaced(cardNumber(this, token)) : cardNumber(this, token);
  const result = await (await this.session()).lookUp({ source: through, identifiers: [{ type: 'cardnumber', value: number }] });
  if (!result.ok) expect.fail(`looking up card ${token} was refused with error ${result.error.code}: ${result.error.message}`);
  expect(result.value.customerId, `looking up card ${token} should find "${name}"`).to.equal(this.customerId(name));
});
