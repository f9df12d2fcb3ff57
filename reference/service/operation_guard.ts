// The one check every operation a customer status can block calls before it changes anything.
import type { Customer } from '../domain/types.ts';
import type { Restriction } from '../domain/restrictions.ts';
import type { ServiceCore } from './service_core.ts';

export interface OperationGuard {
  /** Throws the DomainError the customer's status label dictates when `restriction` applies to them. */
  requireAllowed(orgId: number, customer: Customer, restriction: Restriction): void;
  /** Whether the customer's label carries the restriction (MARK_TRANSACTION_OUTLIER marks instead of refusing). */
  hasRestriction(orgId: number, customer: Customer, restriction: Restriction): boolean;
}

export function createOperationGuard(core: ServiceCore): OperationGuard {
  void core; // The status model supplies the real check; until then every customer is Active (no restrictions).
  return {
    requireAllowed() {},
    hasRestriction: () => false,
  };
}
