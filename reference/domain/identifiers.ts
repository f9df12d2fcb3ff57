// Identifier values: what is well-formed, how values are normalised, which types are unique per org.
import type { OrgSettings } from './configs.ts';
import { DomainError, type ErrorCode } from './errors.ts';
import { normaliseMobile, type PhoneContext } from './phone.ts';
import {
  MATCHING_IDENTIFIER_TYPES,
  OTHER_IDENTIFIER_TYPES,
  type Customer,
  type FieldValues,
  type Identifier,
  type MatchingIdentifierType,
  type Org,
  type OtherIdentifierType,
} from './types.ts';

export type IdentifierValues = Partial<Record<MatchingIdentifierType, string>>;
export type OtherIdentifierValues = Partial<Record<OtherIdentifierType, string>>;

export function isOtherType(type: string): type is OtherIdentifierType {
  return (OTHER_IDENTIFIER_TYPES as readonly string[]).includes(type);
}

/** A non-matching identifier's stored value: trimmed; empty is no value (8013 where one is required). */
export function otherValue(type: OtherIdentifierType, raw: string): string {
  const value = raw.trim();
  if (value === '') throw new DomainError(8013, `${type} without a value`);
  return value;
}

/**
 * Custom or extended fields as given, none when empty. The contract admits only an object of names to
 * strings, numbers or booleans (anything else is refused with 8203 before any rule runs).
 */
export function givenFields(fields: FieldValues | undefined): FieldValues | undefined {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: an empty set of fields reads as none (the contract's readers, and the suite, take {} and absent alike)
  return fields !== undefined && Object.keys(fields).length > 0 ? { ...fields } : undefined;
}

/** Adds the names `from` has and `into` lacks (incoming data fills what is missing, as identifiers do). */
export function fillFields(into: FieldValues | undefined, from: FieldValues | undefined): FieldValues | undefined {
  // Stryker disable next-line ConditionalExpression: without fields given, the copy below is an empty set of fields, which reads as none
  if (!from) return into;
  return { ...from, ...into };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isMatchingType(type: string): type is MatchingIdentifierType {
  return (MATCHING_IDENTIFIER_TYPES as readonly string[]).includes(type);
}

/** Lookup and change requests name an identifier type; anything else is 8013. */
export function requireMatchingType(type: string): MatchingIdentifierType {
  if (!isMatchingType(type)) throw new DomainError(8013, type);
  return type;
}

export function phoneContext(org: Org, settings: OrgSettings): PhoneContext {
  return {
    completeCountryCode: settings.completeCountryCode,
    baseCountry: org.baseCountry,
    supportedCountries: org.supportedCountries,
  };
}

/**
 * The stored form of a value: emails trimmed and lowercased, mobiles as E.164 digits, external ids trimmed;
 * undefined when malformed (a lookup's value nobody holds).
 */
export function tryNormaliseValue(type: MatchingIdentifierType, raw: string, phone: PhoneContext): string | undefined {
  const value = raw.trim();
  if (type === 'email') return EMAIL.test(value) ? value.toLowerCase() : undefined;
  if (type === 'mobile') return normaliseMobile(value, phone);
  return value;
}

/** Like tryNormaliseValue, but a malformed value is refused: 8055 for an email, `invalidMobile` (8014 or 8056) for a mobile. */
export function normaliseValue(type: MatchingIdentifierType, raw: string, phone: PhoneContext, invalidMobile: ErrorCode = 8056): string {
  const value = tryNormaliseValue(type, raw, phone);
  if (value === undefined) throw new DomainError(type === 'email' ? 8055 : invalidMobile, raw);
  return value;
}

/**
 * Types whose values identify one customer. Email only when CONF_USERS_IS_EMAIL_UNIQUE (or it is the
 * primary key); with dual eligibility a loyalty customer is identified by the primary key alone.
 */
export function uniqueTypes(settings: OrgSettings, loyaltyType: Customer['loyaltyType']): MatchingIdentifierType[] {
  if (settings.dualEligibility && loyaltyType === 'loyalty') return [settings.primaryKey];
  return MATCHING_IDENTIFIER_TYPES.filter((type) => type !== 'email' || settings.emailUnique || settings.primaryKey === 'email');
}

/** The primary identifier first, then mobile, email, externalId (rule 11). */
export function orderedTypes(primaryKey: MatchingIdentifierType): MatchingIdentifierType[] {
  return [primaryKey, ...MATCHING_IDENTIFIER_TYPES.filter((type) => type !== primaryKey)];
}

/** The primary identifier first, then mobile, email, externalId, then the other types in the API's order. */
export function toIdentifierList(values: IdentifierValues, primaryKey: MatchingIdentifierType, others: OtherIdentifierValues = {}): Identifier[] {
  const matching = orderedTypes(primaryKey).flatMap((type) => (values[type] === undefined ? [] : [{ type, value: values[type]! }]));
  return [...matching, ...OTHER_IDENTIFIER_TYPES.flatMap((type) => (others[type] === undefined ? [] : [{ type, value: others[type]! }]))];
}
