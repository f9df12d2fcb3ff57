// Customer status (seed 000/001 "Managing customer lifecycle with customer status", seed 002 "Customer status
// and name"): the seven statuses, the org's custom labels under them, the label a customer holds, and the
// one decision every guarded operation asks: does this customer's label block this restriction?
// Pure rules: the org's labels come from its setup, the customer's label from the customer.
import { DomainError, type ErrorCode } from './errors.ts';
import { RESTRICTIONS, resolveRestriction, type Restriction } from './restrictions.ts';
import type { Customer, Org } from './types.ts';

export const CUSTOMER_STATUSES = [
  { seedName: 'Active', name: 'ACTIVE' },
  { seedName: 'Suspended', name: 'SUSPENDED' },
  { seedName: 'Deleted', name: 'DELETED' },
  { seedName: 'Fraud suspected', name: 'FRAUD_SUSPECTED' },
  { seedName: 'Fraud confirmed', name: 'FRAUD_CONFIRMED' },
  { seedName: 'Internal', name: 'INTERNAL' },
  { seedName: 'Pending deletion', name: 'PENDING_DELETION' },
] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number]['name'];
export const CUSTOMER_STATUS_NAMES: readonly CustomerStatus[] = CUSTOMER_STATUSES.map((status) => status.name);

/** Seed 001: the statuses whose labels may carry restrictions. Active has none; Deleted blocks everything. */
export const RESTRICTABLE_STATUSES: readonly CustomerStatus[] = ['SUSPENDED', 'FRAUD_SUSPECTED', 'FRAUD_CONFIRMED', 'INTERNAL'];

/** Seed 000: "a label Deletion_pending is automatically created and assigned" on a PII deletion request. */
export const DELETION_PENDING_LABEL = 'Deletion_pending';

/** The legacy fraud status (seed 002), shown while customer status is not enabled. */
export const FRAUD_STATUSES = ['MARKED', 'CONFIRMED', 'NOT_FRAUD', 'RECONFIRMED', 'INTERNAL'] as const;
export type FraudStatus = (typeof FRAUD_STATUSES)[number];

/** Not one of the documented CONF_* names: seed 001 calls it "Enable customer status". */
export const CUSTOMER_STATUS_CONFIG = 'CONF_CUSTOMER_STATUS_ENABLED';

export interface StatusLabel {
  readonly status: CustomerStatus;
  readonly label: string;
  readonly restrictions: readonly Restriction[];
}

/** A label as an org setup or a profile gives it: status and restrictions as names or the seed's words. */
export interface StatusLabelSetup {
  status: string;
  label: string;
  restrictions?: string[];
}

/** What a customer's status card shows (seed 002: "Customer status code" and "Customer status label"). */
export interface CustomerStatusView {
  readonly status: CustomerStatus;
  /** Absent while the org has no default label and none was assigned (ruling 6). */
  readonly label?: string;
}

export interface StatusLogEntry {
  readonly status: CustomerStatus;
  readonly label: string;
  readonly reason: string;
  /** The till (or user) that made the change. */
  readonly changedBy: string;
  readonly changedOn: string;
}

export interface FraudDetails {
  readonly status: FraudStatus;
  readonly reason: string;
  readonly markedBy: string;
  readonly modifiedOn: string;
}

/** The status for the seed's words or the API name (case-insensitive, nothing around), or undefined. */
export function resolveStatus(name: string): CustomerStatus | undefined {
  const wanted = name.toLowerCase();
  return CUSTOMER_STATUSES.find((s) => s.seedName.toLowerCase() === wanted || s.name.toLowerCase() === wanted)?.name;
}

/** The seed's words for a status; only error details quote them. */
// Stryker disable next-line BlockStatement: only error details quote it, wording the contract does not pin
export function statusSeedName(status: CustomerStatus): string {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: only error details quote it, wording the contract does not pin
  return CUSTOMER_STATUSES.find((s) => s.name === status)!.seedName;
}

