import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryStore } from '../store/memory_store.ts';
import { createIdentityService } from './create_identity_service.ts';
import { createOperationGuard } from './operation_guard.ts';
import { createServiceCore } from './service_core.ts';
import { M1, M2 } from './spec_support.ts';
import { codeOf } from '../domain/spec_support.ts';

const NOW = () => '2024-06-01T10:00:00.000Z';

function setUp() {
  const store = createMemoryStore();
  const service = createIdentityService(store, { now: NOW });
  const org = service.createOrg({
    configs: { CONF_CUSTOMER_STATUS_ENABLED: true },
    statusLabels: [
      { status: 'Active', label: 'Regular' },
      { status: 'Suspended', label: 'Held', restrictions: ['BLOCK_TRANSACTION', 'MARK_TRANSACTION_OUTLIER'] },
      { status: 'Deleted', label: 'Closed' },
    ],
  });
  const register = (mobile: string) =>
    service.register(org.id, { source: 'INSTORE', loyaltyType: 'loyalty', identifiers: [{ type: 'mobile', value: mobile }] }).value.customerId;
  const label = (id: number, name: string) =>
    service.changeStatusLabel(org.id, { source: 'INSTORE', identifiers: [{ type: 'mobile', value: store.customers(org.id).get(id)!.identifiers.mobile! }] }, { label: name, reason: 'spec' }, 'till');
  const guard = createOperationGuard(createServiceCore(store, NOW));
  const customer = (id: number) => store.customers(org.id).get(id)!;
  return { service, orgId: org.id, register, label, guard, customer };
}

describe('operation guard', () => {
  it('refuses what the label blocks, reports what it marks, and lets an Active customer through', () => {
    const { register, label, guard, customer, orgId } = setUp();
    const held = register(M1);
    const active = register(M2);
    label(held, 'Held');
    assert.equal(codeOf(() => guard.requireAllowed(orgId, customer(held), 'BLOCK_TRANSACTION')), 681);
    assert.equal(guard.hasRestriction(orgId, customer(held), 'MARK_TRANSACTION_OUTLIER'), true);
    assert.equal(codeOf(() => guard.requireAllowed(orgId, customer(active), 'BLOCK_TRANSACTION')), undefined);
    assert.equal(guard.hasRestriction(orgId, customer(active), 'MARK_TRANSACTION_OUTLIER'), false);
  });

  it('answers every restriction of a Deleted customer with 3042', () => {
    const { register, label, guard, customer, orgId } = setUp();
    const closed = register(M1);
    label(closed, 'Closed');
    for (const restriction of ['BLOCK_POINTS_ALLOCATION', 'BLOCK_COUPON_REDEMPTION', 'BLOCK_TIER_UPGRADE'] as const) {
      assert.equal(codeOf(() => guard.requireAllowed(orgId, customer(closed), restriction)), 3042, restriction);
    }
  });

  it('leaves the label and the log as they were when a change is refused', () => {
    const { service, register, label, orgId, customer } = setUp();
    const id = register(M1);
    label(id, 'Held');
    assert.equal(codeOf(() => label(id, 'No such label')), 8086);
    assert.deepEqual(customer(id).customerStatus, { status: 'SUSPENDED', label: 'Held' });
    assert.deepEqual(service.statusLog(orgId, id).value.entries.map((e) => e.label), ['Held']);
  });
});
