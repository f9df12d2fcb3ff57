// Properties of the reference over any sequence of registrations and transactions (fast-check): what a
// loyalty programme relies on whatever order customers arrive in. The scenarios pin the seeds' examples;
// these check that no other order breaks the rules between them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DomainError } from '../domain/errors.ts';
import type { CustomerView, IncomingCustomer } from '../domain/types.ts';
import { orgWith, type Service } from './spec_support.ts';

const MOBILES = ['919876500001', '919876500002', '919876500003'];
const EMAILS = ['e1@example.com', 'e2@example.com', 'e3@example.com'];

const incomingCustomer: fc.Arbitrary<IncomingCustomer> = fc
  .record({
    source: fc.constantFrom('INSTORE', 'ECOMMERCE', 'WEB_ENGAGE'),
    loyaltyType: fc.constantFrom('loyalty' as const, 'non_loyalty' as const),
    mobile: fc.option(fc.constantFrom(...MOBILES), { nil: undefined }),
    email: fc.option(fc.constantFrom(...EMAILS), { nil: undefined }),
  })
  .filter((c) => c.mobile !== undefined || c.email !== undefined)
  .map(({ source, loyaltyType, mobile, email }) => ({
    source,
    ...(source === 'WEB_ENGAGE' ? { accountId: 'we-1' } : {}),
    loyaltyType,
    identifiers: [
      ...(mobile ? [{ type: 'mobile' as const, value: mobile }] : []),
      ...(email ? [{ type: 'email' as const, value: email }] : []),
    ],
  }));

const operation = fc.record({ kind: fc.constantFrom('register' as const, 'transaction' as const), customer: incomingCustomer });

const orgSettings = fc.record({
  CONF_REGISTRATION_PRIMARY_KEY: fc.constantFrom('mobile', 'email'),
  CONF_SKIP_SECONDARY: fc.boolean(),
  CONF_ALLOW_REGISTRATION_FROM_ANY_IDENTIFIERS: fc.constant(true),
});

type Operation = { kind: 'register' | 'transaction'; customer: IncomingCustomer };

/** The id of the customer an operation answered with; throws DomainError on a refusal. */
function apply(service: Service, orgId: number, op: Operation, bill: number): number {
  if (op.kind === 'register') return service.register(orgId, op.customer).value.customerId;
  return service.addTransaction(orgId, { billNumber: `bill-${bill}`, billAmount: 100, customer: op.customer }).value.customerId;
}

function live(customers: CustomerView[]): CustomerView[] {
  return customers.filter((c) => c.mergedInto === undefined);
}

/** Follows mergedInto links (a survivor may itself be merged later) to the customer at the end. */
function survivorOf(customers: CustomerView[], customer: CustomerView): CustomerView {
  let current = customer;
  for (let hops = 0; current.mergedInto !== undefined && hops < customers.length; hops++) {
    current = customers.find((c) => c.id === current.mergedInto) ?? current;
  }
  return current;
}

function holders(customers: CustomerView[], type: string, value: string): number[] {
  return customers.filter((c) => c.identifiers.some((i) => i.type === type && i.value === value)).map((c) => c.id);
}

test('whatever the order of arrivals: refusals change nothing, no identifier has two live holders, no customer vanishes, answers are findable', () => {
  fc.assert(
    fc.property(orgSettings, fc.array(operation, { minLength: 1, maxLength: 20 }), (configs, operations) => {
      const { service, orgId } = orgWith(configs);
      operations.forEach((op, index) => {
        const before = service.listCustomers(orgId);
        let answeredId: number;
        try {
          answeredId = apply(service, orgId, op, index);
        } catch (error) {
          // Any other exception would be a 500 over HTTP.
          assert.ok(error instanceof DomainError, `not a DomainError: ${String(error)}`);
          assert.deepEqual(service.listCustomers(orgId), before, `refusal ${error.code} changed the store`);
          return;
        }
        const after = service.listCustomers(orgId).customers;
        const liveAfter = live(after);

        for (const type of ['mobile', 'email']) {
          for (const value of type === 'mobile' ? MOBILES : EMAILS) {
            assert.ok(holders(liveAfter, type, value).length <= 1, `${type} ${value} has several live holders`);
          }
        }
        for (const earlier of before.customers) {
          const now = after.find((c) => c.id === earlier.id);
          assert.ok(now, `customer ${earlier.id} vanished`);
          if (now.mergedInto !== undefined) assert.ok(liveAfter.includes(survivorOf(after, now)), `customer ${earlier.id} has no live survivor`);
        }

        const answered = liveAfter.find((c) => c.id === answeredId);
        assert.ok(answered, `the answer names customer ${answeredId}, which is not live`);
        for (const identifier of answered.identifiers) {
          const found = service.lookup(orgId, { source: 'ALL', identifiers: [identifier] }).value;
          assert.equal(found, answeredId, `lookup by ${identifier.type} ${identifier.value}`);
        }
      });
    }),
    { numRuns: 300, includeErrorInReport: true },
  );
});
