// Registrations and transactions: the customer part of a request, built from the feature's words.
import { Given, When, type DataTable } from '@cucumber/cucumber';
import { expect } from 'chai';
import { HarnessError, type IncomingCustomer, type LoyaltyType } from '../driver/driver.ts';
import { customerFromDetails } from './support/details.ts';
import type { IdentifierSpec, SourceSpec } from './support/parameter_types.ts';
import type { MemberspecWorld } from './support/world.ts';

async function register(world: MemberspecWorld, customer: IncomingCustomer): Promise<void> {
  world.last = await (await world.session()).register(customer);
}

async function transact(world: MemberspecWorld, customer: IncomingCustomer): Promise<void> {
  const session = await world.session();
  world.last = await session.addTransaction({ billNumber: world.nextBillNumber(), billAmount: 100, customer });
}

async function registerNamed(world: MemberspecWorld, name: string, customer: IncomingCustomer): Promise<void> {
  await register(world, customer);
  const last = world.last!;
  if (!last.ok) expect.fail(`registering "${name}" was refused with error ${last.error.code}: ${last.error.message}`);
  world.nameCustomer(name, world.lastCustomerId());
}

async function registerAgain(world: MemberspecWorld, name: string, customer: IncomingCustomer): Promise<void> {
  await register(world, customer);
  const last = world.last!;
  if (!last.ok) expect.fail(`registering "${name}" again was refused with error ${last.error.code}: ${last.error.message}`);
  expect(world.lastCustomerId(), `the registration through ${customer.source} should join "${name}"`).to.equal(world.customerId(name));
}

Given(
  'a {loyalty} customer {string} registered through {source} with {identifiers}',
  async function (this: MemberspecWorld, loyalty: LoyaltyType, name: string, source: SourceSpec, ids: IdentifierSpec[]) {
    await registerNamed(this, name, this.incomingCustomer(source, loyalty, this.identifiers(ids)));
  },
);

Given(
  'a {loyalty} customer {string} registered through {source} with these details:',
  async function (this: MemberspecWorld, loyalty: LoyaltyType, name: string, source: SourceSpec, table: DataTable) {
    await registerNamed(this, name, customerFromDetails(this, source, loyalty, table));
  },
);

Given('{string} also registered through {source} with {identifiers}', async function (this: MemberspecWorld, name: string, source: SourceSpec, ids: IdentifierSpec[]) {
  await registerAgain(this, name, this.incomingCustomer(source, undefined, this.identifiers(ids)));
});

Given('{string} also registered through {source} with these details:', async function (this: MemberspecWorld, name: string, source: SourceSpec, table: DataTable) {
  await registerAgain(this, name, customerFromDetails(this, source, undefined, table));
});

When('a {loyalty} registration arrives through {source} with {identifiers}', async function (this: MemberspecWorld, loyalty: LoyaltyType, source: SourceSpec, ids: IdentifierSpec[]) {
  await register(this, this.incomingCustomer(source, loyalty, this.identifiers(ids)));
});

// The loyalty type is optional in the request (contract: loyaltyInfo).
When('a registration that names no loyalty type arrives through {source} with {identifiers}', async function (this: MemberspecWorld, source: SourceSpec, ids: IdentifierSpec[]) {
  await register(this, this.incomingCustomer(source, undefined, this.identifiers(ids)));
});

When('a {loyalty} registration arrives through {source} with these details:', async function (this: MemberspecWorld, loyalty: LoyaltyType, source: SourceSpec, table: DataTable) {
  await register(this, customerFromDetails(this, source, loyalty, table));
});

When(
  'a {loyalty} registration dated {word} arrives through {source} with {identifiers}',
  async function (this: MemberspecWorld, loyalty: LoyaltyType, date: string, source: SourceSpec, ids: IdentifierSpec[]) {
    await register(this, { ...this.incomingCustomer(source, loyalty, this.identifiers(ids)), createDate: date });
  },
);

