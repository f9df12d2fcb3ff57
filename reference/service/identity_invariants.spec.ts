// Properties of the reference over any sequence of registrations, transactions and identifier changes
// (fast-check): what a loyalty programme relies on whatever order customers arrive in. The scenarios pin
// the seeds' examples; these check that no other order breaks the rules between them.
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

const arrival = fc.record({ kind: fc.constantFrom('register' as const, 'transaction' as const), customer: incomingCustomer });

/** An Instore identifier change on the n-th customer ever created (modulo how many there are). */
const identifierChange = fc.record({
  kind: fc.constant('change' as const),
  nth: fc.nat(20),
  type: fc.constantFrom('mobile' as const, 'email' as const),
  index: fc.nat(2),
});

const operation = fc.oneof({ arbitrary: arrival, weight: 3 }, { arbitrary: identifierChange, weight: 1 });

const orgSettings = fc.record({
  CONF_REGISTRATION_PRIMARY_KEY: fc.constantFrom('mobile', 'email'),
  CONF_SKIP_SECONDARY: fc.boolean(),
  CONF_ALLOW_REGISTRATION_FROM_ANY_IDENTIFIERS: fc.constant(true),
  CONF_ALLOW_MOBILE_UPDATE: fc.constant(true),
  CONF_ALLOW_EMAIL_UPDATE: fc.constant(true),
});

type Operation =
  | { kind: 'register'; customer: IncomingCustomer }
  | { kind: 'transaction'; customer: IncomingCustomer }
  | { kind: 'change'; nth: number; type: 'mobile' | 'email'; index: number };

/** The id of the customer an operation answered with; undefined when there is no one to change yet. */
function apply(service: Service, orgId: number, op: Operation, bill: number): number | undefined {
  if (op.kind === 'register') return service.register(orgId, op.customer).value.customerId;
  if (op.kind === 'transaction') {
    return service.addTransaction(orgId, { billNumber: `bill-${bill}`, billAmount: 100, customer: op.customer }).value.customerId;
  }
  const everyone = service.listCustomers(orgId).customers;
  if (everyone.length === 0) return undefined;
  const customer = everyone[op.nth % everyone.length];
  const value = (op.type === 'mobile' ? MOBILES : EMAILS)[op.index];
  const current = customer.identifiers.filter((i) => i.type === op.type);
  return service.changeIdentifier(orgId, customer.id, { source: 'INSTORE', add: [{ type: op.type, value }], remove: current }).value.customerId;
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

test('whatever the order of arrivals and identifier changes: refusals change nothing, no identifier has two live holders, no customer vanishes, answers are findable', () => {
  // Counted over all runs, so the properties cannot pass by every operation being refused.
  let accepted = 0;
  let attempted = 0;
  fc.assert(
    fc.property(orgSettings, fc.array(operation, { minLength: 1, maxLength: 20 }), (configs, operations) => {
      const { service, orgId } = orgWith(configs);
      operations.forEach((op, index) => {
        const before = service.listCustomers(orgId);
        let answeredId: number | undefined;
        attempted += 1;
        try {
          answeredId = apply(service, orgId, op, index);
          accepted += 1;
        } catch (error) {
          // Any other exception would be a 500 over HTTP.
          assert.ok(error instanceof DomainError, `not a DomainError: ${String(error)}`);
          assert.deepEqual(service.listCustomers(orgId), before, `refusal ${error.code} changed the store`);
          return;
        }
        if (answeredId === undefined) return;
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
  assert.ok(accepted > attempted / 2, `only ${accepted} of ${attempted} operations were accepted`);
});
