// Rule 10: explicit merge requests and their refusals.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { E1, M1, M2, M3, expectCode, orgWith, row, seedCustomer, snapshot } from './spec_support.ts';

function threeCustomers() {
  const { service, orgId } = orgWith();
  const a = seedCustomer(service, orgId, 'loyalty', { mobile: M1 });
  const b = seedCustomer(service, orgId, 'non_loyalty', { mobile: M2, email: E1 });
  const c = seedCustomer(service, orgId, 'loyalty', { mobile: M3 });
  return { service, orgId, a, b, c };
}

describe('requestMerge', () => {
  it('merges the victim into the survivor and answers an approved request', () => {
    const { service, orgId, a, b } = threeCustomers();
    const outcome = service.requestMerge(orgId, { survivorId: a, victimId: b });
    assert.equal(outcome.value.status, 'APPROVED');
    assert.deepEqual([outcome.value.survivorId, outcome.value.victimId], [a, b]);
    assert.ok(outcome.value.requestId > 0);
    assert.deepEqual(row(service, orgId, a), { EMAIL: E1, MOBILE: M1 });
    assert.deepEqual(row(service, orgId, b), { EMAIL: 'NULL', MOBILE: M2 });
    assert.deepEqual(service.listCustomers(orgId).merges, [{ survivorId: a, victimId: b, trigger: 'mergeRequest', moved: [{ type: 'email', value: E1 }] }]);
  });

  it('refuses the same customer (9029), unknown survivor (9007) or victim (9042)', () => {
    const { service, orgId, a } = threeCustomers();
    expectCode(() => service.requestMerge(orgId, { survivorId: a, victimId: a }), 9029);
    expectCode(() => service.requestMerge(orgId, { survivorId: 999999, victimId: a }), 9007);
    expectCode(() => service.requestMerge(orgId, { survivorId: a, victimId: 999999 }), 9042);
  });

  it('refuses an already merged victim (9027) or survivor (9023) and changes nothing', () => {
    const { service, orgId, a, b, c } = threeCustomers();
    service.requestMerge(orgId, { survivorId: a, victimId: b });
    const before = snapshot(service, orgId);
    expectCode(() => service.requestMerge(orgId, { survivorId: c, victimId: b }), 9027);
    expectCode(() => service.requestMerge(orgId, { survivorId: b, victimId: c }), 9023);
    assert.equal(snapshot(service, orgId), before);
  });
});
