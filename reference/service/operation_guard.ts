// The single check every guarded operation calls before it changes anything: the customer's status label
// decides (reference/domain/customer_status.ts holds the decision; this binds it to the org).
import { carriesRestriction, requireAllowed } from '../domain/customer_status.ts';
import type { Restriction } from '../domain/restrictions.ts';
import type { Customer } from '../domain/types.ts';
import type { ServiceCore } from './service_core.ts';

export interface OperationGuard {
  /** Throws the DomainError the customer's status label dictates when `restriction` applies to them (Deleted: every restriction). */
  requireAllowed(orgId: number, customer: Customer, restriction: Restriction): void;
  /** Whether the customer's label carries the restriction (used for MARK_TRANSACTION_OUTLIER, which marks instead of refusing). */
  hasRestriction(orgId: number, customer: Customer, restriction: Restriction): boolean;
}

export function createOperationGuard(core: ServiceCore): OperationGuard {
  return {
    requireAllowed(orgId, customer, restriction) {
      requireAllowed(core.orgOf(orgId), customer, restriction);
    },
    hasRestriction(orgId, customer, restriction) {
      return carriesRestriction(core.orgOf(orgId), customer, restriction);
    },
  };
}
