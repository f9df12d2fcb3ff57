// Lookups by identifier and reads of a customer, by this org, without credentials or by another org.
import { Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import { HarnessError } from '../driver/driver.ts';
import type { IdentifierSpec, SourceSpec } from './support/parameter_types.ts';
import type { MemberspecWorld } from './support/world.ts';

When('the customer with {identifiers} is looked up through {source}', async function (this: MemberspecWorld, ids: IdentifierSpec[], source: SourceSpec) {
  this.last = await (await this.session()).lookUp({ ...source, identifiers: this.identifiers(ids) });
});

When('a customer is looked up through {source} by {identifiers}', async function (this: MemberspecWorld, source: SourceSpec, ids: IdentifierSpec[]) {
  this.last = await (await this.session()).lookUp({ ...source, identifiers: this.identifiers(ids) });
});

When(
  'a customer is looked up through {source} by the unknown identifier type {string} with value {string}',
  async function (this: MemberspecWorld, source: SourceSpec, type: string, value: string) {
    this.last = await (await this.session()).lookUp({ ...source, identifiers: [{ type, value }] });
  },
);

// Seed 002 "Customer overview": the search takes "the complete customer identifier"; a value cut short is
// part of one, and must find nobody.
async function lookUpValue(world: MemberspecWorld, source: SourceSpec, type: string, value: string): Promise<void> {
  world.last = await (await world.session()).lookUp({ ...source, identifiers: [{ type, value }] });
}

function symbolValue(world: MemberspecWorld, token: string): string {
  const value = world.value(token);
  if (value === undefined) throw new HarnessError('a search needs a value, not NULL');
  return value;
}

When('the complete {searchable} {word} is looked up through {source}', async function (this: MemberspecWorld, type: string, token: string, source: SourceSpec) {
  await lookUpValue(this, source, type, symbolValue(this, token));
});

When('the {searchable} {word} without its last character is looked up through {source}', async function (this: MemberspecWorld, type: string, token: string, source: SourceSpec) {
  await lookUpValue(this, source, type, symbolValue(this, token).slice(0, -1));
});

When('the {searchable} {word} without its first character is looked up through {source}', async function (this: MemberspecWorld, type: string, token: string, source: SourceSpec) {
  await lookUpValue(this, source, type, symbolValue(this, token).slice(1));
});

When('the customer details of {string} are read', async function (this: MemberspecWorld, name: string) {
  this.last = await (await this.session()).getCustomer(this.customerId(name));
});

When('the customer details of {string} are read without credentials', async function (this: MemberspecWorld, name: string) {
  this.last = await (await this.session()).anonymous().getCustomer(this.customerId(name));
});

When('the customer details of {string} are read with the till password sent where its md5 belongs', async function (this: MemberspecWorld, name: string) {
  this.last = await (await this.session()).withPlainPassword().getCustomer(this.customerId(name));
});

When('the customer details of {string} are read with one more digit after the md5 of the till password', async function (this: MemberspecWorld, name: string) {
  this.last = await (await this.session()).withMd5AndOneMoreDigit().getCustomer(this.customerId(name));
});

When('another org reads the customer details of {string}', async function (this: MemberspecWorld, name: string) {
  const id = this.customerId(name);
  this.last = await (await this.otherOrg()).getCustomer(id);
});

When('another org looks up the {idType} {word} through {source}', async function (this: MemberspecWorld, type: string, token: string, source: SourceSpec) {
  const identifiers = this.identifiers([{ type, token }]);
  this.last = await (await this.otherOrg()).lookUp({ ...source, identifiers });
});

Then('looking up the {idType} {word} through {source} finds {string}', async function (this: MemberspecWorld, type: string, token: string, source: SourceSpec, name: string) {
  const result = await (await this.session()).lookUp({ ...source, identifiers: this.identifiers([{ type, token }]) });
  if (!result.ok) expect.fail(`looking up ${token} was refused with error ${result.error.code}: ${result.error.message}`);
  expect(result.value.customerId, `looking up ${token} should find "${name}"`).to.equal(this.customerId(name));
});

// "Nothing changed" after a refusal, as any client of any target sees it: none of these identifiers
// leads to a customer. The contract's "not found" is error 8015.
Then('no customer is found with {identifiers}', async function (this: MemberspecWorld, ids: IdentifierSpec[]) {
  const session = await this.session();
  for (const identifier of this.identifiers(ids)) {
    const result = await session.lookUp({ source: 'INSTORE', identifiers: [identifier] });
    const shown = `${identifier.type} ${this.describe(identifier.value)}`;
    const found = result.ok ? `it found customer ${result.value.customerId}` : `looking it up was refused with error ${result.error.code}`;
    expect(result.ok ? undefined : result.error.code, `no customer should be found with ${shown}, but ${found}`).to.equal(8015);
  }
});

// The customer details read by an identifier (getCustomerByIdentifier), as Member Care's search opens them.
Then('reading the customer details by the {idType} {word} through {source} shows {string}', async function (this: MemberspecWorld, type: string, token: string, source: SourceSpec, name: string) {
  const result = await (await this.session()).getCustomerByIdentifier({ ...source, identifiers: this.identifiers([{ type, token }]) });
  if (!result.ok) expect.fail(`reading the customer details by ${type} ${token} was refused with error ${result.error.code}: ${result.error.message}`);
  expect(result.value.id, `the customer details by ${type} ${token} should be those of "${name}"`).to.equal(this.customerId(name));
});
