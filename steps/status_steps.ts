// Customer status: the org's labels, changing a customer's label with a reason, the status log, the PII
// deletion request and the legacy fraud status. Status and restriction words are the seed's.
import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { expect } from 'chai';
import { HarnessError, resolveRestriction, resolveStatus, type StatusLabelSetup } from '../driver/driver.ts';
import { UNKNOWN_CUSTOMER_ID } from './support/unknown_customer.ts';
import type { MemberspecWorld } from './support/world.ts';

const STATUS_CONFIG = 'CONF_CUSTOMER_STATUS_ENABLED';

/** "Suspended" -> SUSPENDED; an unknown word is a mistake in the feature. */
function statusName(word: string): string {
  const status = resolveStatus(word);
  if (!status) throw new HarnessError(`unknown customer status "${word}"`);
  return status;
}

/** The restrictions cell, comma-separated; a label without any is sent without the key, as the contract allows. */
function restrictionsOf(cell: string | undefined, name: (words: string) => string): Pick<StatusLabelSetup, 'restrictions'> {
  const restrictions = (cell ?? '').split(/\s*,\s*/).filter(Boolean).map(name);
  return restrictions.length > 0 ? { restrictions } : {};
}

/** A table of | status | label | restrictions | (restrictions: the seed's words, comma-separated). */
function labelsOf(table: DataTable): StatusLabelSetup[] {
  return table.hashes().map((row) => ({
    status: statusName(row.status),
    label: row.label,
    ...restrictionsOf(row.restrictions, (words) => {
      const restriction = resolveRestriction(words);
      if (!restriction) throw new HarnessError(`unknown restriction "${words}"`);
      return restriction.name;
    }),
  }));
}

async function changeLabel(world: MemberspecWorld, name: string, label: string, reason: string): Promise<void> {
  const session = await world.session();
  // The documented call finds the customer by identifier: the one the view lists first (the primary).
  const [identifier] = (await world.view(name)).identifiers;
  if (!identifier) throw new HarnessError(`"${name}" has no identifier to find it by`);
  world.last = await session.changeStatusLabel({ source: 'INSTORE', identifiers: [identifier] }, { label, reason });
}

Given("the org's status labels, created in this order:", function (this: MemberspecWorld, table: DataTable) {
  this.setStatusLabels(labelsOf(table));
});

When('an org is requested with customer status enabled and these status labels:', async function (this: MemberspecWorld, table: DataTable) {
  if (!this.driver) throw new HarnessError('no driver: the Before hook did not run');
  this.last = await this.driver.requestOrg({ configs: { [STATUS_CONFIG]: true }, statusLabels: labelsOf(table) });
});

// The words as written, unresolved, so that the target judges a status or restriction it does not know;
// a label written "(blank)" is sent as spaces.
When('an org is requested with customer status enabled and these status labels as written:', async function (this: MemberspecWorld, table: DataTable) {
  if (!this.driver) throw new HarnessError('no driver: the Before hook did not run');
  const statusLabels: StatusLabelSetup[] = table.hashes().map((row) => ({
    status: row.status,
    label: row.label === '(blank)' ? '   ' : row.label,
    ...restrictionsOf(row.restrictions, (words) => words),
  }));
  this.last = await this.driver.requestOrg({ configs: { [STATUS_CONFIG]: true }, statusLabels });
});

When('{string} is given the status label {string} with the reason {string}', async function (this: MemberspecWorld, name: string, label: string, reason: string) {
  await changeLabel(this, name, label, reason);
});

Given('{string} has been given the status label {string}', async function (this: MemberspecWorld, name: string, label: string) {
  await changeLabel(this, name, label, 'set up for this scenario');
  const last = this.last!;
  if (!last.ok) expect.fail(`giving "${name}" the label "${label}" was refused with error ${last.error.code}: ${last.error.message}`);
});

When('a PII deletion request is raised for {string}', async function (this: MemberspecWorld, name: string) {
  this.last = await (await this.session()).requestPiiDeletion(this.customerId(name));
});

