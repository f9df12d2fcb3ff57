// Seed 002 "Cards" and seed 001 "External ID configuration": cards on a customer (link a number, issue
// the next one of the org's series, change a card's status and label), external IDs generated from the
// series at registration, and finding a customer by card number. Numbers come from the Changeset's
// sequence, so a refused operation takes none; a number someone already holds (as a card or as an
// external ID) is skipped, so a generated number never collides with another customer's.
import { changeIdentifiers, type ChangeOutcome } from './change_identifier.ts';
import { ORG_CARD_SERIES_ID, generatesExternalId, readCardSettings, type CardSettings } from './card_configs.ts';
import { cardNumberProblem, formatCardNumber, type CardSeries } from './card_numbers.ts';
import type { Changeset } from './changeset.ts';
import type { CustomerReader } from './customer_port.ts';
import { DomainError } from './errors.ts';
import { validateSourceAccount } from './incoming_customer.ts';
import { resolveSource } from './sources.ts';
import { type Card, type CardRequest, type CardStatus, type Customer, type IdentifierChange, type IncomingCustomer, type Org } from './types.ts';

/** The identifier name the API uses for card numbers (cardnumber; lookups also say cardNumber). */
export function isCardNumberType(type: string): boolean {
  return type.toLowerCase() === 'cardnumber';
}

interface FreeNumber {
  readonly number: string;
  readonly sequence: bigint;
}

/** The next number of the series nobody holds, as a card or as an external ID; 8263 when none is left. */
export function nextFreeCardNumber(series: CardSeries, changeset: Changeset): FreeNumber {
  for (let sequence = changeset.cardSequence() ?? series.offset; ; sequence += 1n) {
    const number = formatCardNumber(series, sequence);
    if (changeset.cardHolders(number).length === 0 && changeset.holders('externalId', number).length === 0) return { number, sequence };
  }
}

function requireSeries(settings: CardSettings, seriesId: number): CardSeries {
  if (!settings.series) {
    // Stryker disable next-line StringLiteral: error detail wording (README, equivalent mutants)
    throw new DomainError(8267, seriesId, 'the org has no card series (CONF_CARD_CHECKSUM_DIGIT_ALGO and CONF_CARD_NUMBER_LENGTH are not set)');
  }
  // Stryker disable next-line StringLiteral: error detail wording (README, equivalent mutants)
  if (seriesId !== ORG_CARD_SERIES_ID) throw new DomainError(8267, seriesId, `the org's card series is ${ORG_CARD_SERIES_ID}`);
  return settings.series;
}

// ---- external IDs generated at registration --------------------------------------------------------

export interface GeneratedExternalId {
  /** The registration with its external ID replaced by the generated one. */
  readonly input: IncomingCustomer;
  readonly generated?: FreeNumber;
}

/**
 * Seed 001: "the external ID in the customer add API payload will be replaced with the generated external
 * ID", for registrations through a source account of SOURCE_ACCOUNTS_EXTERNALID_ENABLED. The number is
 * only reserved here; keepGeneratedExternalId takes it once the registration has gone through.
 */
export function generateExternalId(org: Org, changeset: Changeset, input: IncomingCustomer): GeneratedExternalId {
  const settings = readCardSettings(org.configs);
  // Only an org with a series lists source accounts to generate for (readCardSettings); an unknown source is none of them.
  // Stryker disable next-line StringLiteral: a source that does not resolve is unknown whatever the text
  const source = resolveSource(input.source ?? '') ?? '';
  // The account id as given: profiles compare it exactly too.
  if (!generatesExternalId(settings, source, input.accountId ?? '')) return { input };
  const generated = nextFreeCardNumber(settings.series!, changeset);
  const identifiers = [...input.identifiers.filter((identifier) => identifier.type !== 'externalId'), { type: 'externalId', value: generated.number }];
  return { input: { ...input, identifiers }, generated };
}

/**
 * Takes the generated number from the sequence when the registered customer kept it as its external ID
 * (ruling 35: a registration that joins a customer with an external ID takes no number).
 */
export function keepGeneratedExternalId(changeset: Changeset, customerId: number, generated: FreeNumber | undefined): void {
  if (generated && changeset.peek(customerId)!.identifiers.externalId === generated.number) {
    changeset.advanceCardSequence(generated.sequence + 1n);
  }
}

// ---- cards on a customer ---------------------------------------------------------------------------------

function changeableCustomer(changeset: Changeset, customerId: number): Customer {
  const customer = changeset.peek(customerId);
  if (!customer) throw new DomainError(8015);
  if (customer.mergedInto !== undefined) throw new DomainError(8067, customer.mergedInto);
  return customer;
}

export interface Availability {
  readonly available: boolean;
  /** Why the number cannot be linked. */
  readonly reason?: string;
}

/** Seed 002 "Check availability": whether `number` can be linked (the same checks linking makes). */
export function checkCardAvailability(org: Org, reader: CustomerReader, rawNumber: string, seriesId?: number): Availability {
  const number = rawNumber.trim();
  if (seriesId !== undefined) {
    const problem = cardNumberProblem(requireSeries(readCardSettings(org.configs), seriesId), number);
    if (problem) return { available: false, reason: `not a number of card series ${seriesId}: ${problem}` };
  }
  return reader.idsByCardNumber(number).length > 0 ? { available: false, reason: 'another customer holds it' } : { available: true };
}

