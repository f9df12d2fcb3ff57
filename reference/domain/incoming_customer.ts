// Rules 1-4: an incoming customer (registration or the customer part of a transaction) is checked and
// normalised before any matching. Every refusal here happens before the store is consulted.
import { readSettings, type OrgSettings } from './configs.ts';
import { DomainError, warning, type ApiMessage } from './errors.ts';
import {
  givenFields,
  isOtherType,
  normaliseValue,
  otherValue,
  phoneContext,
  requireMatchingType,
  type IdentifierValues,
  type OtherIdentifierValues,
} from './identifiers.ts';
import { SOURCE_CHANNELS, isMultiAccountSource, resolveChannel, resolveSource } from './sources.ts';
import type { CommChannel, FieldValues, Identifier, IncomingCustomer, LoyaltyType, Org } from './types.ts';

export interface ValidIncoming {
  readonly source: string;
  /** '' for single-account sources. */
  readonly accountId: string;
  readonly loyaltyType: LoyaltyType;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly identifiers: IdentifierValues;
  /** Identifiers that never match (ruling 90). */
  readonly otherIdentifiers: OtherIdentifierValues;
  readonly commChannels: CommChannel[];
  /** The profile's custom fields and the customer's extended fields, as given. */
  readonly fields?: FieldValues;
  readonly extendedFields?: FieldValues;
  readonly registeredOn: string;
  readonly warnings: ApiMessage[];
}

/**
 * The request layer passes a missing source as '' (route_support), so a source is always a string here; a
 * blank one is a source the platform does not know (3217). An account id is the other system's, as given.
 */
export function validateSourceAccount(sourceName: string, accountId: string | undefined): { source: string; accountId: string } {
  if (sourceName === '') throw new DomainError(8004);
  const source = resolveSource(sourceName);
  if (!source) throw new DomainError(3217, sourceName);
  if (!isMultiAccountSource(source)) return { source, accountId: '' };
  if (!accountId) throw new DomainError(8045, source);
  return { source, accountId };
}

/**
 * The identifiers of a request, one value per type: the matching ones normalised, the non-matching ones
 * (ruling 90) as given; an empty value is none.
 */
function collectIdentifiers(
  given: readonly Identifier[],
  org: Org,
  settings: OrgSettings,
  warnings: ApiMessage[],
): { identifiers: IdentifierValues; otherIdentifiers: OtherIdentifierValues } {
  const phone = phoneContext(org, settings);
  const invalidMobile = settings.primaryKey === 'mobile' ? 8014 : 8056;
  const values: IdentifierValues = {};
  const others: OtherIdentifierValues = {};
  for (const identifier of given) {
    if (isOtherType(identifier.type)) {
      if (identifier.value.trim() === '') continue;
      // Stryker disable next-line StringLiteral: error detail wording, not pinned by the contract
      if (others[identifier.type] !== undefined) throw new DomainError(8013, `${identifier.type} given twice`);
      others[identifier.type] = otherValue(identifier.type, identifier.value);
      continue;
    }
    const type = requireMatchingType(identifier.type);
    if (identifier.value.trim() === '') continue;
    // Stryker disable next-line StringLiteral: error detail wording, not pinned by the contract
    if (values[type] !== undefined) throw new DomainError(8013, `${type} given twice`);
    if (type === 'externalId' && !settings.useExternalId && settings.primaryKey !== 'externalId') {
      // Stryker disable next-line StringLiteral: warning detail wording, not pinned by the contract
      warnings.push(warning(8210, 'externalId', 'CONF_USERS_USE_EXTERNAL_ID is disabled'));
      continue;
    }
    values[type] = normaliseValue(type, identifier.value, phone, invalidMobile);
  }
  return { identifiers: values, otherIdentifiers: others };
}

