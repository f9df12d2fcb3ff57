// Rules 5-6: how an incoming customer (registration or transaction) meets the stored customers.
// Terms follow seed 004: the primary match holds the incoming primary identifier (P); secondary matches
// hold one of its other identifiers. Every refusal is thrown before the changeset is edited.
import type { Changeset } from './changeset.ts';
import { readSettings, type OrgSettings } from './configs.ts';
import { DomainError, warning, type ApiMessage } from './errors.ts';
import { fillFields, uniqueTypes, type IdentifierValues } from './identifiers.ts';
import type { ValidIncoming } from './incoming_customer.ts';
import { chooseSurvivor, mergeCustomers } from './merge.ts';
import { attachProfile, findProfile, newProfile } from './profiles.ts';
import { INSTORE } from './sources.ts';
import type { Customer, MatchingIdentifierType, Org, RegistrationResult } from './types.ts';

export type IncomingTrigger = 'registration' | 'transaction';

interface Matches {
  readonly primary?: Customer;
  readonly secondary: Customer[];
}

function findMatches(changeset: Changeset, incoming: ValidIncoming, settings: OrgSettings): Matches {
  const unique = uniqueTypes(settings, incoming.loyaltyType);
  let primary: Customer | undefined;
  const secondary = new Map<number, Customer>();
  for (const [type, value] of Object.entries(incoming.identifiers) as [MatchingIdentifierType, string][]) {
    if (!unique.includes(type)) continue;
    const holders = changeset.liveHolders(type, value);
    if (type === settings.primaryKey) primary = holders[0];
    else for (const holder of holders) secondary.set(holder.id, holder);
  }
  if (primary) secondary.delete(primary.id);
  return { primary, secondary: [...secondary.values()] };
}

/** Rule 5: CONF_RESTRICT_ORPHAN_V2_PROFILE refuses a non-INSTORE customer unknown to INSTORE. */
function checkOrphan(matches: Matches, incoming: ValidIncoming, settings: OrgSettings): void {
  if (!settings.restrictOrphanV2Profile || incoming.source === INSTORE) return;
  const matched = [...(matches.primary ? [matches.primary] : []), ...matches.secondary];
  if (!matched.some((customer) => customer.profiles.some((profile) => profile.source === INSTORE))) {
    throw new DomainError(8090);
  }
}

/**
 * Fills the customer's NULL identifiers from the incoming data, unless another live customer holds the value
 * (the customer itself cannot: it holds no value of that type).
 */
function fillMissing(changeset: Changeset, customer: Customer, incoming: ValidIncoming, settings: OrgSettings): void {
  const unique = uniqueTypes(settings, customer.loyaltyType);
  for (const [type, value] of Object.entries(incoming.identifiers) as [MatchingIdentifierType, string][]) {
    if (customer.identifiers[type] !== undefined) continue;
    const takenElsewhere = unique.includes(type) && changeset.liveHolders(type, value).length > 0;
    if (!takenElsewhere) customer.identifiers[type] = value;
  }
}

/** Non-matching identifiers and extended fields the customer lacks come from the incoming data (ruling 90). */
function fillOthers(customer: Customer, incoming: ValidIncoming): void {
  customer.otherIdentifiers = { ...incoming.otherIdentifiers, ...customer.otherIdentifiers };
  // Undefined (none either side) stays absent: the view leaves out extended fields it does not have.
  customer.extendedFields = fillFields(customer.extendedFields, incoming.extendedFields);
}

function createCustomer(changeset: Changeset, incoming: ValidIncoming, identifiers: IdentifierValues, P: MatchingIdentifierType): Customer {
  return changeset.create({
    loyaltyType: incoming.loyaltyType,
    identifiers: { ...identifiers },
    otherIdentifiers: { ...incoming.otherIdentifiers },
    ...(incoming.extendedFields ? { extendedFields: { ...incoming.extendedFields } } : {}),
    profiles: [newProfile(incoming, identifiers, P)],
    registeredOn: incoming.registeredOn,
  });
}