When(
  'a {loyalty} registration arrives through {source} with the mobile {word} typed without its country code',
  async function (this: MemberspecWorld, loyalty: LoyaltyType, source: SourceSpec, token: string) {
    await register(this, this.incomingCustomer(source, loyalty, [{ type: 'mobile', value: this.symbols.national(token) }]));
  },
);

// The platform's docs: "mobile: digits only". A dash after the first seven digits (country code and all).
When(
  'a {loyalty} registration arrives through {source} with the mobile {word} written with a dash in it',
  async function (this: MemberspecWorld, loyalty: LoyaltyType, source: SourceSpec, token: string) {
    const mobile = this.value(token) ?? '';
    await register(this, this.incomingCustomer(source, loyalty, [{ type: 'mobile', value: `${mobile.slice(0, 7)}-${mobile.slice(7)}` }]));
  },
);

When('a {loyalty} registration without a source arrives with {identifiers}', async function (this: MemberspecWorld, loyalty: LoyaltyType, ids: IdentifierSpec[]) {
  const customer = { ...this.incomingCustomer({ source: '' }, loyalty, this.identifiers(ids)) } as Partial<IncomingCustomer>;
  delete customer.source;
  await register(this, customer as IncomingCustomer);
});

When(
  'a {loyalty} registration without credentials arrives through {source} with {identifiers}',
  async function (this: MemberspecWorld, loyalty: LoyaltyType, source: SourceSpec, ids: IdentifierSpec[]) {
    const anonymous = (await this.session()).anonymous();
    this.last = await anonymous.register(this.incomingCustomer(source, loyalty, this.identifiers(ids)));
  },
);

When('a {loyalty} transaction arrives through {source} with {identifiers}', async function (this: MemberspecWorld, loyalty: LoyaltyType, source: SourceSpec, ids: IdentifierSpec[]) {
  await transact(this, this.incomingCustomer(source, loyalty, this.identifiers(ids)));
});

When('a {loyalty} transaction arrives through {source} with these details:', async function (this: MemberspecWorld, loyalty: LoyaltyType, source: SourceSpec, table: DataTable) {
  await transact(this, customerFromDetails(this, source, loyalty, table));
});

// Bodies no well-behaved client would send: the step builds them around the feature's mobile, the
// feature only names the flaw. Each one carries the mobile so a later lookup can show nothing was created.
const RAW_BODIES: Record<string, (mobile: string) => string> = {
  'is not valid JSON': (mobile) => `{"profiles": [{"source": "INSTORE", "identifiers": [{"type": "mobile", "value": "${mobile}"}]}`,
  'is larger than 100 kB': (mobile) =>
    JSON.stringify({ profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: mobile }], firstName: 'x'.repeat(101 * 1024) }] }),
  'is nested 5,000 levels deep': (mobile) =>
    `{"profiles":[{"source":"INSTORE","identifiers":[{"type":"mobile","value":"${mobile}"}],"firstName":${'['.repeat(5000)}${']'.repeat(5000)}}]}`,
  'carries a __proto__ key': (mobile) =>
    `{"__proto__":{"loyaltyType":"loyalty"},"profiles":[{"source":"INSTORE","identifiers":[{"type":"mobile","value":"${mobile}"}]}]}`,
  'has customer profiles that are not a list': (mobile) =>
    JSON.stringify({ profiles: { source: 'INSTORE', identifiers: [{ type: 'mobile', value: mobile }] } }),
};

async function sendRaw(world: MemberspecWorld, flaw: string, token: string): Promise<void> {
  const mobile = world.value(token);
  if (mobile === undefined) throw new HarnessError('a raw registration needs a mobile, not NULL');
  world.last = await (await world.session()).registerRaw(RAW_BODIES[flaw](mobile));
}

When(/^a registration with mobile (\S+) whose body (is not valid JSON|is larger than 100 kB|is nested 5,000 levels deep|carries a __proto__ key) is sent$/, async function (this: MemberspecWorld, token: string, flaw: string) {
  await sendRaw(this, flaw, token);
});

When('a registration with mobile {word} whose customer profiles are not a list is sent', async function (this: MemberspecWorld, token: string) {
  await sendRaw(this, 'has customer profiles that are not a list', token);
});

export { register, transact };