/**
 * Ruling 7: customer status is on unless the org states false (seed 002: "From June 2024, the customer status
 * feature will be enabled by default for new organizations."). An org's configs are parsed (configs.ts): the
 * setting is a boolean, true by default.
 */
export function customerStatusEnabled(org: Org): boolean {
  return org.configs[CUSTOMER_STATUS_CONFIG] !== false;
}

const invalidLabels = (problem: string) => new DomainError(8207, 'statusLabels', problem);

/**
 * The org's labels in the order they were created. Throws 8207 for an unknown status or restriction or a
 * label given twice, and 8211 for a restriction on a label whose status cannot carry one.
 */
export function parseStatusLabels(raw: readonly StatusLabelSetup[] | undefined): StatusLabel[] {
  const labels: StatusLabel[] = [];
  for (const entry of raw ?? []) {
    // The contract requires a status and a label, as text.
    const status = resolveStatus(entry.status);
    // Stryker disable next-line StringLiteral: error detail wording (README, equivalent mutants)
    if (!status) throw invalidLabels(`unknown status "${String(entry.status)}" (use one of ${CUSTOMER_STATUS_NAMES.join(', ')})`);
    const label = entry.label.trim();
    // Stryker disable next-line StringLiteral: error detail wording (README, equivalent mutants)
    if (label === '') throw invalidLabels(`a label under ${status} has no name`);
    // Stryker disable next-line StringLiteral: error detail wording (README, equivalent mutants)
    if (labels.some((known) => known.label.toLowerCase() === label.toLowerCase())) throw invalidLabels(`label "${label}" is given twice`);
    if (label.toLowerCase() === DELETION_PENDING_LABEL.toLowerCase() && status !== 'PENDING_DELETION') {
      // Stryker disable next-line StringLiteral: error detail wording (README, equivalent mutants)
      throw invalidLabels(`${DELETION_PENDING_LABEL} is the Pending deletion label`);
    }
    const restrictions = (entry.restrictions ?? []).map((name) => {
      const definition = resolveRestriction(String(name));
      // Stryker disable next-line StringLiteral,ArrowFunction: error detail wording (README, equivalent mutants)
      if (!definition) throw invalidLabels(`unknown restriction "${String(name)}" (use one of ${RESTRICTIONS.map((known) => known.name).join(', ')})`);
      return definition.name;
    });
    if (restrictions.length > 0 && !RESTRICTABLE_STATUSES.includes(status)) {
      // Stryker disable next-line LogicalOperator,StringLiteral: error detail wording (README, equivalent mutants)
      throw new DomainError(8211, restrictions[0], status, label, WHY_NOT_RESTRICTABLE[status] ?? '');
    }
    labels.push({ status, label, restrictions: [...new Set(restrictions)] });
  }
  return labels;
}

const WHY_NOT_RESTRICTABLE: Partial<Record<CustomerStatus, string>> = {
  ACTIVE: 'there are no restrictions for customers with Active status',
  DELETED: 'a label under Deleted blocks everything',
  PENDING_DELETION: 'restrictions are set on Suspended, Fraud suspected, Fraud confirmed and Internal labels only',
};

/**
 * Ruling 6 with seed 000's "All customers are marked Active by default": the default label is the first
 * label created under Active; without one a customer is Active with no label.
 */
export function defaultLabel(org: Org): StatusLabel | undefined {
  // Stryker disable next-line ArrayDeclaration: a list holding a string has no label under Active either
  return (org.statusLabels ?? []).find((label) => label.status === 'ACTIVE');
}

/** The org's label of that name, in any case. */
export function findLabel(org: Org, name: string): StatusLabel | undefined {
  const wanted = name.toLowerCase();
  return (org.statusLabels ?? []).find((label) => label.label.toLowerCase() === wanted);
}

/** The customer's current status: its assigned label, else the org's default, else Active without a label. */
export function currentStatus(org: Org, customer: Customer): CustomerStatusView {
  if (customer.customerStatus) return customer.customerStatus;
  const fallback = defaultLabel(org);
  return fallback ? { status: fallback.status, label: fallback.label } : { status: 'ACTIVE' };
}

