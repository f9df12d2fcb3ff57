// Rules 7, 11, 12: lookups (dual eligibility included), the customer view, and other orgs' customers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { E1, M1, M2, X1, expectCode, orgWith, seedCustomer } from './spec_support.ts';

const by = (type: string, value: string) => ({ type, value });

describe('lookup', () => {
  it('finds a customer by any identifier; unknown name 8013, bad source 8003, no match 8015', () => {
    const { service, orgId } = orgWith();
    const id = seedCustomer(service, orgId, 'loyalty', { mobile: M1, email: E1 });
    assert.equal(service.lookup(orgId, { source: 'INSTORE', identifiers: [by('email', 'E1@Example.com')] }).value, id);
    assert.equal(service.lookup(orgId, { source: 'INSTORE', identifiers: [by('mobile', M1)] }).value, id);
    expectCode(() => service.lookup(orgId, { source: 'INSTORE', identifiers: [by('shoeSize', '1')] }), 8013);
    expectCode(() => service.lookup(orgId, { source: 'NOWHERE', identifiers: [by('mobile', M1)] }), 8003);
    expectCode(() => service.lookup(orgId, { source: 'INSTORE', identifiers: [by('mobile', M2)] }), 8015);
  });

  it('ruling 90: wechat, martjackId and fbId find their oldest holder; unionId is no lookup name; nothing merges', () => {
    const { service, orgId } = orgWith();
    const register = (mobile: string) =>
      service.register(orgId, { source: 'INSTORE', identifiers: [by('mobile', mobile), by('wechat', ' oW1 '), by('unionId', 'oU1'), by('fbId', 'fb1')] }).value.customerId;
    const first = register(M1);
    const second = register(M2);
    assert.notEqual(first, second);
    assert.equal(service.lookup(orgId, { source: 'INSTORE', identifiers: [by('wechat', 'oW1')] }).value, first);
    assert.equal(service.lookup(orgId, { source: 'INSTORE', identifiers: [by('fbId', 'fb1')] }).value, first);
    expectCode(() => service.lookup(orgId, { source: 'INSTORE', identifiers: [by('martjackId', 'oW1')] }), 8015);
    expectCode(() => service.lookup(orgId, { source: 'INSTORE', identifiers: [by('unionId', 'oU1')] }), 8013);
    assert.deepEqual(service.getCustomer(orgId, second).value.identifiers, [by('mobile', M2), by('wechat', 'oW1'), by('unionId', 'oU1'), by('fbId', 'fb1')]);
    expectCode(() => service.changeIdentifier(orgId, first, { source: 'INSTORE', add: [by('wechat', '  ')], remove: [] }), 8013);
  });

  it('normalises a looked-up value unless it is already stored as given', () => {
    const { service, orgId } = orgWith();
    const id = seedCustomer(service, orgId, 'loyalty', { mobile: M1, email: E1 });
    assert.equal(service.lookup(orgId, { source: 'INSTORE', identifiers: [by('mobile', ` ${M1} `)] }).value, id);
    assert.equal(service.lookup(orgId, { source: 'INSTORE', identifiers: [by('email', ` ${E1.toUpperCase()} `)] }).value, id);
    expectCode(() => service.lookup(orgId, { source: 'INSTORE', identifiers: [by('mobile', '12')] }), 8015);
    expectCode(() => service.lookup(orgId, { source: 'INSTORE', identifiers: [by('mobile', '')] }), 8015);
  });

  it('dual eligibility: only the primary identifier finds a customer', () => {
    const { service, orgId } = orgWith({ CONF_INSTORE_V2_ENABLED: true, CONF_REGISTRATION_PRIMARY_KEY: 'externalId' });
    const john123 = seedCustomer(service, orgId, 'loyalty', { externalId: 'John123', email: E1 });
    const john124 = seedCustomer(service, orgId, 'loyalty', { externalId: 'John124', email: E1 });
    assert.equal(service.lookup(orgId, { source: 'INSTORE', identifiers: [by('externalId', 'John124')] }).value, john124);
    expectCode(() => service.lookup(orgId, { source: 'INSTORE', identifiers: [by('email', E1)] }), 8015);
    const both = [by('email', E1), by('externalId', 'John123')];
    assert.equal(service.lookup(orgId, { source: 'INSTORE', identifiers: both }).value, john123);
  });

  it('a merge victim is not found: the lookup answers its survivor', () => {
    const { service, orgId } = orgWith();
    const victim = seedCustomer(service, orgId, 'non_loyalty', { mobile: M1, externalId: X1 });
    const survivor = seedCustomer(service, orgId, 'loyalty', { mobile: M2 });
    service.requestMerge(orgId, { survivorId: survivor, victimId: victim });
    // The victim kept M1 (the survivor had a mobile) but M1 now leads to the survivor.
    assert.equal(service.lookup(orgId, { source: 'INSTORE', identifiers: [by('mobile', M1)] }).value, survivor);
    assert.equal(service.lookup(orgId, { source: 'INSTORE', identifiers: [by('externalId', X1)] }).value, survivor);
  });
});

