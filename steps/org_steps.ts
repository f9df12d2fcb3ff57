// Org setup (provider states): settings come from the feature; the org is created on first use.
import { Given, Then, When, type DataTable } from '@cucumber/cucumber';
import { HarnessError, type AdminCredential } from '../driver/driver.ts';
import { loyaltyType } from './support/parameter_types.ts';
import { applySetting, roleKey, type MemberspecWorld } from './support/world.ts';

Given('an org with default settings', function (this: MemberspecWorld) {
  // Nothing to add: the org is created with the documented defaults on first use.
});

Given('an org with these settings:', function (this: MemberspecWorld, table: DataTable) {
  for (const { setting, value } of table.hashes()) this.addSetting(setting, value);
});

Given('the org setting {word} is {word}', function (this: MemberspecWorld, setting: string, value: string) {
  this.addSetting(setting, value);
});

// Seed 004's terms: which type of user is a loyalty customer.
Given('the user types of the seed:', function (this: MemberspecWorld, table: DataTable) {
  for (const row of table.hashes()) {
    this.userTypes.set(roleKey(row['Type of User']), loyaltyType(row['loyalty type']));
  }
});

// Test control: the answer to an org request is checked by the outcome steps, a refusal included.
When('an org is requested with these settings:', async function (this: MemberspecWorld, table: DataTable) {
  if (!this.driver) throw new HarnessError('no driver: the Before hook did not run');
  const setup = { configs: {} };
  for (const { setting, value } of table.hashes()) applySetting(setup, setting, value);
  this.last = await this.driver.requestOrg(setup);
});

// One setting with its value written as JSON (a number, a string, a list, null), as a client of the contract sends it.
When(/^an org is requested with (\w+) set to the JSON value (.+)$/, async function (this: MemberspecWorld, setting: string, json: string) {
  if (!this.driver) throw new HarnessError('no driver: the Before hook did not run');
  this.last = await this.driver.requestOrg({ configs: { [setting]: JSON.parse(json) as unknown } });
});

// The test-control extension's admin credential: a request that leaves it out or alters it.
const CREDENTIALS: Readonly<Record<string, AdminCredential>> = { 'without the admin token': 'missing', 'with a wrong admin token': 'wrong' };

When(/^an org is requested (without the admin token|with a wrong admin token)$/, async function (this: MemberspecWorld, how: string) {
  if (!this.driver) throw new HarnessError('no driver: the Before hook did not run');
  this.last = await this.driver.requestOrg({ configs: {} }, CREDENTIALS[how]);
});

When(/^the org's customers are listed (without the admin token|with a wrong admin token)$/, async function (this: MemberspecWorld, how: string) {
  this.last = await (await this.session()).requestCustomerList(CREDENTIALS[how]);
});

Then("the org's customers can be listed with the admin token", async function (this: MemberspecWorld) {
  const result = await (await this.session()).requestCustomerList('held');
  if (!result.ok) throw new HarnessError(`listing the org's customers with the admin token was refused: ${result.error.code} ${result.error.message}`);
});
