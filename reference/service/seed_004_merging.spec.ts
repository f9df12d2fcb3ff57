// Seed 004 "Skipping secondary identifiers when merging user data": every example's before/after table,
// with the incoming data sent as a transaction's customer (loyalty payload), primary identifier mobile.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { E1, M1, M2, expectCode, row, seed004Org, seedCustomer, snapshot, type Service } from './spec_support.ts';

function incomingTransaction(service: Service, orgId: number) {
  return service.addTransaction(orgId, {
    billNumber: 'B-1',
    billAmount: 100,
    customer: { source: 'INSTORE', loyaltyType: 'loyalty', identifiers: [{ type: 'email', value: E1 }, { type: 'mobile', value: M2 }] },
  });
}

describe('CONF_SKIP_SECONDARY disabled', () => {
  it('Example 1: the campaign user found by email takes the incoming mobile and the payload loyalty type', () => {
    const { service, orgId } = seed004Org(false);
    const campaign = seedCustomer(service, orgId, 'non_loyalty', { email: E1, mobile: M1 });
    const outcome = incomingTransaction(service, orgId);
    assert.equal(outcome.value.customerId, campaign);
    assert.deepEqual(row(service, orgId, campaign), { EMAIL: E1, MOBILE: M2 });
    assert.equal(service.getCustomer(orgId, campaign).value.loyaltyType, 'loyalty');
    assert.equal(service.listCustomers(orgId).customers.length, 1);
  });

  it('Example 2: campaign user merges into the loyalty user; the loyalty user takes E1', () => {
    const { service, orgId } = seed004Org(false);
    const campaign = seedCustomer(service, orgId, 'non_loyalty', { email: E1, mobile: M1 });
    const loyalty = seedCustomer(service, orgId, 'loyalty', { mobile: M2 });
    const outcome = incomingTransaction(service, orgId);
    assert.equal(outcome.value.customerId, loyalty);
    assert.deepEqual(row(service, orgId, campaign), { EMAIL: 'NULL', MOBILE: M1 });
    assert.deepEqual(row(service, orgId, loyalty), { EMAIL: E1, MOBILE: M2 });
    assert.deepEqual(outcome.value.merges, [{ survivorId: loyalty, victimId: campaign, trigger: 'transaction', moved: [{ type: 'email', value: E1 }] }]);
    assert.equal(service.getCustomer(orgId, campaign).value.mergedInto, loyalty);
  });

  it('Example 3: the campaign user (primary match) merges into the loyalty user, which takes M2', () => {
    const { service, orgId } = seed004Org(false);
    const campaign = seedCustomer(service, orgId, 'non_loyalty', { mobile: M2 });
    const loyalty = seedCustomer(service, orgId, 'loyalty', { email: E1 });
    const outcome = incomingTransaction(service, orgId);
    assert.equal(outcome.value.customerId, loyalty);
    assert.deepEqual(row(service, orgId, campaign), { EMAIL: 'NULL', MOBILE: 'NULL' });
    assert.deepEqual(row(service, orgId, loyalty), { EMAIL: E1, MOBILE: M2 });
    assert.equal(service.getCustomer(orgId, campaign).value.mergedInto, loyalty);
  });
});

describe('CONF_SKIP_SECONDARY enabled', () => {
  it('Example 1: no primary match: a new loyalty user with only M2; the campaign user is unchanged', () => {
    const { service, orgId } = seed004Org(true);
    const campaign = seedCustomer(service, orgId, 'non_loyalty', { email: E1, mobile: M1 });
    const outcome = incomingTransaction(service, orgId);
    assert.notEqual(outcome.value.customerId, campaign);
    assert.deepEqual(row(service, orgId, campaign), { EMAIL: E1, MOBILE: M1 });
    assert.deepEqual(row(service, orgId, outcome.value.customerId), { EMAIL: 'NULL', MOBILE: M2 });
    assert.equal(service.getCustomer(orgId, outcome.value.customerId).value.loyaltyType, 'loyalty');
    assert.ok(outcome.warnings.some((item) => item.code === 8210), 'the ignored email is reported');
  });

  it('Example 2: same result as with the switch disabled: the campaign user merges into the loyalty user', () => {
    const { service, orgId } = seed004Org(true);
    const campaign = seedCustomer(service, orgId, 'non_loyalty', { email: E1, mobile: M1 });
    const loyalty = seedCustomer(service, orgId, 'loyalty', { mobile: M2 });
    const outcome = incomingTransaction(service, orgId);
    assert.equal(outcome.value.customerId, loyalty);
    assert.deepEqual(row(service, orgId, campaign), { EMAIL: 'NULL', MOBILE: M1 });
    assert.deepEqual(row(service, orgId, loyalty), { EMAIL: E1, MOBILE: M2 });
    assert.equal(service.getCustomer(orgId, campaign).value.mergedInto, loyalty);
  });

  it('Example 3: conflict 8052 and both users unchanged', () => {
    const { service, orgId } = seed004Org(true);
    const campaign = seedCustomer(service, orgId, 'non_loyalty', { mobile: M2 });
    const loyalty = seedCustomer(service, orgId, 'loyalty', { email: E1 });
    const before = snapshot(service, orgId);
    expectCode(() => incomingTransaction(service, orgId), 8052);
    assert.equal(snapshot(service, orgId), before);
    assert.deepEqual(row(service, orgId, campaign), { EMAIL: 'NULL', MOBILE: M2 });
    assert.deepEqual(row(service, orgId, loyalty), { EMAIL: E1, MOBILE: 'NULL' });
    assert.equal(service.listTransactions(orgId).length, 0, 'the refused transaction is not recorded');
  });

  it('Example 4 (table, ruling 1): campaign user (E1, NULL) merges into the loyalty user', () => {
    const { service, orgId } = seed004Org(true);
    const campaign = seedCustomer(service, orgId, 'non_loyalty', { email: E1 });
    const loyalty = seedCustomer(service, orgId, 'loyalty', { mobile: M2 });
    const outcome = incomingTransaction(service, orgId);
    assert.equal(outcome.value.customerId, loyalty);
    assert.deepEqual(row(service, orgId, campaign), { EMAIL: 'NULL', MOBILE: 'NULL' });
    assert.deepEqual(row(service, orgId, loyalty), { EMAIL: E1, MOBILE: M2 });
    assert.equal(service.getCustomer(orgId, campaign).value.mergedInto, loyalty);
  });
});

describe('seed 004 through registration instead of a transaction', () => {
  it('Disabled Example 2 gives the same tables when the incoming data is a registration', () => {
    const { service, orgId } = seed004Org(false);
    const campaign = seedCustomer(service, orgId, 'non_loyalty', { email: E1, mobile: M1 });
    const loyalty = seedCustomer(service, orgId, 'loyalty', { mobile: M2 });
    const outcome = service.register(orgId, { source: 'INSTORE', identifiers: [{ type: 'email', value: E1 }, { type: 'mobile', value: M2 }] });
    assert.equal(outcome.value.merges.length, 1);
    assert.ok(outcome.warnings.some((item) => item.code === 8209));
    assert.deepEqual(row(service, orgId, campaign), { EMAIL: 'NULL', MOBILE: M1 });
    assert.deepEqual(row(service, orgId, loyalty), { EMAIL: E1, MOBILE: M2 });
  });
});
