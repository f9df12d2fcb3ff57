// Atomicity by construction: rules read stored customers, edit copies, and record merges here. The service
// commits the changeset only when the rule returns; a DomainError thrown midway discards it, so nothing changes.
import type { CustomerReader } from './customer_port.ts';
import type { Customer, MatchingIdentifierType, MergeRecord } from './types.ts';

export class Changeset {
  private readonly edited = new Map<number, Customer>();
  private readonly createdIds: number[] = [];
  readonly merges: MergeRecord[] = [];
  /** The card series' next sequence number, when this changeset took numbers from it. */
  private nextCardSequence?: bigint;

  constructor(private readonly reader: CustomerReader) {}

  /** The customer as this changeset sees it (edited copy or stored); read-only by convention. */
  peek(id: number): Customer | undefined {
    return this.edited.get(id) ?? this.reader.get(id);
  }

  /** A private copy to change (of a customer the rule has found); the stored one stays untouched until commit. */
  edit(id: number): Customer {
    const current = this.edited.get(id);
    if (current) return current;
    const copy = structuredClone(this.reader.get(id)!);
    this.edited.set(id, copy);
    return copy;
  }

  create(draft: Omit<Customer, 'id'>): Customer {
    // Stryker disable next-line ArithmeticOperator: an operation registers one customer at most, so none was created before it
    const id = this.reader.nextCustomerId() + this.createdIds.length;
    const customer: Customer = { id, ...draft };
    this.createdIds.push(id);
    this.edited.set(id, customer);
    return customer;
  }

  /** Every customer holding the value (victims included), edits in this changeset taken into account. */
  holders(type: MatchingIdentifierType, value: string): Customer[] {
    const ids = new Set(this.reader.idsByIdentifier(type, value));
    // Stryker disable next-line BlockStatement: the rules ask before they change who holds the value asked about
    for (const [id, customer] of this.edited) {
      if (customer.identifiers[type] === value) ids.add(id);
      else ids.delete(id);
    }
    // Stryker disable next-line ArithmeticOperator: of several holders, one survives whatever their order (loyalty, then age), and no rule orders the merges of one request
    return [...ids].sort((a, b) => a - b).map((id) => this.peek(id)!);
  }

  /** Holders that are not merge victims. */
  liveHolders(type: MatchingIdentifierType, value: string): Customer[] {
    return this.holders(type, value).filter((customer) => customer.mergedInto === undefined);
  }

  /** The customer holding the card number, if any (a number has one holder: 8266), edits in this changeset taken into account. */
  cardHolders(number: string): Customer[] {
    const ids = new Set(this.reader.idsByCardNumber(number));
    for (const [id, customer] of this.edited) {
      // Stryker disable next-line OptionalChaining: when cards are counted, only customers given a card in this changeset are edited
      if (customer.cards?.some((card) => card.number === number)) ids.add(id);
      else ids.delete(id);
    }
    return [...ids].map((id) => this.peek(id)!);
  }

  /** The card series' next sequence number as this changeset sees it; undefined before any was taken. */
  cardSequence(): bigint | undefined {
    return this.nextCardSequence ?? this.reader.cardSequence();
  }

  /** Moves the card series' sequence on; committed with the rest, so a refused operation takes none. */
  advanceCardSequence(next: bigint): void {
    this.nextCardSequence = next;
  }

  /** The sequence to store, when the changeset moved it. */
  cardSequenceChange(): bigint | undefined {
    return this.nextCardSequence;
  }

  /** Customers this changeset created, in order. */
  createdCustomerIds(): readonly number[] {
    return this.createdIds;
  }

  /** Customers created or changed, for the store to save. */
  changedCustomers(): Customer[] {
    return [...this.edited.values()];
  }
}
