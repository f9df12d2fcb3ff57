// Seed 004's before/after tables, used verbatim: | Type of User | EMAIL | MOBILE |. Rows name users by
// role; "Incoming transaction user data" is the request's customer part (ruling 4), not a customer.
import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { expect } from 'chai';
import { HarnessError, type Identifier, type LoyaltyType } from '../driver/driver.ts';
import { register, transact } from './registration_steps.ts';
import { roleKey, type MemberspecWorld } from './support/world.ts';

const INCOMING = /^incoming/i;
const NOT_ADDED = 'not added due to conflict';

/** The identifier columns of a seed table, by header (EMAIL / Email, MOBILE / Mobile). */
function identifierColumns(table: DataTable): { header: string; type: string }[] {
  const [first, ...rest] = table.raw()[0];
  if (!first) throw new HarnessError('empty table');
  return rest.map((header) => {
    const type = { email: 'email', mobile: 'mobile', 'external id': 'externalId' }[header.trim().toLowerCase()];
    if (!type) throw new HarnessError(`unknown identifier column "${header}"`);
    return { header, type };
  });
}

function rowIdentifiers(world: MemberspecWorld, table: DataTable, row: string[]): Identifier[] {
  return identifierColumns(table).flatMap(({ type }, i) => {
    const value = world.value(row[i + 1].trim());
    return value === undefined ? [] : [{ type, value }];
  });
}

function loyaltyOf(world: MemberspecWorld, name: string): LoyaltyType {
  const key = roleKey(name);
  for (const [term, type] of world.userTypes) if (key.startsWith(term)) return type;
  throw new HarnessError(`"${name}" is not one of the seed's user types (${[...world.userTypes.keys()].join(', ')})`);
}

Given('the users of the example:', async function (this: MemberspecWorld, table: DataTable) {
  for (const row of table.raw().slice(1)) {
    const name = row[0];
    if (INCOMING.test(name)) {
      this.incoming = rowIdentifiers(this, table, row);
      continue;
    }
    await register(this, this.incomingCustomer({ source: 'INSTORE' }, loyaltyOf(this, name), rowIdentifiers(this, table, row)));
    const last = this.last!;
    if (!last.ok) expect.fail(`registering "${name}" was refused with error ${last.error.code}: ${last.error.message}`);
    this.nameCustomer(name, this.lastCustomerId());
  }
});

When(
  'the incoming transaction user data arrives in a {loyalty} {incomingKind}',
  async function (this: MemberspecWorld, loyalty: LoyaltyType, kind: string) {
    if (!this.incoming) throw new HarnessError('the example has no "Incoming transaction user data" row');
    const customer = this.incomingCustomer({ source: 'INSTORE' }, loyalty, this.incoming);
    await (kind === 'transaction' ? transact(this, customer) : register(this, customer));
  },
);

/** After a refused request, each incoming identifier leads to no customer or to one the example named. */
async function expectNoNewHolder(world: MemberspecWorld, row: string): Promise<void> {
  const session = await world.session();
  const named = [...world.customers.values()];
  for (const identifier of world.incoming ?? []) {
    const result = await session.lookUp({ source: 'INSTORE', identifiers: [identifier] });
    if (!result.ok) continue;
    expect(named, `"${row}": ${identifier.type} ${world.describe(identifier.value)} leads to customer ${result.value.customerId}, which the example does not have`).to.include(
      result.value.customerId,
    );
  }
}

Then('the users are:', async function (this: MemberspecWorld, table: DataTable) {
  const columns = identifierColumns(table);
  for (const row of table.raw().slice(1)) {
    const name = row[0];
    if (row.slice(1).some((cell) => cell.trim().toLowerCase() === NOT_ADDED)) {
      expect(this.last?.ok, `"${name}": the request should not have been added`).to.equal(false);
      await expectNoNewHolder(this, name);
      continue;
    }
    const view = await this.view(name);
    columns.forEach(({ header, type }, i) => {
      const expected = this.value(row[i + 1].trim());
      const actual = view.identifiers.find((identifier) => identifier.type === type)?.value;
      expect(this.comparable(type, actual), `${name}: ${header}`).to.equal(this.comparable(type, expected));
    });
  }
});

Then('a new customer was created for the incoming request, known as {string}', function (this: MemberspecWorld, name: string) {
  const id = this.lastCustomerId();
  expect([...this.customers.values()], 'the request should create a new customer').to.not.include(id);
  this.nameCustomer(name, id);
});

Then('the incoming request was matched to {string}', function (this: MemberspecWorld, name: string) {
  expect(this.lastCustomerId(), `the request's customer should be "${name}"`).to.equal(this.customerId(name));
});
