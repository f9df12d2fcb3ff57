// Ruling 3: the loyalty customer survives; each survivor NULL identifier takes the victim's value and the
// victim loses it; the victim keeps its other identifiers and points at the survivor. Every merge is recorded.
// Seed 003 and rulings 103-108: the victim's cards, points and coupons move too; subscriptions, tier and
// test/control group stay with their own customer.
import type { Changeset } from './changeset.ts';
import { requireAllowed } from './customer_status.ts';
import { warning, type ApiMessage } from './errors.ts';
import type { Customer, Identifier, MatchingIdentifierType, MergeRecord, Org } from './types.ts';

/** Loyalty beats non-loyalty; on a tie the preferred customer (if given), else the oldest. */
export function chooseSurvivor(candidates: readonly Customer[], preferred?: Customer): Customer {
  const loyal = candidates.filter((customer) => customer.loyaltyType === 'loyalty');
  const pool = loyal.length > 0 ? loyal : candidates;
  if (preferred && pool.some((customer) => customer.id === preferred.id)) return preferred;
  const oldestId = Math.min(...pool.map((customer) => customer.id));
  return pool.find((customer) => customer.id === oldestId)!;
}

/**
 * Merges the victim into the survivor. Seed 001 "Block identifier change and account merge": a label that
 * blocks merges refuses the merge whichever role its customer would play (8212; Deleted: 3042).
 */
export function mergeCustomers(
  org: Org,
  changeset: Changeset,
  survivorId: number,
  victimId: number,
  trigger: MergeRecord['trigger'],
): { record: MergeRecord; warning: ApiMessage } {
  for (const id of [survivorId, victimId]) requireAllowed(org, changeset.peek(id)!, 'BLOCK_IDENTIFIER_CHANGE_AND_MERGE');
  const survivor = changeset.edit(survivorId);
  const victim = changeset.edit(victimId);
  const moved: Identifier[] = [];
  for (const [type, value] of Object.entries(victim.identifiers) as [MatchingIdentifierType, string][]) {
    if (survivor.identifiers[type] !== undefined) continue;
    survivor.identifiers[type] = value;
    delete victim.identifiers[type];
    moved.push({ type, value });
  }
  for (const profile of victim.profiles) {
    profile.identifiers = profile.identifiers.filter((known) => !moved.some((item) => item.type === known.type && item.value === known.value));
  }
  // Ruling 104: cards are identifiers of the customer too, and move with the others.
  if (victim.cards?.length) {
    survivor.cards = [...(survivor.cards ?? []), ...victim.cards];
    delete victim.cards;
  }
  victim.mergedInto = survivorId;
  const record: MergeRecord = { survivorId, victimId, trigger, moved };
  changeset.merges.push(record);
  return { record, warning: warning(8209, victimId, survivorId) };
}
