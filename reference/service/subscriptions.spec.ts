// Subscriptions and test/control through the service: stored per source account, refusals change nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { M1, M2, expectCode, orgWith, seedCustomer, snapshot } from './spec_support.ts';

describe('subscription operations', () => {
  it('stores opt-ins and opt-outs per source account and reads them back', () => {
    const { service, orgId } = orgWith();
    const id = seedCustomer(service, orgId, 'loyalty', { mobile: M1 }, 'FACEBOOK', 'fb-1');
    seedCustomer(service, orgId, 'loyalty', { mobile: M1 }, 'FACEBOOK', 'fb-2');
    service.updateSubscriptions(orgId, id, [{ source: 'FACEBOOK', accountId: 'fb-1', channel: 'email', priority: 'promotional', type: 'OPTOUT' }]);
    service.updateSubscriptions(orgId, id, [{ source: 'FACEBOOK', accountId: 'fb-2', channel: 'email', priority: 'BULK', type: 'OPTIN' }]);
    const fb1 = service.getSubscriptions(orgId, id, { source: 'FACEBOOK', accountId: 'fb-1' }).value;
    assert.deepEqual(fb1, [{ source: 'FACEBOOK', accountId: 'fb-1', channel: 'email', priority: 'BULK', type: 'OPTOUT' }]);
    assert.equal(service.getSubscriptions(orgId, id, { source: 'ALL' }).value.length, 2);
  });

  it('changes nothing when an update is refused, and refuses unknown customers (8009) and merge victims (8067)', () => {
    const { service, orgId } = orgWith();
    const id = seedCustomer(service, orgId, 'loyalty', { mobile: M1 });
    const before = snapshot(service, orgId);
    const good = { source: 'INSTORE', channel: 'email', priority: 'BULK', type: 'OPTOUT' };
    expectCode(() => service.updateSubscriptions(orgId, id, [good, { ...good, channel: 'pigeon' }]), 1101);
    assert.equal(snapshot(service, orgId), before);
    expectCode(() => service.updateSubscriptions(orgId, 2_000_000_000, [good]), 8009);
    const victim = seedCustomer(service, orgId, 'loyalty', { mobile: M2 });
    service.requestMerge(orgId, { survivorId: id, victimId: victim });
    expectCode(() => service.updateSubscriptions(orgId, victim, [good]), 8067);
    expectCode(() => service.changeTestControl(orgId, victim, 'CONTROL'), 8067);
  });

  it("hides another org's customer (8015)", () => {
    const { service, orgId } = orgWith();
    const other = service.createOrg({}).id;
    const id = seedCustomer(service, orgId, 'loyalty', { mobile: M1 });
    expectCode(() => service.getSubscriptions(other, id, {}), 8015);
    expectCode(() => service.changeTestControl(other, id, 'CONTROL'), 8015);
  });
});

describe('test and control operations', () => {
  it('moves a customer between the groups and shows the group in the customer view', () => {
    const { service, orgId } = orgWith();
    const id = seedCustomer(service, orgId, 'loyalty', { mobile: M1 });
    assert.equal(service.getCustomer(orgId, id).value.testControl, 'TEST');
    service.changeTestControl(orgId, id, 'control');
    assert.equal(service.getCustomer(orgId, id).value.testControl, 'CONTROL');
    const before = snapshot(service, orgId);
    expectCode(() => service.changeTestControl(orgId, id, 'holdout'), 8280);
    assert.equal(snapshot(service, orgId), before);
  });
});