describe('customer view', () => {
  it('lists the primary identifier first and where the customer is reachable', () => {
    const { service, orgId } = orgWith({ CONF_REGISTRATION_PRIMARY_KEY: 'email' });
    const id = service.register(orgId, {
      source: 'WECHAT',
      accountId: 'wx-1',
      identifiers: [by('externalId', X1), by('mobile', M1), by('email', E1)],
      commChannels: [{ type: 'WeChat', value: 'wx-openid' }],
    }).value.customerId;
    const view = service.getCustomer(orgId, id).value;
    assert.deepEqual(view.identifiers.map((identifier) => identifier.type), ['email', 'mobile', 'externalId']);
    assert.deepEqual(view.reachableOn, ['wechat', 'mobile', 'email']);
    assert.deepEqual(view.profiles.map((profile) => [profile.source, profile.accountId]), [['WECHAT', 'wx-1']]);
  });

  it('shows a merge victim with mergedInto and warning 8069', () => {
    const { service, orgId } = orgWith();
    const victim = seedCustomer(service, orgId, 'non_loyalty', { mobile: M1 });
    const survivor = seedCustomer(service, orgId, 'loyalty', { mobile: M2 });
    service.requestMerge(orgId, { survivorId: survivor, victimId: victim });
    const outcome = service.getCustomer(orgId, victim);
    assert.equal(outcome.value.mergedInto, survivor);
    assert.deepEqual(outcome.warnings.map((item) => item.code), [8069]);
  });

  it('getCustomerByIdentifier returns the same view as getCustomer', () => {
    const { service, orgId } = orgWith();
    const id = seedCustomer(service, orgId, 'loyalty', { mobile: M1 });
    assert.deepEqual(service.getCustomerByIdentifier(orgId, { source: 'INSTORE', identifiers: [by('mobile', M1)] }), service.getCustomer(orgId, id));
  });
});

describe("another org's customer", () => {
  it('is answered as not found (8015) by reads and writes', () => {
    const { service, orgId } = orgWith();
    const other = service.createOrg({});
    const foreign = seedCustomer(service, other.id, 'loyalty', { mobile: M1 });
    expectCode(() => service.getCustomer(orgId, foreign), 8015);
    expectCode(() => service.lookup(orgId, { source: 'INSTORE', identifiers: [by('mobile', M1)] }), 8015);
    expectCode(() => service.updateCustomer(orgId, foreign, { source: 'INSTORE', firstName: 'X' }), 8015);
    expectCode(() => service.changeIdentifier(orgId, foreign, { source: 'INSTORE', add: [by('mobile', M2)], remove: [] }), 8015);
    assert.equal(service.getCustomer(other.id, foreign).value.profiles[0].firstName, undefined);
  });
});
