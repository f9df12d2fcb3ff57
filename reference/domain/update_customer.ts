// Rule 9: profile updates. Loyalty is one-way: non_loyalty may become loyalty, never the reverse.
import type { Changeset } from './changeset.ts';
import { DomainError } from './errors.ts';
import { validateSourceAccount } from './incoming_customer.ts';
import { findProfile } from './profiles.ts';
import type { CustomerUpdate } from './types.ts';

/** Applies `update` inside `changeset`; 8009 for an unknown customer, 8067 for a merge victim, 8018 for loyalty -> non_loyalty. */
export function updateCustomer(changeset: Changeset, customerId: number, update: CustomerUpdate): { customerId: number } {
  const { source, accountId } = validateSourceAccount(update.source, update.accountId);
  const current = changeset.peek(customerId);
  if (!current) throw new DomainError(8009);
  if (current.mergedInto !== undefined) throw new DomainError(8067, current.mergedInto);
  if (current.loyaltyType === 'loyalty' && update.loyaltyType === 'non_loyalty') throw new DomainError(8018);
  const customer = changeset.edit(customerId);
  if (update.loyaltyType) customer.loyaltyType = update.loyaltyType;
  const profile = findProfile(customer, source, accountId);
  if (profile && update.firstName !== undefined) profile.firstName = update.firstName;
  if (profile && update.lastName !== undefined) profile.lastName = update.lastName;
  return { customerId };
}