function requireMandatory(values: IdentifierValues, settings: OrgSettings): void {
  const { primaryKey } = settings;
  if (values[primaryKey] === undefined && !settings.allowAnyIdentifier) throw new DomainError(8205, primaryKey);
  // Stryker disable next-line StringLiteral: error detail wording, not pinned by the contract
  if (settings.emailRequired && values.email === undefined) throw new DomainError(8205, 'email');
  // Seed 000: the mobile/external id "required" checks are not applicable to the primary identifier.
  if (settings.mobileRequired && primaryKey !== 'mobile' && values.mobile === undefined) {
    // Stryker disable next-line StringLiteral: error detail wording, not pinned by the contract
    throw new DomainError(8205, 'mobile');
  }
  const externalIdApplies = settings.externalIdRequired && settings.useExternalId && primaryKey !== 'externalId';
  // Stryker disable next-line StringLiteral: error detail wording, not pinned by the contract
  if (externalIdApplies && values.externalId === undefined) throw new DomainError(8205, 'externalId');
}

function registrationDate(createDate: string | undefined, settings: OrgSettings, now: string): string {
  if (createDate === undefined) return now;
  const time = Date.parse(createDate);
  // Stryker disable next-line ConditionalExpression: the contract's date-time format refuses (8203) what Date.parse cannot read; kept so a gap there is a 400, not a 500
  if (Number.isNaN(time)) throw new DomainError(8017);
  // Stryker disable next-line ConditionalExpression: equivalent, without the setting Date.parse gives NaN and no time is below NaN
  if (settings.minRegistrationDate !== undefined && time < Date.parse(settings.minRegistrationDate)) throw new DomainError(8017);
  return new Date(time).toISOString();
}

/**
 * Known channel types, lower-cased. Ruling 23: with CONF_CHANNELS_FROM_OWN_SOURCE_ONLY a channel that is also
 * a source (WeChat, LINE) comes only through that source; through another source it is refused (8010).
 */
function validChannels(channels: readonly CommChannel[] | undefined, source: string, settings: OrgSettings): CommChannel[] {
  return (channels ?? []).map((channel) => {
    const type = resolveChannel(channel.type);
    if (!type) throw new DomainError(8010, channel.type);
    const ownSource = SOURCE_CHANNELS[type];
    if (settings.channelsFromOwnSourceOnly && ownSource !== undefined && ownSource !== source) {
      throw new DomainError(8010, `${channel.type} comes only through the ${ownSource} source (CONF_CHANNELS_FROM_OWN_SOURCE_ONLY)`);
    }
    return { ...channel, type };
  });
}

/** Checks rules 1-4 and returns the normalised customer data; `now` is the registration date by default. */
export function validateIncoming(input: IncomingCustomer, org: Org, now: string): ValidIncoming {
  const settings = readSettings(org.configs);
  const { source, accountId } = validateSourceAccount(input.source, input.accountId);
  if (input.identifiers.length === 0) throw new DomainError(8005);
  const warnings: ApiMessage[] = [];
  const { identifiers, otherIdentifiers } = collectIdentifiers(input.identifiers, org, settings, warnings);
  const fields = givenFields(input.fields);
  const extendedFields = givenFields(input.extendedFields);
  if (Object.keys(identifiers).length === 0 && settings.allowAnyIdentifier) throw new DomainError(8005);
  requireMandatory(identifiers, settings);
  return {
    source,
    accountId,
    loyaltyType: input.loyaltyType ?? 'loyalty',
    // Stryker disable next-line ConditionalExpression: equivalent, a name key holding undefined is left out of every answer
    ...(input.firstName !== undefined ? { firstName: input.firstName } : {}),
    // Stryker disable next-line ConditionalExpression: equivalent, a name key holding undefined is left out of every answer
    ...(input.lastName !== undefined ? { lastName: input.lastName } : {}),
    identifiers,
    otherIdentifiers,
    commChannels: validChannels(input.commChannels, source, settings),
    ...(fields ? { fields } : {}),
    ...(extendedFields ? { extendedFields } : {}),
    registeredOn: registrationDate(input.createDate, settings, now),
    warnings,
  };
}