When('a PII deletion request is raised for an unknown customer', async function (this: MemberspecWorld) {
  this.last = await (await this.session()).requestPiiDeletion(UNKNOWN_CUSTOMER_ID);
});

When('an unknown customer is marked with the fraud status {word} with the reason {string}', async function (this: MemberspecWorld, status: string, reason: string) {
  this.last = await (await this.session()).setFraudStatus(UNKNOWN_CUSTOMER_ID, { status, reason });
});

When('the status log of an unknown customer is read', async function (this: MemberspecWorld) {
  this.last = await (await this.session()).statusLog(UNKNOWN_CUSTOMER_ID);
});

When('{string} is marked with the fraud status {word} with the reason {string}', async function (this: MemberspecWorld, name: string, status: string, reason: string) {
  this.last = await (await this.session()).setFraudStatus(this.customerId(name), { status, reason });
});

Then('{string} shows the status {string} with the label {string}', async function (this: MemberspecWorld, name: string, status: string, label: string) {
  const view = await this.view(name);
  expect(view.customerStatus, `"${name}" should show a customer status`).to.not.equal(undefined);
  expect(`${view.customerStatus?.status} / ${view.customerStatus?.label}`, `${name}: status / label`).to.equal(`${statusName(status)} / ${label}`);
});

Then('{string} shows the status {string}', async function (this: MemberspecWorld, name: string, status: string) {
  const view = await this.view(name);
  expect(view.customerStatus?.status, `"${name}" should show the customer status ${status}`).to.equal(statusName(status));
});

Then('{string} shows the status {string} without a label', async function (this: MemberspecWorld, name: string, status: string) {
  const view = await this.view(name);
  expect(view.customerStatus, `"${name}" should show a customer status`).to.deep.equal({ status: statusName(status) });
});

Then('{string} shows the fraud status {word}', async function (this: MemberspecWorld, name: string, status: string) {
  const view = await this.view(name);
  expect(view.fraudDetails?.status, `${name}: fraud status`).to.equal(status);
  expect(view.customerStatus, `${name}: no customer status while it is not enabled`).to.equal(undefined);
});

Then('{string} shows no fraud status', async function (this: MemberspecWorld, name: string) {
  expect((await this.view(name)).fraudDetails, `${name}: fraud status`).to.equal(undefined);
});

Then('{string} shows no status', async function (this: MemberspecWorld, name: string) {
  const view = await this.view(name);
  expect({ customerStatus: view.customerStatus, fraudDetails: view.fraudDetails }, `${name}: status should be blank`).to.deep.equal({
    customerStatus: undefined,
    fraudDetails: undefined,
  });
});

/** "the org's till" is the till this scenario calls as; any other text is taken as it is. */
function author(text: string, till: string): string {
  return text === "the org's till" ? till : text;
}

Then('the status log of {string} shows, newest first:', async function (this: MemberspecWorld, name: string, table: DataTable) {
  const session = await this.session();
  const result = await session.statusLog(this.customerId(name));
  if (!result.ok) expect.fail(`reading the status log of "${name}" was refused with error ${result.error.code}: ${result.error.message}`);
  const shown = result.value.map((e) => ({ status: e.status, label: e.label, reason: e.reason, 'changed by': e.changedBy }));
  const expected = table.hashes().map((row) => ({
    status: statusName(row.status),
    label: row.label,
    reason: row.reason,
    'changed by': author(row['changed by'], session.tillUsername),
  }));
  expect(shown, `${name}: status log`).to.deep.equal(expected);
  expect(result.value.map((e) => e.isActive), `${name}: only the newest entry is the current label`).to.deep.equal(expected.map((_, i) => i === 0));
  for (const entry of result.value) expect(Number.isNaN(Date.parse(entry.changedOn)), `${name}: log entry date ${entry.changedOn}`).to.equal(false);
});

Then('the status log of {string} is empty', async function (this: MemberspecWorld, name: string) {
  const result = await (await this.session()).statusLog(this.customerId(name));
  if (!result.ok) expect.fail(`reading the status log of "${name}" was refused with error ${result.error.code}: ${result.error.message}`);
  expect(result.value, `${name}: status log`).to.deep.equal([]);
});
