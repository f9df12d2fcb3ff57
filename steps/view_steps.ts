// What the customer view shows: identifiers (primary first), source profiles with names and channels,
// loyalty status, registration date and the channels the customer is reachable on.
import { Then, type DataTable } from '@cucumber/cucumber';
import { expect } from 'chai';
import type { CustomerView, LoyaltyType, SourceProfile } from '../driver/driver.ts';
import type { IdentifierSpec, SourceSpec } from './support/parameter_types.ts';
import type { MemberspecWorld } from './support/world.ts';

function profileOf(view: CustomerView, { source, accountId }: SourceSpec, name: string): SourceProfile {
  const profile = view.profiles.find((p) => p.source === source && (p.accountId ?? '') === (accountId ?? ''));
  const shown = view.profiles.map((p) => (p.accountId ? `${p.source}/${p.accountId}` : p.source)).join(', ');
  if (!profile) expect.fail(`"${name}" has no ${source}${accountId ? ` account ${accountId}` : ''} profile (profiles: ${shown})`);
  return profile;
}

function identifierValue(list: readonly { type: string; value: string }[], type: string): string | undefined {
  return list.find((identifier) => identifier.type === type)?.value;
}

Then('{string} has {identifiers}', async function (this: MemberspecWorld, name: string, ids: IdentifierSpec[]) {
  const view = await this.view(name);
  for (const { type, token } of ids) {
    expect(this.comparable(type, identifierValue(view.identifiers, type)), `${name}: ${type}`).to.equal(this.comparable(type, this.value(token)));
  }
});

Then('{string} has no {idType}', async function (this: MemberspecWorld, name: string, type: string) {
  const view = await this.view(name);
  expect(this.describe(identifierValue(view.identifiers, type)), `${name}: ${type}`).to.equal('NULL');
});

Then('the first identifier of {string} is the {identifiers}', async function (this: MemberspecWorld, name: string, ids: IdentifierSpec[]) {
  const [first] = (await this.view(name)).identifiers;
  const expected = this.identifiers(ids)[0];
  expect(first && `${first.type} ${this.comparable(first.type, first.value)}`, `${name}: first identifier`).to.equal(`${expected.type} ${this.comparable(expected.type, expected.value)}`);
});

Then('{string} is a {loyalty} customer', async function (this: MemberspecWorld, name: string, loyalty: LoyaltyType) {
  expect((await this.view(name)).loyaltyType, `${name}: loyalty type`).to.equal(loyalty);
});

Then('{string} is a loyalty or a non-loyalty customer', async function (this: MemberspecWorld, name: string) {
  expect((await this.view(name)).loyaltyType, `${name}: loyalty type`).to.be.oneOf(['loyalty', 'non_loyalty']);
});

Then('{string} shows the registration date {word}', async function (this: MemberspecWorld, name: string, date: string) {
  const shown = (await this.view(name)).registeredOn;
  expect(Date.parse(shown), `${name}: registered on ${shown}`).to.equal(Date.parse(date));
});

Then('{string} has these source profiles:', async function (this: MemberspecWorld, name: string, table: DataTable) {
  const shown = (await this.view(name)).profiles.map((p) => `${p.source} ${p.accountId ?? ''}`.trim()).sort();
  const expected = table.hashes().map((row) => `${row.source} ${row.account}`.trim()).sort();
  expect(shown, `${name}: source profiles`).to.deep.equal(expected);
});

Then('the {source} profile of {string} shows {identifiers}', async function (this: MemberspecWorld, source: SourceSpec, name: string, ids: IdentifierSpec[]) {
  const profile = profileOf(await this.view(name), source, name);
  for (const { type, token } of ids) {
    expect(this.comparable(type, identifierValue(profile.identifiers, type)), `${name}: ${source.source} profile ${type}`).to.equal(this.comparable(type, this.value(token)));
  }
});

Then('the {source} profile of {string} shows no {idType}', async function (this: MemberspecWorld, source: SourceSpec, name: string, type: string) {
  const profile = profileOf(await this.view(name), source, name);
  expect(this.describe(identifierValue(profile.identifiers, type)), `${name}: ${source.source} profile ${type}`).to.equal('NULL');
});

