// Reads a two-column "these details" table (mobile, email, external id, first name, last name,
// registration date, "<type> channel") into the customer part of a request.
import type { DataTable } from '@cucumber/cucumber';
import { HarnessError, type CommChannel, type Identifier, type IncomingCustomer, type LoyaltyType } from '../../driver/driver.ts';
import { identifierType, type SourceSpec } from './parameter_types.ts';
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
    const channel = /^(.+) channel$/.exec(key);
    if (['mobile', 'email', 'external id'].includes(key)) {
      if (value !== undefined) identifiers.push({ type: identifierType(key), value });
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
