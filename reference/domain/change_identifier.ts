// Rule 8: adding and removing a customer's identifiers. A value another customer holds either conflicts
// (that customer is known to the same source: 8007) or merges the changed customer INTO the holder (8051).
// CONF_IDENTIFIERS_SYNC_ENABLED decides whether a change made through INSTORE reaches every source profile.
import type { Changeset } from './changeset.ts';
import { readSettings, UPDATE_CONFIG, type OrgSettings } from './configs.ts';
import { DomainError, warning, type ApiMessage, type WarningCode } from './errors.ts';
import { isOtherType, normaliseValue, otherValue, phoneContext, requireMatchingType, uniqueTypes } from './identifiers.ts';
import { validateSourceAccount } from './incoming_customer.ts';
import { mergeCustomers } from './merge.ts';
import { findProfile } from './profiles.ts';
import { INSTORE } from './sources.ts';
import type { Customer, Identifier, IdentifierChange, MatchingIdentifierType, Org, OtherIdentifierType, SourceProfile } from './types.ts';

interface TypedIdentifier {
  readonly type: MatchingIdentifierType;
  readonly value: string;
}

const ALREADY_ATTACHED: Record<MatchingIdentifierType, WarningCode> = { mobile: 8071, email: 8072, externalId: 8073 };
const LABEL: Record<MatchingIdentifierType, string> = { mobile: 'Mobile', email: 'Email', externalId: 'External id' };

interface OtherIdentifier {
  readonly type: OtherIdentifierType;
  readonly value: string;
}

/** Splits a change's items into matching identifiers and the other types (ruling 90: never matched, no setting guards them). */
function splitItems(items: readonly Identifier[]): { matching: Identifier[]; others: OtherIdentifier[] } {
  // Stryker disable next-line ArrayDeclaration: a stray entry has no type, so it matches, sets and removes nothing; it only skips the early return below, after which the edit changes nothing either
  const others: OtherIdentifier[] = [];
  const matching: Identifier[] = [];
  for (const item of items) {
    if (isOtherType(item.type)) others.push({ type: item.type, value: otherValue(item.type, item.value) });
    else matching.push(item);
  }
  return { matching, others };
}

function validateItems(items: readonly Identifier[], org: Org, settings: OrgSettings): TypedIdentifier[] {
  const phone = phoneContext(org, settings);
  return items.map((item) => {
    const type = requireMatchingType(item.type);
    if (!settings.allowUpdate[type]) throw new DomainError(8204, LABEL[type], UPDATE_CONFIG[type]);
    return { type, value: normaliseValue(type, item.value, phone) };
  });
}

/** The profiles a change reaches: every profile when synced from INSTORE, else the requesting one. */
function reachedProfiles(customer: Customer, source: string, accountId: string, settings: OrgSettings): SourceProfile[] {
  if (settings.identifiersSync && source === INSTORE) return customer.profiles;
  const profile = findProfile(customer, source, accountId);
  return profile ? [profile] : [];
}

function applyToProfile(profile: SourceProfile, removals: readonly Identifier[], sets: readonly Identifier[]): void {
  const removed = (identifier: Identifier) =>
    removals.some((item) => item.type === identifier.type && item.value === identifier.value) ||
    sets.some((item) => item.type === identifier.type);
  profile.identifiers = [...profile.identifiers.filter((identifier) => !removed(identifier)), ...sets.map((item) => ({ ...item }))];
}

function applyOthers(
  current: Customer['otherIdentifiers'],
  removals: readonly OtherIdentifier[],
  sets: readonly OtherIdentifier[],
): Customer['otherIdentifiers'] {
  const next: Partial<Record<OtherIdentifierType, string>> = { ...current };
  for (const item of removals) delete next[item.type];
  for (const item of sets) next[item.type] = item.value;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: an empty set of other identifiers shows as none either way
  return Object.keys(next).length > 0 ? next : undefined;
}

/** The customer the change leaves live (the survivor when it merged; the merge itself is in the changeset). */
export interface ChangeOutcome {
  readonly customerId: number;
  readonly warnings: ApiMessage[];
}

