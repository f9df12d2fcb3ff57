// Seed 003 "Card support in Goodwill Points Issual": goodwill names its customer by id, or by a card number or
// card external id ("Card here acts only as a customer identifier and to identify the card linked program").
// The program is the card's linked one unless the request chooses another the org has (11005 otherwise).
import { DomainError } from '../domain/errors.ts';
import { readLoyaltyProgram } from '../domain/loyalty_program.ts';
import type { Org } from '../domain/types.ts';
import type { IdentityService } from '../service/identity_service.ts';

export interface GoodwillTarget {
  readonly customerId: number;
  readonly programId: number;
  readonly programName: string;
}

interface GoodwillBody {
  customerId?: number;
  identifierName?: 'cardnumber' | 'cardExternalId';
  identifierValue?: string;
  programId?: number;
}

/**
 * Ruling 164: every card series is linked to the org's default program (the first of CONF_LOYALTY_PROGRAMS),
 * so "the linked loyalty program" is that program; choosing "a different program" can only name one the org has.
 * Ruling 165: a card of any status identifies its holder, blocked (SUSPENDED), EXPIRED and DELETED included.
 */
export function goodwillTarget(service: IdentityService, org: Org, body: GoodwillBody): GoodwillTarget {
  const programs = readLoyaltyProgram(org.configs).programs;
  const program = body.programId === undefined ? programs[0] : programs.find((known) => known.id === body.programId);
  if (!program) throw new DomainError(11005, body.programId!);
  const customerId =
    body.customerId ?? service.cardHolder(org.id, { by: body.identifierName ?? 'cardnumber', value: String(body.identifierValue ?? '') });
  return { customerId, programId: program.id, programName: program.name };
}
