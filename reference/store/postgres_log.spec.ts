// What the PostgreSQL store's log depends on without a database: arguments survive the round trip through
// the log's JSON exactly, and a replayed operation takes the time and random values it took the first time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createIdentityService } from '../service/create_identity_service.ts';
import { recordEntropy, replayEntropy, wallClock, type EntropyTape } from '../service/entropy.ts';
import { checkPostgresUrl, decodeValue, describeDatabase, encodeValue, StoreUnavailableError } from './postgres_log.ts';

test('log arguments keep undefined, bigint, dates and keys that look like markers', () => {
  const proto = JSON.parse('{"__proto__": {"polluted": true}, "~u": 1, "~~x": "y", "a": [1, null]}');
  const args = [7, undefined, { seriesId: undefined, sequence: 12n, at: new Date('2026-01-02T03:04:05.000Z'), nested: proto }];
  const back = decodeValue(encodeValue(args)) as unknown[];
  assert.deepEqual(back, args);
  assert.equal(back.length, 3);
  const third = back[2] as Record<string, unknown>;
  assert.ok('seriesId' in third, 'a key whose value is undefined stays a key');
  const nested = third.nested as Record<string, unknown>;
  assert.deepEqual(Object.keys(nested), ['__proto__', '~u', '~~x', 'a']);
  assert.equal(Object.getPrototypeOf(nested), Object.prototype, 'a __proto__ key is data, not a prototype');
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('arguments the log cannot hold are refused, not silently dropped', () => {
  assert.throws(() => encodeValue([() => 1]), /cannot log a function/);
  assert.throws(() => encodeValue([new Map()]), /cannot log a Map/);
});

test('a replayed operation takes the recorded time and random values: the same till password and dates', () => {
  const tape: EntropyTape = [];
  const first = createIdentityService();
  const org = recordEntropy(tape, () => first.createOrg({ configs: {} }));
  const registered = recordEntropy([], () => first.register(org.id, { source: 'INSTORE', loyaltyType: 'loyalty', identifiers: [{ type: 'mobile', value: '919876543210' }] }));
  assert.ok(tape.length > 0, 'creating an org takes random bytes');

  const second = createIdentityService();
  const replayed = replayEntropy(tape, () => second.createOrg({ configs: {} }));
  assert.deepEqual(replayed, org);
  assert.notEqual(createIdentityService().createOrg({ configs: {} }).till.password, org.till.password, 'without the tape the password is new');
  assert.equal(first.listCustomers(org.id).customers.length, 1, 'the registration created its customer');
});

test('the clock is recorded and replayed; past the tape values are fresh', () => {
  const tape: EntropyTape = [];
  const recorded = recordEntropy(tape, () => wallClock());
  assert.deepEqual(tape, [recorded]);
  const [again, fresh] = replayEntropy(['2000-01-01T00:00:00.000Z'], () => [wallClock(), wallClock()]);
  assert.equal(again, '2000-01-01T00:00:00.000Z');
  assert.notEqual(fresh, again);
  assert.throws(() => recordEntropy([], () => recordEntropy([], () => 1)), /already being recorded/);
});

test('the store URL must be postgres://; messages never show the password', () => {
  assert.throws(() => checkPostgresUrl('memry'), (error: Error) => error instanceof StoreUnavailableError && /"memory" or a postgres:\/\/ URL/.test(error.message));
  assert.throws(() => checkPostgresUrl('mysql://db/x'), /got a mysql: URL/);
  const url = checkPostgresUrl('postgres://app:secret@db.example:5433/loyalty');
  assert.equal(describeDatabase(url), 'PostgreSQL at db.example:5433/loyalty');
  assert.doesNotMatch(describeDatabase(url), /secret/);
});
