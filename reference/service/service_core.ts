// What every group of service operations shares: the store, the clock, the org lookup and the
// transaction discipline (a rule runs on a fresh changeset; its changes are committed only if it returns).
import { Changeset } from '../domain/changeset.ts';
import { readSettings } from '../domain/configs.ts';
import { currentStatus, customerStatusEnabled } from '../domain/customer_status.ts';
import { toCustomerView } from '../domain/customer_view.ts';
import { DomainError, warning, type ApiMessage } from '../domain/errors.ts';
import type { Customer, CustomerView, MergeRecord, Org, Outcome } from '../domain/types.ts';
import type { Store } from '../store/store.ts';

export interface ServiceCore {
  readonly store: Store;
  /** The clock for registration and record dates; tests pin it. */
  readonly now: () => string;
  /** The org's clock (ISO 8601): real time, or the instant test control set it to (ruling 112). */
  orgNow(orgId: number): string;
  /** Test control: freezes the org's clock at `instant` (epoch ms); it never moves back. */
  setOrgClock(orgId: number, instant: number): void;
  /**
   * Called after an identity change is committed, with the customers it created and the merges it made,
   * so the points ledger can open their accounts and move a victim's balance (seed 003).
   */
  readonly afterIdentityCommit: ((orgId: number, change: { readonly created: readonly Customer[]; readonly merges: readonly MergeRecord[] }) => void)[];
  /** The org, or 1064 when it does not exist. */
  orgOf(orgId: number): Org;
  /** Runs a rule on a fresh changeset and commits what it changed, only if it returned. */
  transact<T>(
    orgId: number,
    rule: (changeset: Changeset, org: Org) => T,
    extra?: (result: T) => Parameters<Store['commit']>[1]['transaction'],
  ): { result: T; committed: ReturnType<Store['commit']> };
  /** Another org's customer is answered as not found (8015), never shown. */
  guardForeign(orgId: number, customerId: number): void;
  /** The customer as the API shows it, with warning 8069 on a merge victim. */
  view(org: Org, customer: Customer): Outcome<CustomerView>;
}

export function createServiceCore(store: Store, now: () => string): ServiceCore {
  const orgOf = (orgId: number): Org => {
    const org = store.getOrg(orgId);
    if (!org) throw new DomainError(1064, orgId);
    return org;
  };
  // Orgs whose clock test control froze, at the instant it set (epoch ms).
  const clocks = new Map<number, number>();
  const afterIdentityCommit: ServiceCore['afterIdentityCommit'] = [];
  return {
    store,
    now,
    orgNow: (orgId) => {
      const frozen = clocks.get(orgId);
      return frozen === undefined ? now() : new Date(frozen).toISOString();
    },
    setOrgClock: (orgId, instant) => void clocks.set(orgId, instant),
    afterIdentityCommit,
    orgOf,
    transact(orgId, rule, extra) {
      const org = orgOf(orgId);
      const changeset = new Changeset(store.customers(orgId));
      const result = rule(changeset, org);
      const transaction = extra?.(result);
      const cardSequence = changeset.cardSequenceChange();
      // The store reads an absent transaction or card sequence as no change.
      const committed = store.commit(orgId, { customers: changeset.changedCustomers(), merges: changeset.merges, transaction, cardSequence });
      const created = changeset.createdCustomerIds().map((id) => changeset.peek(id)!);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: listeners given nothing created and no merge change nothing; this only skips the call
      if (created.length > 0 || changeset.merges.length > 0) {
        for (const listener of afterIdentityCommit) listener(orgId, { created, merges: changeset.merges });
      }
      return { result, committed };
    },
    guardForeign(orgId, customerId) {
      const owner = store.orgOfCustomer(customerId);
      if (owner !== undefined && owner !== orgId) throw new DomainError(8015);
    },
    view(org, customer) {
      const warnings: ApiMessage[] = customer.mergedInto !== undefined ? [warning(8069, customer.mergedInto)] : [];
      const value = toCustomerView(customer, readSettings(org.configs).primaryKey);
      // Seed 002: the customer status when enabled, else the legacy fraud status if set, else blank.
      if (customerStatusEnabled(org)) value.customerStatus = currentStatus(org, customer);
      else if (customer.fraudDetails) value.fraudDetails = { ...customer.fraudDetails };
      return { value, warnings };
    },
  };
}
