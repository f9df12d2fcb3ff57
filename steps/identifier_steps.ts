// Identifier changes and customer updates of a named customer.
import { When } from '@cucumber/cucumber';
import { HarnessError, type LoyaltyType } from '../driver/driver.ts';
import type { IdentifierSpec, SourceSpec } from './support/parameter_types.ts';
import type { MemberspecWorld } from './support/world.ts';
import { UNKNOWN_CUSTOMER_ID } from './support/unknown_customer.ts';

When(
  '{string} changes its {idType} from {word} to {word} through {source}',
  async function (this: MemberspecWorld, name: string, type: string, from: string, to: string, source: SourceSpec) {
    const change = { ...source, add: this.identifiers([{ type, token: to }]), remove: this.identifiers([{ type, token: from }]) };
    this.last = await (await this.session()).changeIdentifier(this.customerId(name), change);
  },
);

When('{string} adds the {identifiers} through {source}', async function (this: MemberspecWorld, name: string, ids: IdentifierSpec[], source: SourceSpec) {
  const change = { ...source, add: this.identifiers(ids), remove: [] };
  this.last = await (await this.session()).changeIdentifier(this.customerId(name), change);
});

When(
  '{string} links card {word} and adds the {identifiers} in one change through {source}',
  async function (this: MemberspecWorld, name: string, card: string, ids: IdentifierSpec[], source: SourceSpec) {
    const number = this.value(card);
    if (number === undefined) throw new HarnessError('a card number cannot be NULL');
    const change = { ...source, add: this.identifiers(ids), remove: [], cards: [{ number }] };
    this.last = await (await this.session()).changeIdentifier(this.customerId(name), change);
  },
);

When(
  '{string} adds the {identifiers} and removes the {identifiers} in one change through {source}',
  async function (this: MemberspecWorld, name: string, added: IdentifierSpec[], removed: IdentifierSpec[], source: SourceSpec) {
    const change = { ...source, add: this.identifiers(added), remove: this.identifiers(removed) };
    this.last = await (await this.session()).changeIdentifier(this.customerId(name), change);
  },
);

When(
  '{string} links card {word} and is issued a card of series {int} in one change through {source}',
  async function (this: MemberspecWorld, name: string, card: string, seriesId: number, source: SourceSpec) {
    const number = this.value(card);
    if (number === undefined) throw new HarnessError('a card number cannot be NULL');
    const change = { ...source, add: [], remove: [], cards: [{ number }, { seriesId, statusLabel: 'ACTIVE' }] };
    this.last = await (await this.session()).changeIdentifier(this.customerId(name), change);
  },
);

When('{string} adds a {idType} with an empty value through {source}', async function (this: MemberspecWorld, name: string, type: string, source: SourceSpec) {
  this.last = await (await this.session()).changeIdentifier(this.customerId(name), { ...source, add: [{ type, value: '' }], remove: [] });
});

When('{string} removes the {identifiers} through {source}', async function (this: MemberspecWorld, name: string, ids: IdentifierSpec[], source: SourceSpec) {
  const change = { ...source, add: [], remove: this.identifiers(ids) };
  this.last = await (await this.session()).changeIdentifier(this.customerId(name), change);
});

When('an identifier change adding the {identifiers} is sent for a customer no one registered through {source}', async function (this: MemberspecWorld, ids: IdentifierSpec[], source: SourceSpec) {
  this.last = await (await this.session()).changeIdentifier(UNKNOWN_CUSTOMER_ID, { ...source, add: this.identifiers(ids), remove: [] });
});

When('an identifier change with nothing to add or remove is sent for {string} through {source}', async function (this: MemberspecWorld, name: string, source: SourceSpec) {
  this.last = await (await this.session()).changeIdentifier(this.customerId(name), { ...source, add: [], remove: [] });
});

When('{string} is changed to a {loyalty} customer through {source}', async function (this: MemberspecWorld, name: string, loyalty: LoyaltyType, source: SourceSpec) {
  this.last = await (await this.session()).updateCustomer(this.customerId(name), { ...source, loyaltyType: loyalty });
});

When('the {source} profile of {string} is updated with the first name {string}', async function (this: MemberspecWorld, source: SourceSpec, name: string, firstName: string) {
  this.last = await (await this.session()).updateCustomer(this.customerId(name), { ...source, firstName });
});

When('the {source} profile of {string} is updated with the last name {string}', async function (this: MemberspecWorld, source: SourceSpec, name: string, lastName: string) {
  this.last = await (await this.session()).updateCustomer(this.customerId(name), { ...source, lastName });
});

When('an unknown customer is changed to a {loyalty} customer through {source}', async function (this: MemberspecWorld, loyalty: LoyaltyType, source: SourceSpec) {
  this.last = await (await this.session()).updateCustomer(UNKNOWN_CUSTOMER_ID, { ...source, loyaltyType: loyalty });
});
