// Identifier values: what is well-formed, how values are normalised, which types are unique per org.
import type { OrgSettings } from './configs.ts';
import { DomainError, type ErrorCode } from './errors.ts';
import { normaliseMobile, type PhoneContext } from './phone.ts';
import { MATCHING_IDENTIFIER_TYPES, type Customer, type Identifier, type MatchingIdentifierType, type Org } from './types.ts';

export type IdentifierValues = Partial<Record<MatchingIdentifierType, string>>;

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
 * The stored form of a value: emails trimmed and lowercased, mobiles as E.164 digits, external ids trimmed.
 * Throws `invalidMobile` (8014 or 8056) or 8055 when malformed.
 */
export function normaliseValue(
  type: MatchingIdentifierType,
  raw: string,
  phone: PhoneContext,
  invalidMobile: ErrorCode = 8056,
): string {
  const value = raw.trim();
  if (type === 'email') {
    if (!EMAIL.test(value)) throw new DomainError(8055, raw);
    return value.toLowerCase();
  }
  if (type === 'mobile') {
    const mobile = normaliseMobile(value, phone);
    if (mobile === undefined) throw new DomainError(invalidMobile, raw);
    return mobile;
  }
  return value;
}

/** Like normaliseValue, but a malformed value is simply one nobody holds (lookups answer 8015). */
export function tryNormaliseValue(type: MatchingIdentifierType, raw: string, phone: PhoneContext): string | undefined {
  try {
    return normaliseValue(type, raw, phone);
  } catch {
    return undefined;
  }
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

export function toIdentifierList(values: IdentifierValues, primaryKey: MatchingIdentifierType): Identifier[] {
  return orderedTypes(primaryKey).flatMap((type) => (values[type] === undefined ? [] : [{ type, value: values[type]! }]));
}
