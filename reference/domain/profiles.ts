// Source profiles: one per source (and account) through which a customer arrived (seed 000 "data sources").
import { warning, type ApiMessage } from './errors.ts';
import { fillFields, toIdentifierList, type IdentifierValues, type OtherIdentifierValues } from './identifiers.ts';
import type { CommChannel, Customer, FieldValues, MatchingIdentifierType, SourceProfile } from './types.ts';

export interface ProfileData {
  readonly source: string;
  readonly accountId: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly commChannels: readonly CommChannel[];
  /** Non-matching identifiers (ruling 90): a profile shows every one it was given. */
  readonly otherIdentifiers?: OtherIdentifierValues;
  /** The org's custom fields given through this profile. */
  readonly fields?: FieldValues;
}

export function findProfile(customer: Customer, source: string, accountId: string): SourceProfile | undefined {
  return customer.profiles.find((profile) => profile.source === source && profile.accountId === accountId);
}

export function newProfile(data: ProfileData, identifiers: IdentifierValues, primaryKey: MatchingIdentifierType): SourceProfile {
  return {
    source: data.source,
    accountId: data.accountId,
    // Stryker disable next-line ConditionalExpression: equivalent, a name key holding undefined is left out of every answer
    ...(data.firstName !== undefined ? { firstName: data.firstName } : {}),
    // Stryker disable next-line ConditionalExpression: equivalent, a name key holding undefined is left out of every answer
    ...(data.lastName !== undefined ? { lastName: data.lastName } : {}),
    identifiers: toIdentifierList(identifiers, primaryKey, data.otherIdentifiers),
    commChannels: [...data.commChannels],
    ...(data.fields ? { fields: { ...data.fields } } : {}),
  };
}

/**
 * Adds the source profile when the customer does not have it yet (warning 8050: same customer found in
 * another source, combining); an existing profile takes the given identifiers and gains names and
 * channels it lacked.
 */
export function attachProfile(
  customer: Customer,
  data: ProfileData,
  identifiers: IdentifierValues,
  primaryKey: MatchingIdentifierType,
): ApiMessage[] {
  const existing = findProfile(customer, data.source, data.accountId);
  if (!existing) {
    customer.profiles.push(newProfile(data, identifiers, primaryKey));
    return [warning(8050)];
  }
  for (const identifier of toIdentifierList(identifiers, primaryKey, data.otherIdentifiers)) {
    existing.identifiers = [...existing.identifiers.filter((known) => known.type !== identifier.type), identifier];
  }
  // A name or field given as undefined stays absent: answers leave out keys holding undefined.
  existing.firstName ??= data.firstName;
  existing.lastName ??= data.lastName;
  existing.fields = fillFields(existing.fields, data.fields);
  for (const channel of data.commChannels) {
    if (!existing.commChannels.some((known) => known.type === channel.type && known.value === channel.value)) {
      existing.commChannels.push({ ...channel });
    }
  }
  return [];
}