/** Brings an existing customer up to date with the incoming data (identifiers, loyalty upgrade, profile). */
function absorb(
  changeset: Changeset,
  target: Customer,
  incoming: ValidIncoming,
  settings: OrgSettings,
  takePrimary = false,
): ApiMessage[] {
  const customer = changeset.edit(target.id);
  const primaryValue = incoming.identifiers[settings.primaryKey];
  // Seed 004 Disabled Ex1: the customer found by a secondary identifier takes the incoming primary value.
  if (takePrimary && primaryValue !== undefined) customer.identifiers[settings.primaryKey] = primaryValue;
  fillMissing(changeset, customer, incoming, settings);
  fillOthers(customer, incoming);
  if (incoming.loyaltyType === 'loyalty') customer.loyaltyType = 'loyalty';
  const held = Object.fromEntries(
    Object.entries(incoming.identifiers).filter(([type, value]) => customer.identifiers[type as MatchingIdentifierType] === value),
  );
  return attachProfile(customer, incoming, held, settings.primaryKey);
}

function mergeAllInto(org: Org, changeset: Changeset, survivor: Customer, others: Customer[], trigger: IncomingTrigger, warnings: ApiMessage[]): void {
  for (const victim of others) {
    if (victim.id !== survivor.id) warnings.push(mergeCustomers(org, changeset, survivor.id, victim.id, trigger).warning);
  }
}

export interface IncomingOutcome {
  readonly result: RegistrationResult;
  readonly warnings: ApiMessage[];
}

/**
 * Applies rules 5-6 to a validated incoming customer inside `changeset`.
 * Throws 8090, 8075, 8052 or (registration only) 8006 before changing anything.
 */
export function resolveIncoming(org: Org, changeset: Changeset, incoming: ValidIncoming, trigger: IncomingTrigger): IncomingOutcome {
  const settings = readSettings(org.configs);
  const P = settings.primaryKey;
  const matches = findMatches(changeset, incoming, settings);
  checkOrphan(matches, incoming, settings);
  const warnings: ApiMessage[] = [...incoming.warnings];
  const done = (customer: Customer): IncomingOutcome => ({
    // Stryker disable next-line ArrayDeclaration: the merges are in no answer of a registration or transaction (test control lists them from the store)
    result: { customerId: customer.id, merges: [...changeset.merges] },
    warnings,
  });
  const { primary, secondary } = matches;
  const primaryValue = incoming.identifiers[P];

  if (!primary && secondary.length === 0) return done(createCustomer(changeset, incoming, incoming.identifiers, P));

  if (!primary) {
    if (primaryValue !== undefined && settings.skipSecondary) {
      // Seed 004 Enabled Ex1: a new customer with only the primary identifier; the secondary ones are ignored.
      for (const type of Object.keys(incoming.identifiers)) {
        if (type !== P) warnings.push(warning(8210, type, 'CONF_SKIP_SECONDARY_ID_ON_PRIMARY_MISMATCH is enabled'));
      }
      return done(createCustomer(changeset, incoming, { [P]: primaryValue }, P));
    }
    if (primaryValue !== undefined && settings.strictPrimaryCheck) throw new DomainError(8075);
    const survivor = chooseSurvivor(secondary);
    mergeAllInto(org, changeset, survivor, secondary, trigger, warnings);
    warnings.push(...absorb(changeset, survivor, incoming, settings, true));
    return done(survivor);
  }

  if (secondary.length > 0) {
    const survivor = chooseSurvivor([primary, ...secondary], primary);
    // Seed 004 Enabled Ex3: the loyalty customer would survive over the primary match: conflict, nothing added.
    if (settings.skipSecondary && survivor.id !== primary.id) {
      throw new DomainError(8052, [primary, ...secondary].map((customer) => customer.id).join(', '));
    }
    mergeAllInto(org, changeset, survivor, [primary, ...secondary], trigger, warnings);
    warnings.push(...absorb(changeset, survivor, incoming, settings));
    return done(survivor);
  }

  if (trigger === 'registration' && findProfile(primary, incoming.source, incoming.accountId)) {
    throw new DomainError(8006, primary.id);
  }
  warnings.push(...absorb(changeset, primary, incoming, settings));
  return done(primary);
}
