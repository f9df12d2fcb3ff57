// Subscriptions and test/control groups: opt-in/opt-out per source account, channel and priority, and the
// customer's campaign group. Rules in ../domain/subscriptions.ts and ../domain/test_control.ts.
import { DomainError } from '../domain/errors.ts';
import { readSubscriptions, updateSubscriptions } from '../domain/subscriptions.ts';
import { changeTestControl } from '../domain/test_control.ts';
import type { Outcome, Subscription, SubscriptionFilter, SubscriptionInput, TestControlStatus } from '../domain/types.ts';
import type { ServiceCore } from './service_core.ts';

export interface SubscriptionOperations {
  /** Sets each given subscription; the whole update is refused (nothing changes) if one entry is bad. */
  updateSubscriptions(orgId: number, customerId: number, subscriptions: readonly SubscriptionInput[]): Outcome<Subscription[]>;
  /** The subscriptions set for a source account, or for every account with source ALL. */
  getSubscriptions(orgId: number, customerId: number, filter: SubscriptionFilter): Outcome<Subscription[]>;
  /** Moves the customer to the test or the control group. */
  changeTestControl(orgId: number, customerId: number, status: string): Outcome<{ customerId: number; status: TestControlStatus }>;
}

export function createSubscriptionOperations(core: ServiceCore): SubscriptionOperations {
  const { store, orgOf, transact, guardForeign } = core;
  return {
    updateSubscriptions(orgId, customerId, subscriptions) {
      guardForeign(orgId, customerId);
      const { result } = transact(orgId, (changeset) => updateSubscriptions(changeset, customerId, subscriptions));
      return { value: result, warnings: [] };
    },

    getSubscriptions(orgId, customerId, filter) {
      orgOf(orgId);
      guardForeign(orgId, customerId);
      const customer = store.customers(orgId).get(customerId);
      if (!customer) throw new DomainError(8015);
      return { value: readSubscriptions(customer, filter), warnings: [] };
    },

    changeTestControl(orgId, customerId, status) {
      guardForeign(orgId, customerId);
      const { result } = transact(orgId, (changeset) => changeTestControl(changeset, customerId, status));
      return { value: result, warnings: [] };
    },
  };
}
