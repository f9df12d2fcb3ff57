// Rule 8: changing identifiers, the automatic merge it may trigger, and CONF_IDENTIFIERS_SYNC_ENABLED.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { E1, E2, M1, M2, M3, expectCode, orgWith, row, seedCustomer, snapshot, type Service } from './spec_support.ts';

const mobile = (value: string) => ({ type: 'mobile', value });
const email = (value: string) => ({ type: 'email', value });

function profileIdentifiers(service: Service, orgId: number, id: number, source: string) {
  return service.getCustomer(orgId, id).value.profiles.find((profile) => profile.source === source)?.identifiers;
}

describe('changeIdentifier', () => {
  it('replaces the mobile; the old value no longer finds the customer, the new one does', () => {
    const { service, orgId } = orgWith();
    const id = seedCustomer(service, orgId, 'loyalty', { mobile: M1 });
    service.changeIdentifier(orgId, id, { source: 'INSTORE', add: [mobile(M2)], remove: [mobile(M1)] });
    assert.deepEqual(row(service, orgId, id), { EMAIL: 'NULL', MOBILE: M2 });
    assert.equal(service.lookup(orgId, { source: 'INSTORE', identifiers: [mobile(M2)] }).value, id);
    expectCode(() => service.lookup(orgId, { source: 'INSTORE', identifiers: [mobile(M1)] }), 8015);
  });

  it('refuses a type whose update config is off with 8204, an empty change with 8070', () => {
    const { service, orgId } = orgWith({ CONF_ALLOW_EMAIL_UPDATE: false });
    const id = seedCustomer(service, orgId, 'loyalty', { mobile: M1, email: E1 });
    const error = expectCode(() => service.changeIdentifier(orgId, id, { source: 'INSTORE', add: [email(E2)], remove: [] }), 8204);
    assert.match(error.message, /CONF_ALLOW_EMAIL_UPDATE/);
    expectCode(() => service.changeIdentifier(orgId, id, { source: 'INSTORE', add: [], remove: [] }), 8070);
    assert.deepEqual(row(service, orgId, id), { EMAIL: E1, MOBILE: M1 });
  });

  it('warns 8071 when the customer already has the mobile, and changes nothing', () => {
    const { service, orgId } = orgWith();
    const id = seedCustomer(service, orgId, 'loyalty', { mobile: M1 });
    const outcome = service.changeIdentifier(orgId, id, { source: 'INSTORE', add: [mobile(M1)], remove: [] });
    assert.deepEqual(outcome.warnings.map((item) => item.code), [8071]);
    assert.deepEqual(row(service, orgId, id), { EMAIL: 'NULL', MOBILE: M1 });
  });

  it('a value held by a customer of the same source is refused with 8007', () => {
    const { service, orgId } = orgWith();
    const a = seedCustomer(service, orgId, 'loyalty', { mobile: M1 });
    seedCustomer(service, orgId, 'loyalty', { mobile: M2, email: E1 });
    const before = snapshot(service, orgId);
    expectCode(() => service.changeIdentifier(orgId, a, { source: 'INSTORE', add: [email(E1)], remove: [] }), 8007);
    assert.equal(snapshot(service, orgId), before);
  });

  it('a value held by a customer of another source merges the changed customer (victim) into it (survivor)', () => {
    const { service, orgId } = orgWith();
    const changed = seedCustomer(service, orgId, 'loyalty', { mobile: M1, email: E2 });
    const holder = seedCustomer(service, orgId, 'loyalty', { mobile: M2 }, 'ECOMMERCE');
    const outcome = service.changeIdentifier(orgId, changed, { source: 'INSTORE', add: [mobile(M2)], remove: [] });
    assert.equal(outcome.value.customerId, holder);
    assert.deepEqual(outcome.warnings.map((item) => item.code), [8051]);
    assert.deepEqual(service.listCustomers(orgId).merges, [{ survivorId: holder, victimId: changed, trigger: 'changeIdentifier', moved: [{ type: 'email', value: E2 }] }]);
    assert.equal(service.getCustomer(orgId, changed).value.mergedInto, holder);
    assert.deepEqual(row(service, orgId, holder), { EMAIL: E2, MOBILE: M2 });
    assert.deepEqual(row(service, orgId, changed), { EMAIL: 'NULL', MOBILE: M1 });
  });

  it('values held by two different customers cannot be merged (8053)', () => {
    const { service, orgId } = orgWith();
    const changed = seedCustomer(service, orgId, 'loyalty', { mobile: M1 });
    seedCustomer(service, orgId, 'loyalty', { mobile: M2 }, 'ECOMMERCE');
    seedCustomer(service, orgId, 'loyalty', { mobile: M3, email: E1 }, 'WEBSITE');
    expectCode(() => service.changeIdentifier(orgId, changed, { source: 'INSTORE', add: [mobile(M2), email(E1)], remove: [] }), 8053);
  });

  it('removing the primary identifier without a replacement is refused (91005)', () => {
    const { service, orgId } = orgWith();
    const id = seedCustomer(service, orgId, 'loyalty', { mobile: M1, email: E1 });
    expectCode(() => service.changeIdentifier(orgId, id, { source: 'INSTORE', add: [], remove: [mobile(M1)] }), 91005);
    service.changeIdentifier(orgId, id, { source: 'INSTORE', add: [], remove: [email(E1)] });
    assert.deepEqual(row(service, orgId, id), { EMAIL: 'NULL', MOBILE: M1 });
  });
});

describe('CONF_IDENTIFIERS_SYNC_ENABLED', () => {
  function customerWithTwoProfiles(sync: boolean) {
    const { service, orgId } = orgWith({ CONF_IDENTIFIERS_SYNC_ENABLED: sync });
    const id = seedCustomer(service, orgId, 'loyalty', { mobile: M1, email: E1 });
    service.register(orgId, { source: 'WEB_ENGAGE', accountId: 'w1', identifiers: [mobile(M1), email(E1)] });
    service.changeIdentifier(orgId, id, { source: 'INSTORE', add: [email(E2)], remove: [email(E1)] });
    return { service, orgId, id };
  }

  it('on: a change through INSTORE reaches every source profile', () => {
    const { service, orgId, id } = customerWithTwoProfiles(true);
    assert.deepEqual(profileIdentifiers(service, orgId, id, 'INSTORE'), [mobile(M1), email(E2)]);
    assert.deepEqual(profileIdentifiers(service, orgId, id, 'WEB_ENGAGE'), [mobile(M1), email(E2)]);
    assert.deepEqual(row(service, orgId, id), { EMAIL: E2, MOBILE: M1 });
  });

  it('off: only the INSTORE profile changes; the other source keeps the old value', () => {
    const { service, orgId, id } = customerWithTwoProfiles(false);
    assert.deepEqual(profileIdentifiers(service, orgId, id, 'INSTORE'), [mobile(M1), email(E2)]);
    assert.deepEqual(profileIdentifiers(service, orgId, id, 'WEB_ENGAGE'), [mobile(M1), email(E1)]);
    assert.deepEqual(row(service, orgId, id), { EMAIL: E2, MOBILE: M1 });
  });
});
