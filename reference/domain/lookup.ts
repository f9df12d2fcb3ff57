// Rule 7: finding a customer by identifier. Merge victims lead to their survivor.
import { customerIdByCardNumber, isCardNumberType } from './cards.ts';
import { readSettings } from './configs.ts';
import type { CustomerReader } from './customer_port.ts';
import { DomainError } from './errors.ts';
import { phoneContext, requireMatchingType, tryNormaliseValue } from './identifiers.ts';
import { ALL_SOURCES, resolveSource } from './sources.ts';
import { LOOKUP_OTHER_IDENTIFIER_TYPES, type Customer, type Identifier, type LookupQuery, type Org, type OtherIdentifierType } from './types.ts';

/** Reads name a source (or ALL); an unknown one is 8003. */
export function validateReadSource(source: string): string {
  if (source.toUpperCase() === ALL_SOURCES) return ALL_SOURCES;
  const resolved = resolveSource(source);
  if (!resolved) throw new DomainError(8003, source);
  return resolved;
}

/**
 * The identifier a lookup uses: the primary one when several are given; with dual eligibility only it.
 * A query always names at least one (route_support.lookupQuery splits identifierName).
 */
function chooseIdentifier(identifiers: readonly Identifier[], org: Org): Identifier {
  for (const identifier of identifiers) if (!isCardNumberType(identifier.type) && !isLookupOtherType(identifier.type)) requireMatchingType(identifier.type);
  const settings = readSettings(org.configs);
  const primary = identifiers.find((identifier) => identifier.type === settings.primaryKey);
  if (primary) return primary;
  if (settings.dualEligibility) throw new DomainError(8015);
  return identifiers[0];
}

/**
 * Follows mergedInto links to the customer that is still live. The chain ends: a merge takes a live survivor
 * and a live victim only, and a victim never becomes live again, so the links form no cycle.
 */
export function survivorOf(reader: CustomerReader, customer: Customer): Customer {
  let current = customer;
  while (current.mergedInto !== undefined) current = reader.get(current.mergedInto)!;
  return current;
}

/** The id of the live customer the query identifies; 8003 / 8013 / 8015 otherwise. */
export function lookupCustomerId(org: Org, reader: CustomerReader, query: LookupQuery): number {
  validateReadSource(query.source);
  const identifier = chooseIdentifier(query.identifiers, org);
  // Seed 002: a card number also finds its customer.
  if (isCardNumberType(identifier.type)) return customerIdByCardNumber(reader, identifier.value, (customer) => survivorOf(reader, customer));
  const raw = identifier.value.trim();
  if (isLookupOtherType(identifier.type)) return oldestLive(reader, reader.idsByOtherIdentifier(identifier.type, raw)).id;
  const type = requireMatchingType(identifier.type);
  // Stored values are normalised and normalising is idempotent, so a value the index holds as given
  // needs no (costly, for mobiles) validation; any other value is normalised first.
  let ids = reader.idsByIdentifier(type, raw);
  // Stryker disable next-line ConditionalExpression: normalising a value the index holds as given gives that value again
  if (ids.length === 0) {
    const value = tryNormaliseValue(type, raw, phoneContext(org, readSettings(org.configs)));
    // Stryker disable next-line ConditionalExpression: a malformed value is held by no one, so the search below finds none and answers the same 8015
    if (value === undefined) throw new DomainError(8015);
    ids = reader.idsByIdentifier(type, value);
  }
  return oldestLive(reader, ids).id;
}

/** Ruling 90: wechat, martjackId and fbId find their holder; other non-matching types are not lookup names (8013). */
function isLookupOtherType(type: string): type is OtherIdentifierType {
  return (LOOKUP_OTHER_IDENTIFIER_TYPES as readonly string[]).includes(type);
}

/** The oldest live holder of a value; a value only merge victims hold leads to their survivor; none is 8015. */
function oldestLive(reader: CustomerReader, ids: readonly number[]): Customer {
  const holders = [...ids].sort((a, b) => a - b).map((id) => reader.get(id)!);
  const live = holders.find((customer) => customer.mergedInto === undefined);
  const found = live ?? (holders[0] && survivorOf(reader, holders[0]));
  if (!found) throw new DomainError(8015);
  return found;
}
