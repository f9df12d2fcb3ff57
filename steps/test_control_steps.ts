// Test and control groups (seed 002 "Test & control status"): changing a customer's group and what the
// customer view shows. The feature's words "test" and "control" are the contract's TEST and CONTROL.
import { Given, Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import { HarnessError, type TestControlStatus } from '../driver/driver.ts';
import type { MemberspecWorld } from './support/world.ts';
import { UNKNOWN_CUSTOMER_ID } from './support/unknown_customer.ts';

const GROUPS: Readonly<Record<string, TestControlStatus>> = { test: 'TEST', control: 'CONTROL' };

function group(word: string): TestControlStatus {
  const status = GROUPS[word];
  if (!status) throw new HarnessError(`unknown group "${word}" (use test or control)`);
  return status;
}

async function change(world: MemberspecWorld, customerId: number, status: string): Promise<void> {
  world.last = await (await world.session()).changeTestControl(customerId, status);
}

Given('{string} is in the {word} group', async function (this: MemberspecWorld, name: string, word: string) {
  await change(this, this.customerId(name), group(word));
  const last = this.last!;
  if (!last.ok) expect.fail(`moving "${name}" to the ${word} group was refused with error ${last.error.code}: ${last.error.message}`);
});

When('the test and control status of {string} is changed to {word}', async function (this: MemberspecWorld, name: string, word: string) {
  await change(this, this.customerId(name), group(word));
});

When('the test and control status of {string} is changed to the value {string}', async function (this: MemberspecWorld, name: string, value: string) {
  await change(this, this.customerId(name), value);
});

When('the test and control status of an unknown customer is changed to {word}', async function (this: MemberspecWorld, word: string) {
  await change(this, UNKNOWN_CUSTOMER_ID, group(word));
});

Then('{string} shows the test and control status {word}', async function (this: MemberspecWorld, name: string, word: string) {
  expect((await this.view(name)).testControl, `${name}: test and control status`).to.equal(group(word));
});

Then('{string} shows a test and control status', async function (this: MemberspecWorld, name: string) {
  expect((await this.view(name)).testControl, `${name}: test and control status`).to.be.oneOf(Object.values(GROUPS));
});
