// The item index answers exactly as the plain scan of every bill, also after more bills and merges arrive
// between queries (the index catches up).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseAudienceQuery, scanAudience, type AudienceQueryInput } from '../domain/audiences.ts';
import { billTime, survivorResolver } from './audience_operations.ts';
import { createMemoryStore } from '../store/memory_store.ts';
import { createIdentityService } from './create_identity_service.ts';
import { orgWith, seedCustomer } from './spec_support.ts';

const SKUS = ['soybean', 'rice', 'dal'];

/** A service over a store the spec can read, with the plain scan over the same bills. */
function audienceOrg() {
  const store = createMemoryStore();
  const service = createIdentityService(store, { now: () => '2024-06-01T10:00:00.000Z' });
  const orgId = service.createOrg({}).id;
  const scan = (input: AudienceQueryInput): number[] => {
    const reader = store.customers(orgId);
    const bills = store.listTransactions(orgId).map((record) => ({ id: record.id, customerId: record.customerId, time: billTime(record), lineItems: record.lineItems }));
    return scanAudience(bills, parseAudienceQuery(input), survivorResolver(reader));
  };
  return { service, orgId, scan };
}

describe('audience queries', () => {
  it('answer as the plain scan for any bills, filters and ranges, while bills keep arriving', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ customer: fc.nat(5), day: fc.integer({ min: 1, max: 28 }), sku: fc.constantFrom(...SKUS), qty: fc.integer({ min: 1, max: 3 }), rate: fc.integer({ min: 1, max: 60 }) }), { maxLength: 40 }),
        fc.array(fc.record({ type: fc.constantFrom('DISTINCT_TRANSACTIONS', 'AVERAGE_ITEM_VALUE', 'ITEM_SPEND'), sku: fc.constantFrom(...SKUS), moreThan: fc.integer({ min: 0, max: 120 }) }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 27 }),
        fc.option(fc.constantFrom('loyalty', 'non_loyalty'), { nil: undefined }),
        (purchases, filters, fromDay, span, loyaltyType) => {
          const { service, orgId, scan } = audienceOrg();
          const customers = Array.from({ length: 6 }, (_, i) => seedCustomer(service, orgId, i % 2 ? 'loyalty' : 'non_loyalty', { mobile: `9198765${String(i).padStart(5, '0')}` }));
          const toDay = Math.min(28, fromDay + span);
          const input: AudienceQueryInput = {
            from: `2022-07-${String(fromDay).padStart(2, '0')}`,
            to: `2022-07-${String(toDay).padStart(2, '0')}`,
            ...(loyaltyType ? { loyaltyType } : {}),
            filters: filters.map((f) => ({ type: f.type, item: { sku: f.sku }, moreThan: f.moreThan })),
          };
          purchases.forEach((p, index) => {
            const amount = p.qty * p.rate;
            service.addTransaction(orgId, {
              billNumber: `b${index}`,
              billAmount: amount,
              billingTime: `2022-07-${String(p.day).padStart(2, '0')}T12:00:00Z`,
              customer: { source: 'INSTORE', identifiers: [{ type: 'mobile', value: `9198765${String(p.customer).padStart(5, '0')}` }] },
              lineItems: [{ sku: p.sku, qty: p.qty, rate: p.rate, amount }],
            });
            // Query halfway too, so the index must catch up with the later bills.
            if (index === Math.floor(purchases.length / 2)) assert.deepEqual(service.queryAudience(orgId, input), scan(input));
          });
          assert.deepEqual(service.queryAudience(orgId, input), scan(input));
          assert.ok(customers.length === 6);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('counts a merge victim\'s bills for its survivor', () => {
    const { service, orgId } = orgWith();
    const survivor = seedCustomer(service, orgId, 'loyalty', { mobile: '919876500001' });
    const victim = seedCustomer(service, orgId, 'loyalty', { mobile: '919876500002' });
    for (const [mobile, day] of [['919876500001', '05'], ['919876500002', '06']] as const) {
      service.addTransaction(orgId, { billNumber: `b${day}`, billAmount: 10, billingTime: `2022-07-${day}T10:00:00Z`, customer: { source: 'INSTORE', identifiers: [{ type: 'mobile', value: mobile }] }, lineItems: [{ sku: 'soy', qty: 1, rate: 10, amount: 10 }] });
    }
    const query = { from: '2022-07-01', to: '2022-07-31', filters: [{ type: 'DISTINCT_TRANSACTIONS', item: { sku: 'soy' }, moreThan: 1 }] };
    assert.deepEqual(service.queryAudience(orgId, query), []);
    service.requestMerge(orgId, { survivorId: survivor, victimId: victim });
    assert.deepEqual(service.queryAudience(orgId, query), [survivor]);
  });
});