/** The label the customer holds, with its restrictions (Deletion_pending carries none). */
function heldLabel(org: Org, customer: Customer): { status: CustomerStatus; label?: string; restrictions: readonly Restriction[] } {
  const current = currentStatus(org, customer);
  const configured = current.label === undefined ? undefined : findLabel(org, current.label);
  // Stryker disable next-line ArrayDeclaration: the restrictions are only asked whether they include one, which a string is not
  return { ...current, restrictions: configured?.status === current.status ? configured.restrictions : [] };
}

/**
 * THE decision: the error a restriction raises for a customer of this status and label, or undefined.
 * Deleted blocks every restriction (3042); future-development restrictions block nothing yet; without
 * customer status enabled nothing is restricted.
 */
export function restrictionError(
  enabled: boolean,
  status: CustomerStatus,
  label: string | undefined,
  restrictions: readonly Restriction[],
  restriction: Restriction,
  customerId: number,
): DomainError | undefined {
  // The service asks only about the six restrictions that refuse an operation (each with a code); the unit spec
  // pins the decision for the future ones, MARK_TRANSACTION_OUTLIER and the code-less ones.
  // Stryker disable next-line ConditionalExpression,LogicalOperator,OptionalChaining: no request asks about a future restriction (see above)
  if (!enabled || resolveRestriction(restriction)?.future) return undefined;
  if (status === 'DELETED') return new DomainError(3042);
  // MARK_TRANSACTION_OUTLIER marks the transaction instead of refusing it.
  // Stryker disable next-line ConditionalExpression,StringLiteral: no request asks about MARK_TRANSACTION_OUTLIER (see above)
  if (!RESTRICTABLE_STATUSES.includes(status) || !restrictions.includes(restriction) || restriction === 'MARK_TRANSACTION_OUTLIER') return undefined;
  const code = BLOCKED_CODE[restriction];
  // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: no request asks about a restriction without a code (see above)
  if (code === undefined) return new DomainError(8214, customerId, resolveRestriction(restriction)!.seedName, statusSeedName(status), label ?? '');
  // Stryker disable next-line LogicalOperator,StringLiteral: error detail wording (README, equivalent mutants)
  return new DomainError(code, customerId, statusSeedName(status), label ?? '');
}

/**
 * A refusing restriction's own code: the platform's (capillary-api-notes 6.4) where its docs name one,
 * memberspec's 8212 for identifier change and merge, which they do not. Block tier upgrade and Block issual
 * of loyalty promotions have no documented code and no operation refuses them (the credit or bill goes
 * through with warning 8233 / 8290), so only they would fall back to the generic 8214.
 */
export const BLOCKED_CODE: Partial<Record<Restriction, ErrorCode>> = {
  BLOCK_COUPON_REDEMPTION: 742,
  BLOCK_IDENTIFIER_CHANGE_AND_MERGE: 8212,
  BLOCK_COUPON_ISSUAL: 742,
  BLOCK_POINTS_ALLOCATION: 809,
  BLOCK_POINTS_REDEMPTION: 3045,
  BLOCK_TRANSACTION: 681,
};

/** Whether the customer's label carries the restriction (MARK_TRANSACTION_OUTLIER marks instead of refusing). */
// Without customer status no customer holds a label that restricts: labels are given only while it is on
// (3044 otherwise) and the default label is under Active, which carries none.
export function carriesRestriction(org: Org, customer: Customer, restriction: Restriction): boolean {
  const held = heldLabel(org, customer);
  return held.status === 'DELETED' || held.restrictions.includes(restriction);
}

/** Throws the error the customer's label dictates for `restriction`; returns when the operation may go on. */
export function requireAllowed(org: Org, customer: Customer, restriction: Restriction): void {
  const held = heldLabel(org, customer);
  const error = restrictionError(customerStatusEnabled(org), held.status, held.label, held.restrictions, restriction, customer.id);
  if (error) throw error;
}
