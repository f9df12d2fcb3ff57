// In-memory Store. An identifier index per org and type (value -> customer id) keeps lookups and
// registration matching O(1) however many customers an org holds; a value may map to several ids
// (dual eligibility, merge victims that kept a value). The index is kept compact (the common single
// holder is stored as a bare number, keys are the stored value strings themselves) because at 100k
// customers its size is what the garbage collector pays for.
import type { CustomerReader } from '../domain/customer_port.ts';
import { MATCHING_IDENTIFIER_TYPES, OTHER_IDENTIFIER_TYPES, type Customer, type MatchingIdentifierType, type MergeRecord, type Org } from '../domain/types.ts';
import { createMemoryLoyaltyStore } from './memory_loyalty_store.ts';
import { createMemoryPromotionStore } from './promotion_store.ts';
import type { Store, TransactionRecord } from './store.ts';

/** value -> the id of its one holder, or the ids (in insertion order) when several hold it. */
type ValueIndex = Map<string, number | number[]>;

interface OrgState {
  readonly org: Org;
  readonly customers: Map<number, Customer>;
  readonly index: Record<MatchingIdentifierType, ValueIndex>;
  readonly reader: CustomerReader;
  readonly merges: MergeRecord[];
  readonly transactions: TransactionRecord[];
  /** Card number -> holder ids, and the card series' next sequence number. */
  readonly cards: ValueIndex;
  /** "type value" of a non-matching identifier -> holder ids. */
  readonly others: ValueIndex;
  cardSequence?: bigint;
}

const NO_IDS: readonly number[] = Object.freeze([]);

const otherKey = (type: string, value: string) => `${type} ${value}`;

function addId(index: ValueIndex, value: string, id: number): void {
  const held = index.get(value);
  if (held === undefined) index.set(value, id);
  else if (typeof held === 'number') {
    if (held !== id) index.set(value, [held, id]);
  } else if (!held.includes(id)) held.push(id);
}

function removeId(index: ValueIndex, value: string, id: number): void {
  const held = index.get(value);
  if (held === undefined) return;
  if (typeof held === 'number') {
    if (held === id) index.delete(value);
    return;
  }
  const rest = held.filter((other) => other !== id);
  if (rest.length === 1) index.set(value, rest[0]);
  else index.set(value, rest);
}

export function createMemoryStore(): Store {
  const orgs = new Map<number, OrgState>();
  const orgByUsername = new Map<string, number>();
  const orgOfCustomer = new Map<number, number>();
  let lastOrgId = 0;
  let lastCustomerId = 0;
  let lastTransactionId = 0;
  let lastMergeRequestId = 0;

  const stateOf = (orgId: number): OrgState => {
    const state = orgs.get(orgId);
    if (!state) throw new Error(`memory store: unknown org ${orgId}`);
    return state;
  };

  const reindex = (state: OrgState, before: Customer | undefined, after: Customer) => {
    for (const type of MATCHING_IDENTIFIER_TYPES) {
      const old = before?.identifiers[type];
      const next = after.identifiers[type];
      if (old === next) continue;
      if (old !== undefined) removeId(state.index[type], old, after.id);
      if (next !== undefined) addId(state.index[type], next, after.id);
    }
    for (const type of OTHER_IDENTIFIER_TYPES) {
      const old = before?.otherIdentifiers?.[type];
      const next = after.otherIdentifiers?.[type];
      if (old === next) continue;
      if (old !== undefined) removeId(state.others, otherKey(type, old), after.id);
      if (next !== undefined) addId(state.others, otherKey(type, next), after.id);
    }
    const oldCards = new Set(before?.cards?.map((card) => card.number));
    const newCards = new Set(after.cards?.map((card) => card.number));
    for (const number of oldCards) if (!newCards.has(number)) removeId(state.cards, number, after.id);
    for (const number of newCards) if (!oldCards.has(number)) addId(state.cards, number, after.id);
  };

  /** One reader per org, made once: the rules call customers() on every request. */
  const idsIn = (index: ValueIndex, value: string): readonly number[] => {
    const held = index.get(value);
    if (held === undefined) return NO_IDS;
    return typeof held === 'number' ? [held] : [...held];
  };

  const readerOf = (
    customers: Map<number, Customer>,
    index: OrgState['index'],
    cards: ValueIndex,
    others: ValueIndex,
    sequence: () => bigint | undefined,
  ): CustomerReader => ({
    get: (id) => customers.get(id),
    idsByIdentifier: (type, value) => {
      const held = index[type].get(value);
      if (held === undefined) return NO_IDS;
      return typeof held === 'number' ? [held] : [...held];
    },
    nextCustomerId: () => lastCustomerId + 1,
    idsByCardNumber: (number) => idsIn(cards, number),
    idsByOtherIdentifier: (type, value) => idsIn(others, otherKey(type, value)),
    cardSequence: sequence,
  });

  return {
    orgCount: () => lastOrgId,
    createOrg(build) {
      const org = build(++lastOrgId);
      const customers = new Map<number, Customer>();
      const index = { mobile: new Map(), email: new Map(), externalId: new Map() };
      const cards: ValueIndex = new Map();
      const others: ValueIndex = new Map();
      const state: OrgState = {
        org,
        customers,
        index,
        reader: readerOf(customers, index, cards, others, () => state.cardSequence),
        merges: [],
        transactions: [],
        cards,
        others,
      };
      orgs.set(org.id, state);
      orgByUsername.set(org.till.username, org.id);
      return org;
    },
    getOrg: (orgId) => orgs.get(orgId)?.org,
    findOrgByTillUsername(username) {
      const orgId = orgByUsername.get(username);
      return orgId === undefined ? undefined : orgs.get(orgId)?.org;
    },
    customers: (orgId) => stateOf(orgId).reader,
    orgOfCustomer: (customerId) => orgOfCustomer.get(customerId),
    commit(orgId, changes) {
      const state = stateOf(orgId);
      for (const customer of changes.customers) {
        reindex(state, state.customers.get(customer.id), customer);
        state.customers.set(customer.id, customer);
        orgOfCustomer.set(customer.id, orgId);
        lastCustomerId = Math.max(lastCustomerId, customer.id);
      }
      state.merges.push(...changes.merges);
      if (changes.cardSequence !== undefined) state.cardSequence = changes.cardSequence;
      if (!changes.transaction) return {};
      const transaction: TransactionRecord = { id: ++lastTransactionId, ...changes.transaction };
      state.transactions.push(transaction);
      return { transactionId: transaction.id };
    },
    nextMergeRequestId: () => ++lastMergeRequestId,
    listCustomers: (orgId) => [...stateOf(orgId).customers.values()],
    listMerges: (orgId) => [...stateOf(orgId).merges],
    listTransactions: (orgId) => [...stateOf(orgId).transactions],
    loyalty: createMemoryLoyaltyStore(),
    promotions: createMemoryPromotionStore(),
  };
}