/**
 * Seed 002 "Link card" (a number) or "Issue card" (a series: its next free number). Only ACTIVE labels
 * can be assigned here (8269); an unavailable number is refused (8266, 8268). Returns the card.
 */
export function addCard(org: Org, changeset: Changeset, customerId: number, request: CardRequest): Card {
  changeableCustomer(changeset, customerId);
  const label = request.statusLabel ?? 'ACTIVE';
  if (label.trim().toUpperCase() !== 'ACTIVE') throw new DomainError(8269, label);
  let number: string;
  if (request.number === undefined || request.number.trim() === '') {
    if (request.seriesId === undefined) throw new DomainError(8205, 'card number or seriesId');
    const free = nextFreeCardNumber(requireSeries(readCardSettings(org.configs), request.seriesId), changeset);
    changeset.advanceCardSequence(free.sequence + 1n);
    number = free.number;
  } else {
    number = request.number.trim();
    if (request.seriesId !== undefined) {
      const problem = cardNumberProblem(requireSeries(readCardSettings(org.configs), request.seriesId), number);
      if (problem) throw new DomainError(8268, number, request.seriesId, problem);
    }
    if (changeset.cardHolders(number).some((holder) => holder.id !== customerId)) throw new DomainError(8266, number);
  }
  const customer = changeset.edit(customerId);
  const existing = customer.cards?.find((card) => card.number === number);
  if (existing) return existing;
  const card: Card = {
    number,
    ...(request.externalId?.trim() ? { externalId: request.externalId.trim() } : {}),
    // Stryker disable next-line ConditionalExpression: a seriesId key holding undefined is left out of every answer, as an absent one is
    ...(request.seriesId !== undefined ? { seriesId: request.seriesId } : {}),
    status: 'ACTIVE',
    label: 'ACTIVE',
  };
  customer.cards = [...(customer.cards ?? []), card];
  return card;
}

/** Seed 002 "Change card status & label": the label defaults to the status's name. */
export function changeCardStatus(changeset: Changeset, customerId: number, number: string, status: string, label?: string): Card {
  changeableCustomer(changeset, customerId);
  // The contract's CardStatus enum admits only the card statuses.
  if (!changeset.peek(customerId)!.cards?.some((card) => card.number === number)) throw new DomainError(8270, number, customerId);
  const card = changeset.edit(customerId).cards!.find((held) => held.number === number)!;
  card.status = status as CardStatus;
  card.label = label === undefined || label.trim() === '' ? status : label.trim();
  return card;
}

/** A customer's id by card number: a merge victim's card leads to its survivor (as other identifiers do). */
export function customerIdByCardNumber(reader: CustomerReader, number: string, survivorOf: (customer: Customer) => Customer): number {
  // One holder at most: a number another customer holds is never linked (8266), and a merge moves the victim's cards.
  const [holder] = reader.idsByCardNumber(number.trim());
  if (holder === undefined) throw new DomainError(8015);
  return survivorOf(reader.get(holder)!).id;
}

/**
 * Seed 003 "Card External Id": the customer holding a card with this external id, whatever the card's status
 * (ruling 165); a merge victim's card leads to its survivor. Several holders: the live one of lowest id.
 */
export function customerIdByCardExternalId(customers: Iterable<Customer>, externalId: string, survivorOf: (customer: Customer) => Customer): number {
  // A merge moves the victim's cards, so every holder is live; the store lists customers by id, so the first is the lowest.
  const holder = [...customers].find((customer) => customer.cards?.some((card) => card.externalId === externalId));
  if (!holder) throw new DomainError(8015);
  return survivorOf(holder).id;
}

// ---- hooks into registration and identifier change --------------------------------------------------

/** Runs a registration with its external ID generated (when the org generates one for its source account). */
export function withGeneratedExternalId<T extends { readonly result: { readonly customerId: number } }>(
  org: Org,
  changeset: Changeset,
  input: IncomingCustomer,
  register: (input: IncomingCustomer) => T,
): T {
  const { input: replaced, generated } = generateExternalId(org, changeset, input);
  const outcome = register(replaced);
  keepGeneratedExternalId(changeset, outcome.result.customerId, generated);
  return outcome;
}

/** An identifier change whose cards are linked or issued in the same changeset (all or nothing). */
export function changeWithCards(org: Org, changeset: Changeset, customerId: number, change: IdentifierChange): ChangeOutcome {
  const cards = change.cards ?? [];
  if (cards.length === 0) return changeIdentifiers(org, changeset, customerId, change);
  validateSourceAccount(change.source, change.accountId);
  for (const card of cards) addCard(org, changeset, customerId, card);
  if (change.add.length === 0 && change.remove.length === 0) return { customerId, warnings: [] };
  return changeIdentifiers(org, changeset, customerId, change);
}
