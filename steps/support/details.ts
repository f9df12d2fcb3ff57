// Reads a two-column "these details" table (an identifier word such as mobile or wechat id, first name,
// last name, registration date, "<type> channel", "custom field <name>", "extended field <name>") into
// the customer part of a request.
import type { DataTable } from '@cucumber/cucumber';
import { HarnessError, type CommChannel, type Identifier, type IncomingCustomer, type LoyaltyType } from '../../driver/driver.ts';
import { identifierType, isIdentifierWord, type SourceSpec } from './parameter_types.ts';
import type { MemberspecWorld } from './world.ts';

export function customerFromDetails(
  world: MemberspecWorld,
  source: SourceSpec,
  loyalty: LoyaltyType | undefined,
  table: DataTable,
): IncomingCustomer {
  const identifiers: Identifier[] = [];
  const commChannels: CommChannel[] = [];
  const customer: IncomingCustomer = { ...world.incomingCustomer(source, loyalty, identifiers), commChannels };
  for (const [rawKey, rawValue] of table.raw()) {
    const key = rawKey.trim().toLowerCase();
    const value = world.value(rawValue.trim());
    // Channel types as written (the API's mobilePush); the target reads them in any letter case.
    const channel = /^(.+) channel$/.exec(rawKey.trim());
    const field = /^(custom|extended) field (.+)$/.exec(rawKey.trim());
    if (isIdentifierWord(key)) {
      if (value !== undefined) identifiers.push({ type: identifierType(key), value });
    } else if (field) {
      // Field names keep their case: they are the org's own names.
      const which = field[1].toLowerCase() === 'custom' ? 'fields' : 'extendedFields';
      if (value !== undefined) customer[which] = { ...customer[which], [field[2]]: value };
    } else if (channel) {
      if (value !== undefined) commChannels.push({ type: channel[1], value });
    } else if (key === 'first name') customer.firstName = value;
    else if (key === 'last name') customer.lastName = value;
    else if (key === 'registration date') customer.createDate = value;
    else throw new HarnessError(`unknown detail "${rawKey}"`);
  }
  if (commChannels.length === 0) delete customer.commChannels;
  return customer;
}
