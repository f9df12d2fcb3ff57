// Orgs, till credentials, customer updates and atomicity of refused operations.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { createIdentityService } from './create_identity_service.ts';
import { E1, M1, M2, expectCode, orgWith, seedCustomer, snapshot } from './spec_support.ts';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

describe('orgs and till credentials', () => {
  it('creates orgs with increasing ids and a till named org<id>.till', () => {
    const service = createIdentityService();
    const first = service.createOrg({});
    const second = service.createOrg({ configs: { CONF_SKIP_SECONDARY: 'true' } });
    assert.equal(second.id, first.id + 1);
    assert.equal(second.till.username, `org${second.id}.till`);
    assert.notEqual(first.till.password, second.till.password);
    assert.equal(second.configs.CONF_SKIP_SECONDARY_ID_ON_PRIMARY_MISMATCH, true);
  });

  it('refuses bad configs (8206, 8207) and an unknown country (8207)', () => {
    const service = createIdentityService();
    expectCode(() => service.createOrg({ configs: { CONF_NOPE: true } }), 8206);
    expectCode(() => service.createOrg({ configs: { CONF_ALLOW_EMAIL_UPDATE: 'maybe' } }), 8207);
    expectCode(() => service.createOrg({ baseCountry: 'XX' }), 8207);
  });

  it('authenticates the till with the md5 of its password only', () => {
    const service = createIdentityService();
    const org = service.createOrg({});
    assert.equal(service.authenticate(org.till.username, md5(org.till.password))?.id, org.id);
    assert.equal(service.authenticate(org.till.username, md5(org.till.password).toUpperCase())?.id, org.id);
    assert.equal(service.authenticate(org.till.username, md5('wrong')), undefined);
    assert.equal(service.authenticate(org.till.username, org.till.password), undefined);
    assert.equal(service.authenticate('org999.till', md5(org.till.password)), undefined);
  });
});

describe('updateCustomer (rule 9)', () => {
  it('upgrades non_loyalty to loyalty, refuses the reverse with 8018, and updates the source profile name', () => {
    const { service, orgId } = orgWith();
    const id = seedCustomer(service, orgId, 'non_loyalty', { mobile: M1 });
    service.updateCustomer(orgId, id, { source: 'INSTORE', loyaltyType: 'loyalty', firstName: 'Asha' });
    const view = service.getCustomer(orgId, id).value;
    assert.equal(view.loyaltyType, 'loyalty');
    assert.equal(view.profiles[0].firstName, 'Asha');
    expectCode(() => service.updateCustomer(orgId, id, { source: 'INSTORE', loyaltyType: 'non_loyalty' }), 8018);
    assert.equal(service.getCustomer(orgId, id).value.loyaltyType, 'loyalty');
  });

  it('answers 8009 for an unknown customer', () => {
    const { service, orgId } = orgWith();
    expectCode(() => service.updateCustomer(orgId, 424242, { source: 'INSTORE', firstName: 'X' }), 8009);
  });
});

describe('atomicity: a refused operation changes nothing', () => {
  it('a refused registration, transaction or change leaves customers, merges, transactions and ids as they were', () => {
    const { service, orgId } = orgWith({ CONF_SKIP_SECONDARY: true, CONF_ALLOW_REGISTRATION_FROM_ANY_IDENTIFIERS: true });
    const campaign = seedCustomer(service, orgId, 'non_loyalty', { mobile: M2 });
    seedCustomer(service, orgId, 'loyalty', { email: E1 });
    const before = snapshot(service, orgId);
    const conflicting = { source: 'INSTORE', identifiers: [{ type: 'email', value: E1 }, { type: 'mobile', value: M2 }] };
    expectCode(() => service.register(orgId, conflicting), 8052);
    expectCode(() => service.addTransaction(orgId, { billNumber: 'B', billAmount: 1, customer: conflicting }), 8052);
    expectCode(() => service.changeIdentifier(orgId, campaign, { source: 'INSTORE', add: [{ type: 'email', value: 'bad' }], remove: [] }), 8055);
    assert.equal(snapshot(service, orgId), before);
    assert.equal(service.listTransactions(orgId).length, 0);
    // No customer id was used up by the refusals.
    const next = seedCustomer(service, orgId, 'loyalty', { mobile: M1 });
    assert.equal(next, campaign + 2);
  });

  it('a transaction is recorded with its customer when it succeeds', () => {
    const { service, orgId } = orgWith();
    const outcome = service.addTransaction(orgId, { billNumber: 'B-7', billAmount: 12.5, customer: { source: 'INSTORE', identifiers: [{ type: 'mobile', value: M1 }] } });
    const [record] = service.listTransactions(orgId);
    assert.equal(record.id, outcome.value.transactionId);
    assert.equal(record.customerId, outcome.value.customerId);
    assert.equal(record.billNumber, 'B-7');
    // A second transaction by the same customer attaches to it (no 8006 for transactions).
    const again = service.addTransaction(orgId, { billNumber: 'B-8', billAmount: 3, customer: { source: 'INSTORE', identifiers: [{ type: 'mobile', value: M1 }] } });
    assert.equal(again.value.customerId, outcome.value.customerId);
    assert.equal(again.value.transactionId, outcome.value.transactionId + 1);
  });
});
