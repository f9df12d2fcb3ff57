// Changing a customer's status label (seed 002 "Change customer status label": a new label and a reason),
// the PII deletion request (seed 000 "Pending deletion customer status") and the legacy fraud status.
// Every refusal is thrown before the changeset is edited, so a refused change leaves no log entry.
import type { Changeset } from './changeset.ts';
import {
  customerStatusEnabled,
  DELETION_PENDING_LABEL,
  findLabel,
  type CustomerStatus,
  type FraudStatus,
} from './customer_status.ts';
import { DomainError } from './errors.ts';
import type { Customer, Org } from './types.ts';

export interface ChangeAuthor {
  /** Who asked: the till's username. */
  readonly by: string;
  readonly on: string;
}

function changeable(changeset: Changeset, customerId: number): Customer {
  const customer = changeset.peek(customerId);
  if (!customer) throw new DomainError(8015);
  // As for identifier changes: a merge victim's data went to its survivor.
  if (customer.mergedInto !== undefined) throw new DomainError(8067, customer.mergedInto);
  return customer;
}

function assign(changeset: Changeset, customerId: number, status: CustomerStatus, label: string, reason: string, author: ChangeAuthor): void {
  const customer = changeset.edit(customerId);
  customer.customerStatus = { status, label };
  customer.statusLog = [...(customer.statusLog ?? []), { status, label, reason, changedBy: author.by, changedOn: author.on }];
}

/**
 * Gives the customer one of the org's labels (and so the label's status). 3044 while customer status is
 * not enabled, 8086 for a label the org does not have (Deletion_pending comes only from a PII deletion request).
 */
export function changeStatusLabel(
  org: Org,
  changeset: Changeset,
  customerId: number,
  change: { label: string; reason: string },
  author: ChangeAuthor,
): void {
  if (!customerStatusEnabled(org)) throw new DomainError(3044);
  changeable(changeset, customerId);
  const label = findLabel(org, change.label);
  if (!label || label.label === DELETION_PENDING_LABEL) throw new DomainError(8086, change.label);
  assign(changeset, customerId, label.status, label.label, change.reason, author);
}

/**
 * Seed 000: the customer gets Deletion_pending under Pending deletion, whatever the default label is. Each
 * request is logged, a repeated one too: the seeds say nothing to tell it apart.
 */
export function requestPiiDeletion(org: Org, changeset: Changeset, customerId: number, reason: string, author: ChangeAuthor): void {
  if (!customerStatusEnabled(org)) throw new DomainError(3044);
  changeable(changeset, customerId);
  assign(changeset, customerId, 'PENDING_DELETION', DELETION_PENDING_LABEL, reason, author);
}

/** Seed 000/002: the legacy fraud status; once customer status is enabled it supersedes it (8213). */
export function setFraudStatus(
  org: Org,
  changeset: Changeset,
  customerId: number,
  change: { status: FraudStatus; reason: string },
  author: ChangeAuthor,
): void {
  if (customerStatusEnabled(org)) throw new DomainError(8213);
  changeable(changeset, customerId);
  const customer = changeset.edit(customerId);
  customer.fraudDetails = { status: change.status, reason: change.reason, markedBy: author.by, modifiedOn: author.on };
}
