// In-memory Store. An identifier index (org + type + value -> customer ids) keeps lookups and
// registration matching O(1) however many customers an org holds; a value may map to several ids
// (dual eligibility, merge victims that kept a value).
import type { CustomerReader } from '../domain/customer_port.ts';
import { MATCHING_IDENTIFIER_TYPES, type Customer, type MatchingIdentifierType, type MergeRecord, type Org } from '../domain/types.ts';
import type { Store, TransactionRecord } from './store.ts';

interface OrgState {
  readonly org: Org;
  readonly customers: Map<number, Customer>;
  readonly merges: MergeRecord[];
  readonly transactions: TransactionRecord[];
}

const NO_IDS: readonly number[] = Object.freeze([]);

const indexKey = (orgId: number, type: MatchingIdentifierType, value: string) => `${orgId}\u0000${type}\u0000${value}`;

export function createMemoryStore(): Store {
  const orgs = new Map<number, OrgState>();
  const orgByUsername = new Map<string, number>();
  const orgOfCustomer = new Map<number, number>();
  const index = new Map<string, Set<number>>();
  let lastOrgId = 0;
  let lastCustomerId = 0;
  let lastTransactionId = 0;
  let lastMergeRequestId = 0;

  const stateOf = (orgId: number): OrgState => {
    const state = orgs.get(orgId);
    if (!state) throw new Error(`memory store: unknown org ${orgId}`);
    return state;
  };

  const reindex = (orgId: number, before: Customer | undefined, after: Customer) => {
    for (const type of MATCHING_IDENTIFIER_TYPES) {
      const old = before?.identifiers[type];
      const next = after.identifiers[type];
      if (old === next) continue;
      if (old !== undefined) {
        const key = indexKey(orgId, type, old);
        const ids = index.get(key);
        ids?.delete(after.id);
        if (ids?.size === 0) index.delete(key);
      }
      if (next !== undefined) {
        const key = indexKey(orgId, type, next);
        const ids = index.get(key) ?? new Set<number>();
        ids.add(after.id);
        index.set(key, ids);
      }
    }
  };

  return {
    createOrg(build) {
      const org = build(++lastOrgId);
      orgs.set(org.id, { org, customers: new Map(), merges: [], transactions: [] });
      orgByUsername.set(org.till.username, org.id);
      return org;
    },
    getOrg: (orgId) => orgs.get(orgId)?.org,
    findOrgByTillUsername(username) {
      const orgId = orgByUsername.get(username);
      return orgId === undefined ? undefined : orgs.get(orgId)?.org;
    },
    customers(orgId): CustomerReader {
      const { customers } = stateOf(orgId);
      return {
        get: (id) => customers.get(id),
        idsByIdentifier: (type, value) => {
          const ids = index.get(indexKey(orgId, type, value));
          return ids ? [...ids] : NO_IDS;
        },
        nextCustomerId: () => lastCustomerId + 1,
      };
    },
    orgOfCustomer: (customerId) => orgOfCustomer.get(customerId),
    commit(orgId, changes) {
      const state = stateOf(orgId);
      for (const customer of changes.customers) {
        reindex(orgId, state.customers.get(customer.id), customer);
        state.customers.set(customer.id, customer);
        orgOfCustomer.set(customer.id, orgId);
        lastCustomerId = Math.max(lastCustomerId, customer.id);
      }
      state.merges.push(...changes.merges);
      if (!changes.transaction) return {};
      const transaction: TransactionRecord = { id: ++lastTransactionId, ...changes.transaction };
      state.transactions.push(transaction);
      return { transactionId: transaction.id };
    },
    nextMergeRequestId: () => ++lastMergeRequestId,
    listCustomers: (orgId) => [...stateOf(orgId).customers.values()],
    listMerges: (orgId) => [...stateOf(orgId).merges],
    listTransactions: (orgId) => [...stateOf(orgId).transactions],
  };
}
