// The state the rules need, as a port the store implements (one org's customers).
import type { Customer, MatchingIdentifierType, OtherIdentifierType } from './types.ts';

export interface CustomerReader {
  /** The stored customer; callers must not mutate it (rules edit copies through a Changeset). */
  get(id: number): Customer | undefined;
  /** Ids of every customer (merge victims included) whose identifier of this type has this value. */
  idsByIdentifier(type: MatchingIdentifierType, value: string): readonly number[];
  /** Ids of every customer (merge victims included) holding this non-matching identifier (ruling 90). */
  idsByOtherIdentifier(type: OtherIdentifierType, value: string): readonly number[];
  /** The id the next new customer will get (customer ids are global and increasing). */
  nextCustomerId(): number;
  /** Ids of every customer (merge victims included) holding this card number. */
  idsByCardNumber(number: string): readonly number[];
  /** The next sequence number of the org's card series, once one was taken; undefined before. */
  cardSequence(): bigint | undefined;
}
