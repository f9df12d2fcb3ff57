// Explicit merge requests (victim into survivor) and what a merged customer shows.
import { Given, Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import type { MemberspecWorld } from './support/world.ts';
import { UNKNOWN_CUSTOMER_ID } from './support/unknown_customer.ts';

async function requestMerge(world: MemberspecWorld, victimId: number, survivorId: number): Promise<void> {
  world.last = await (await world.session()).mergeCustomers({ survivorId, victimId });
}

Given('{string} has been merged into {string} on request', async function (this: MemberspecWorld, victim: string, survivor: string) {
  await requestMerge(this, this.customerId(victim), this.customerId(survivor));
  const last = this.last!;
  if (!last.ok) expect.fail(`merging "${victim}" into "${survivor}" was refused with error ${last.error.code}: ${last.error.message}`);
});

When('a merge of {string} into {string} is requested', async function (this: MemberspecWorld, victim: string, survivor: string) {
  await requestMerge(this, this.customerId(victim), this.customerId(survivor));
});

When('a merge of {string} into itself is requested', async function (this: MemberspecWorld, name: string) {
  await requestMerge(this, this.customerId(name), this.customerId(name));
});

When('a merge of {string} into an unknown customer is requested', async function (this: MemberspecWorld, victim: string) {
  await requestMerge(this, this.customerId(victim), UNKNOWN_CUSTOMER_ID);
});

When('a merge of an unknown customer into {string} is requested', async function (this: MemberspecWorld, survivor: string) {
  await requestMerge(this, UNKNOWN_CUSTOMER_ID, this.customerId(survivor));
});

Then('{string} is merged into {string}', async function (this: MemberspecWorld, victim: string, survivor: string) {
  const view = await this.view(victim);
  expect(view.mergedInto, `"${victim}" should be merged into "${survivor}"`).to.equal(this.customerId(survivor));
});

Then('{string} is not merged', async function (this: MemberspecWorld, name: string) {
  const view = await this.view(name);
  expect(view.mergedInto, `"${name}" should not be merged`).to.equal(undefined);
});
