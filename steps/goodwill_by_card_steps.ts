// Seed 003 "Card support in Goodwill Points Issual": goodwill for the holder of a card, named by its number
// or its card external id, in the card's linked program unless another is chosen.
import { Given, Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import type { GoodwillOutcome, Result } from '../driver/driver.ts';
import { spaced } from './support/parameter_types.ts';
import type { MemberspecWorld } from './support/world.ts';

function symbol(world: MemberspecWorld, token: string): string {
  const value = world.value(token);
  if (value === undefined) throw new Error(`${token} cannot be NULL here`);
  return value;
}

Given(
  /^card (\S+) with the card external id (\S+)( written with a space on each side)? is linked to "([^"]*)"$/,
  async function (this: MemberspecWorld, card: string, externalId: string, withSpaces: string | undefined, name: string) {
    const value = withSpaces ? spaced(symbol(this, externalId)) : symbol(this, externalId);
    const result = await (await this.session()).addCard(this.customerId(name), { number: symbol(this, card), externalId: value }, { source: 'INSTORE' });
    if (!result.ok) expect.fail(`linking card ${card} to "${name}" was refused with error ${result.error.code}: ${result.error.message}`);
  },
);

When(
  /^(\d+) goodwill points are given for "([^"]*)" to the holder of (card|the card external id) (\S+)( written with a space on each side)?(?: in program (\d+))?$/,
  async function (this: MemberspecWorld, points: string, reason: string, kind: string, token: string, withSpaces?: string | null, programId?: string | null) {
    const value = withSpaces ? spaced(symbol(this, token)) : symbol(this, token);
    const card = { by: kind === 'card' ? ('cardnumber' as const) : ('cardExternalId' as const), value };
    this.last = await (await this.session()).giveGoodwillPointsByCard(card, Number(points), reason, programId == null ? undefined : Number(programId));
  },
);

Then('the points went to {string} in the program {string}', function (this: MemberspecWorld, name: string, program: string) {
  const last = this.last as Result<GoodwillOutcome> | undefined;
  if (!last?.ok) expect.fail(`the goodwill points were refused: ${last?.error.code} ${last?.error.message}`);
  expect(last.value.customerId, 'the customer the card names').to.equal(this.customerId(name));
  expect(last.value.programName, "the card's linked program").to.equal(program);
  const awarded = last.value.awards.filter((award) => award.customerId === this.customerId(name)).reduce((sum, award) => sum + award.points, 0);
  expect(awarded, 'points awarded to the card holder').to.be.above(0);
});