/** Applies `change` to the customer inside `changeset`; every refusal is thrown before any edit. */
export function changeIdentifiers(org: Org, changeset: Changeset, customerId: number, change: IdentifierChange): ChangeOutcome {
  const settings = readSettings(org.configs);
  const { source, accountId } = validateSourceAccount(change.source, change.accountId);
  const current = changeset.peek(customerId);
  if (!current) throw new DomainError(8015);
  // A merge victim's identifiers went to its survivor; changing it would give values to a customer no lookup reaches.
  if (current.mergedInto !== undefined) throw new DomainError(8067, current.mergedInto);
  if (change.add.length === 0 && change.remove.length === 0) throw new DomainError(8070);
  const added = splitItems(change.add);
  const removed = splitItems(change.remove);
  const adds = validateItems(added.matching, org, settings);
  const removals = validateItems(removed.matching, org, settings).filter((item) => current.identifiers[item.type] === item.value);
  const otherSets = added.others.filter((item) => current.otherIdentifiers?.[item.type] !== item.value);
  for (const [index, item] of added.others.entries()) {
    if (added.others.findIndex((other) => other.type === item.type) !== index) throw new DomainError(8013, `${item.type} added twice`);
  }
  // A removal of a type the change also sets is harmless: removals are applied first.
  const otherRemovals = removed.others.filter((item) => current.otherIdentifiers?.[item.type] === item.value);

  const warnings: ApiMessage[] = [];
  const sets: TypedIdentifier[] = [];
  const survivors = new Map<number, Customer>();
  const unique = uniqueTypes(settings, current.loyaltyType);
  for (const item of adds) {
    if (sets.some((set) => set.type === item.type)) throw new DomainError(8013, `${item.type} added twice`);
    if (current.identifiers[item.type] === item.value) {
      warnings.push(warning(ALREADY_ATTACHED[item.type]));
      continue;
    }
    const holder = unique.includes(item.type)
      ? // Stryker disable next-line ConditionalExpression: a value the customer holds itself was answered above (already attached)
        changeset.liveHolders(item.type, item.value).find((other) => other.id !== customerId)
      : undefined;
    if (!holder) sets.push(item);
    else if (findProfile(holder, source, accountId)) throw new DomainError(8007);
    else survivors.set(holder.id, holder);
  }
  if (survivors.size > 1) throw new DomainError(8053);
  const survivor = [...survivors.values()][0];
  const P = settings.primaryKey;
  const losesPrimary = removals.some((item) => item.type === P) && !sets.some((item) => item.type === P) && !survivor;
  if (losesPrimary && !settings.allowAnyIdentifier) throw new DomainError(91005, P);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: with nothing to change the edit below changes nothing either
  const othersChange = otherSets.length > 0 || otherRemovals.length > 0;
  // Stryker disable next-line ConditionalExpression,ArrayDeclaration: with nothing to change the edit below changes nothing either
  if (removals.length === 0 && sets.length === 0 && !survivor && !othersChange) return { customerId, warnings };

  const customer = changeset.edit(customerId);
  for (const item of removals) delete customer.identifiers[item.type];
  for (const item of sets) customer.identifiers[item.type] = item.value;
  // Stryker disable next-line ConditionalExpression: without other identifiers to change, applying none gives the same ones
  if (othersChange) customer.otherIdentifiers = applyOthers(customer.otherIdentifiers, otherRemovals, otherSets);
  const allRemovals = [...removals, ...otherRemovals];
  const allSets = [...sets, ...otherSets];
  for (const profile of reachedProfiles(customer, source, accountId, settings)) applyToProfile(profile, allRemovals, allSets);
  if (!survivor) return { customerId, warnings };
  // The customer being changed is the victim; the existing holder of the value survives.
  mergeCustomers(org, changeset, survivor.id, customerId, 'changeIdentifier');
  warnings.push(warning(8051, survivor.id));
  return { customerId: survivor.id, warnings };
}
