// Seed 003 user groups: groups created through /v2/userGroup2, their loyalty details, and the transactions
// members make on behalf of the group. Groups are named in the feature; their ids are kept per scenario.
import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { expect } from 'chai';
import { HarnessError, type GroupTransactionView, type Result, type UserGroupView } from '../driver/driver.ts';
import { UNKNOWN_CUSTOMER_ID } from './support/unknown_customer.ts';
import { roleKey, type MemberspecWorld } from './support/world.ts';

const GROUPS = new WeakMap<MemberspecWorld, Map<string, number>>();

function groups(world: MemberspecWorld): Map<string, number> {
  let map = GROUPS.get(world);
  if (!map) GROUPS.set(world, (map = new Map()));
  return map;
}

function groupId(world: MemberspecWorld, name: string): number {
  const id = groups(world).get(roleKey(name));
  if (id === undefined) throw new HarnessError(`no user group "${name}" in this scenario`);
  return id;
}

async function createGroup(world: MemberspecWorld, name: string, primary: string, others: string[], externalId?: string): Promise<void> {
  const result = await (await world.session()).createUserGroup({
    name,
    ...(externalId !== undefined ? { externalId } : {}),
    primaryMemberId: world.customerId(primary),
    // A group of the primary member alone names no other members.
    ...(others.length > 0 ? { memberIds: others.map((member) => world.customerId(member)) } : {}),
  });
  world.last = result;
  if (result.ok) groups(world).set(roleKey(name), result.value.id);
}

const memberNames = (text: string) => text.split(/, | and /).map((name) => name.replace(/^"|"$/g, ''));

When(/^a user group "([^"]+)" is created with "([^"]+)" as primary member(?: and (.+))?$/, async function (this: MemberspecWorld, name: string, primary: string, others?: string | null) {
  await createGroup(this, name, primary, others ? memberNames(others) : []);
});

Given(/^a user group "([^"]+)" of "([^"]+)" \(primary\)(?: and (.+))?$/, async function (this: MemberspecWorld, name: string, primary: string, others?: string | null) {
  await createGroup(this, name, primary, others ? memberNames(others) : []);
  const last = this.last!;
  if (!last.ok) expect.fail(`creating user group "${name}" was refused with error ${last.error.code}: ${last.error.message}`);
});

When(
  '{string} makes a bill {string} of {float} on {word} for the user group {string}',
  async function (this: MemberspecWorld, member: string, billNumber: string, amount: number, billingTime: string, group: string) {
    this.last = await (await this.session()).addGroupTransaction(groupId(this, group), { memberId: this.customerId(member), billNumber, billAmount: amount, billingTime });
  },
);

When('a user group {string} is created with an unknown customer as primary member', async function (this: MemberspecWorld, name: string) {
  const result = await (await this.session()).createUserGroup({ name, primaryMemberId: UNKNOWN_CUSTOMER_ID });
  this.last = result;
});

When('a user group {string} with the external id {string} is created with {string} as primary member', async function (this: MemberspecWorld, name: string, externalId: string, primary: string) {
  await createGroup(this, name, primary, [], externalId);
});

Then('the user group {string} shows the external id {string}', async function (this: MemberspecWorld, name: string, externalId: string) {
  const result: Result<UserGroupView> = await (await this.session()).getUserGroup(groupId(this, name));
  if (!result.ok) expect.fail(`reading user group "${name}" was refused with error ${result.error.code}: ${result.error.message}`);
  expect(result.value.externalId, `the external id of "${name}"`).to.equal(externalId);
});

When('{string} makes a bill {string} of {float} without a billing time for the user group {string}', async function (this: MemberspecWorld, member: string, billNumber: string, amount: number, group: string) {
  this.last = await (await this.session()).addGroupTransaction(groupId(this, group), { memberId: this.customerId(member), billNumber, billAmount: amount });
});

When('the unknown user group {int} is read', async function (this: MemberspecWorld, id: number) {
  this.last = await (await this.session()).getUserGroup(id);
});

Then(
  'the user group {string} is in the program {string} with the slab {string} and {int} points',
  async function (this: MemberspecWorld, name: string, program: string, slab: string, points: number) {
    const result: Result<UserGroupView> = await (await this.session()).getUserGroup(groupId(this, name));
    if (!result.ok) expect.fail(`reading user group "${name}" was refused with error ${result.error.code}: ${result.error.message}`);
    const loyalty = result.value.loyalty;
    expect(loyalty, `the loyalty details of "${name}" (the group is in the default program from its creation)`).to.not.equal(undefined);
    expect({ program: loyalty!.programName, slab: loyalty!.tier, points: loyalty!.points }).to.deep.equal({ program, slab, points });
  },
);

Then('the transactions of the user group {string} are:', async function (this: MemberspecWorld, name: string, table: DataTable) {
  const result: Result<GroupTransactionView[]> = await (await this.session()).groupTransactions(groupId(this, name));
  if (!result.ok) expect.fail(`reading the transactions of "${name}" was refused with error ${result.error.code}: ${result.error.message}`);
  const actual = result.value.map((transaction) => ({
    bill: transaction.billNumber,
    member: transaction.memberId,
    amount: transaction.billAmount,
    points: transaction.pointsIssued,
    expiry: transaction.pointsExpiryDate,
  }));
  const expected = table.hashes().map((row) => ({
    bill: row.bill,
    member: this.customerId(row.member),
    amount: Number(row.amount),
    points: Number(row.points),
    expiry: row['points expire on'],
  }));
  expect(actual, `the group transactions of "${name}", newest first`).to.deep.equal(expected);
});