// A profile holds one value of a type, the customer's (whatever a target does with a request naming a type twice).
Then('the {source} profile of {string} shows one {idType}, the one the customer has', async function (this: MemberspecWorld, source: SourceSpec, name: string, type: string) {
  const view = await this.view(name);
  const shown = profileOf(view, source, name).identifiers.filter((identifier) => identifier.type === type);
  expect(shown.map((identifier) => this.comparable(type, identifier.value)), `${name}: ${source.source} profile ${type}`).to.deep.equal([this.comparable(type, identifierValue(view.identifiers, type))]);
});

Then('the {source} profile of {string} shows the first name {string}', async function (this: MemberspecWorld, source: SourceSpec, name: string, expected: string) {
  expect(profileOf(await this.view(name), source, name).firstName, `${name}: ${source.source} first name`).to.equal(expected);
});

Then('the {source} profile of {string} shows the last name {string}', async function (this: MemberspecWorld, source: SourceSpec, name: string, expected: string) {
  expect(profileOf(await this.view(name), source, name).lastName, `${name}: ${source.source} last name`).to.equal(expected);
});

Then('the {source} profile of {string} has these communication channels:', async function (this: MemberspecWorld, source: SourceSpec, name: string, table: DataTable) {
  const profile = profileOf(await this.view(name), source, name);
  // Channel types in any letter case: the API writes mobilePush, the seed's channels are lowercase.
  const shown = profile.commChannels.map((c) => `${c.type.toLowerCase()} ${this.describe(c.value)}`).sort();
  const expected = table.hashes().map((row) => `${row.channel.toLowerCase()} ${this.describe(this.value(row.value))}`).sort();
  expect(shown, `${name}: ${source.source} channels`).to.deep.equal(expected);
});

Then('the {source} profile of {string} has no communication channels', async function (this: MemberspecWorld, source: SourceSpec, name: string) {
  expect(profileOf(await this.view(name), source, name).commChannels, `${name}: ${source.source} channels`).to.deep.equal([]);
});

Then('{string} is reachable on {word}', async function (this: MemberspecWorld, name: string, channel: string) {
  const shown = (await this.view(name)).reachableOn.map((type) => type.toLowerCase());
  expect(shown, `${name}: reachable on`).to.include(channel.toLowerCase());
});

Then('{string} is reachable on {channels} only', async function (this: MemberspecWorld, name: string, channels: string[]) {
  const shown = [...(await this.view(name)).reachableOn].sort();
  expect(shown, `${name}: reachable on`).to.deep.equal([...channels].sort());
});

Then('{string} is reachable on no channel', async function (this: MemberspecWorld, name: string) {
  expect((await this.view(name)).reachableOn, `${name}: reachable on`).to.deep.equal([]);
});

/** A two-column table with a header (name | value) as the fields it names, values resolved like identifiers. */
function expectedFields(world: MemberspecWorld, table: DataTable): Record<string, string> {
  return Object.fromEntries(table.hashes().map((row) => [row.name, world.value(row.value) ?? '']));
}

/** What the target shows, values as text (the API takes strings, numbers or booleans). */
function shownFields(fields: Readonly<Record<string, unknown>> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(fields ?? {}).map(([name, value]) => [name, String(value)]));
}

// Seed 002 "Customer attributes": the extended fields of the customer, all of them and nothing else.
Then('{string} shows these extended fields:', async function (this: MemberspecWorld, name: string, table: DataTable) {
  expect(shownFields((await this.view(name)).extendedFields), `${name}: extended fields`).to.deep.equal(expectedFields(this, table));
});

// Seed 002 "Customer attributes": the custom fields, on the source profile they were given through.
Then('the {source} profile of {string} shows these custom fields:', async function (this: MemberspecWorld, source: SourceSpec, name: string, table: DataTable) {
  const profile = profileOf(await this.view(name), source, name);
  expect(shownFields(profile.fields), `${name}: ${source.source} profile custom fields`).to.deep.equal(expectedFields(this, table));
});
