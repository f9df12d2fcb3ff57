// Customer status operations: change a label (with a reason), read the status log, raise a PII deletion
// request, and set the legacy fraud status. Each runs in a transaction: a refusal leaves no log entry.
import type { FraudStatus, StatusLogEntry } from '../domain/customer_status.ts';
import { DomainError } from '../domain/errors.ts';
import { lookupCustomerId } from '../domain/lookup.ts';
import { changeStatusLabel, requestPiiDeletion, setFraudStatus } from '../domain/status_changes.ts';
import type { LookupQuery, Outcome } from '../domain/types.ts';
import type { ServiceCore } from './service_core.ts';

export interface StatusOperations {
  /** PUT /v2/customers/lookup/status: the customer found by `query` gets `label`; `by` is the till. */
  changeStatusLabel(orgId: number, query: LookupQuery, change: { label: string; reason: string }, by: string): Outcome<{ customerId: number }>;
  /** Every label change of the customer, newest first. */
  statusLog(orgId: number, customerId: number): Outcome<{ customerId: number; entries: StatusLogEntry[] }>;
  requestPiiDeletion(orgId: number, customerId: number, reason: string, by: string): Outcome<{ customerId: number }>;
  setFraudStatus(orgId: number, customerId: number, change: { status: FraudStatus; reason: string }, by: string): Outcome<{ customerId: number }>;
}

export function createStatusOperations(core: ServiceCore): StatusOperations {
  const { store, orgOf, transact, guardForeign, now } = core;
  return {
    changeStatusLabel(orgId, query, change, by) {
      const customerId = lookupCustomerId(orgOf(orgId), store.customers(orgId), query);
      transact(orgId, (changeset, org) => changeStatusLabel(org, changeset, customerId, change, { by, on: now() }));
      return { value: { customerId }, warnings: [] };
    },
    statusLog(orgId, customerId) {
      guardForeign(orgId, customerId);
      orgOf(orgId);
      const customer = store.customers(orgId).get(customerId);
      if (!customer) throw new DomainError(8015);
      return { value: { customerId, entries: [...(customer.statusLog ?? [])].reverse() }, warnings: [] };
    },
    requestPiiDeletion(orgId, customerId, reason, by) {
      guardForeign(orgId, customerId);
      transact(orgId, (changeset, org) => requestPiiDeletion(org, changeset, customerId, reason, { by, on: now() }));
      return { value: { customerId }, warnings: [] };
    },
    setFraudStatus(orgId, customerId, change, by) {
      guardForeign(orgId, customerId);
      transact(orgId, (changeset, org) => setFraudStatus(org, changeset, customerId, change, { by, on: now() }));
      return { value: { customerId }, warnings: [] };
    },
  };
}
