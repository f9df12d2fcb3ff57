import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Customer, Org } from '../domain/types.ts';
import { createMemoryStore } from './memory_store.ts';

const org = (id: number): Org => ({ id, configs: {}, baseCountry: 'IN', supportedCountries: [], till: { username: `org${id}.till`, password: 'p' } });
const customer = (id: number, identifiers: Customer['identifiers']): Customer => ({
  id,
  loyaltyType: 'loyalty',
  identifiers,
  profiles: [],
  registeredOn: '2024-01-01T00:00:00.000Z',
});

describe('memory store', () => {
  it('indexes identifiers per org and follows changes to them', () => {
    const store = createMemoryStore();
    const a = store.createOrg(org);
    const b = store.createOrg(org);
    store.commit(a.id, { customers: [customer(1, { mobile: '911', email: 'x@y.z' })], merges: [] });
    store.commit(b.id, { customers: [customer(2, { mobile: '911' })], merges: [] });
    assert.deepEqual(store.customers(a.id).idsByIdentifier('mobile', '911'), [1]);
    assert.deepEqual(store.customers(b.id).idsByIdentifier('mobile', '911'), [2]);
    store.commit(a.id, { customers: [customer(1, { mobile: '912' })], merges: [] });
    assert.deepEqual(store.customers(a.id).idsByIdentifier('mobile', '911'), []);
    assert.deepEqual(store.customers(a.id).idsByIdentifier('email', 'x@y.z'), []);
    assert.deepEqual(store.customers(a.id).idsByIdentifier('mobile', '912'), [1]);
    assert.equal(store.orgOfCustomer(2), b.id);
  });

  it('keeps several customers under one value (dual eligibility)', () => {
    const store = createMemoryStore();
    const a = store.createOrg(org);
    store.commit(a.id, { customers: [customer(1, { email: 'x@y.z', externalId: 'J1' }), customer(2, { email: 'x@y.z', externalId: 'J2' })], merges: [] });
    assert.deepEqual([...store.customers(a.id).idsByIdentifier('email', 'x@y.z')].sort(), [1, 2]);
  });

  it('keeps the other holders when one of several gives the value up', () => {
    const store = createMemoryStore();
    const a = store.createOrg(org);
    const three = [1, 2, 3].map((id) => customer(id, { email: 'x@y.z' }));
    store.commit(a.id, { customers: three, merges: [] });
    store.commit(a.id, { customers: [customer(2, {})], merges: [] });
    assert.deepEqual(store.customers(a.id).idsByIdentifier('email', 'x@y.z'), [1, 3]);
    store.commit(a.id, { customers: [customer(1, {})], merges: [] });
    assert.deepEqual(store.customers(a.id).idsByIdentifier('email', 'x@y.z'), [3]);
    store.commit(a.id, { customers: [customer(2, { email: 'x@y.z' })], merges: [] });
    assert.deepEqual(store.customers(a.id).idsByIdentifier('email', 'x@y.z'), [3, 2]);
    // Callers get their own array: changing it does not touch the index.
    (store.customers(a.id).idsByIdentifier('email', 'x@y.z') as number[]).pop();
    assert.deepEqual(store.customers(a.id).idsByIdentifier('email', 'x@y.z'), [3, 2]);
  });

  it('hands out the next customer id only once a customer is committed', () => {
    const store = createMemoryStore();
    const a = store.createOrg(org);
    const reader = store.customers(a.id);
    assert.equal(reader.nextCustomerId(), 1);
    assert.equal(reader.nextCustomerId(), 1);
    store.commit(a.id, { customers: [customer(1, { mobile: '911' })], merges: [] });
    assert.equal(reader.nextCustomerId(), 2);
  });

  it('finds an org by its till username and records transactions with increasing ids', () => {
    const store = createMemoryStore();
    const a = store.createOrg(org);
    assert.equal(store.findOrgByTillUsername(`org${a.id}.till`)?.id, a.id);
    assert.equal(store.findOrgByTillUsername('nobody'), undefined);
    const transaction = { orgId: a.id, customerId: 1, billNumber: 'B', billAmount: 1, createdAt: '2024-01-01T00:00:00.000Z' };
    assert.equal(store.commit(a.id, { customers: [], merges: [], transaction }).transactionId, 1);
    assert.equal(store.commit(a.id, { customers: [], merges: [], transaction }).transactionId, 2);
  });
});
