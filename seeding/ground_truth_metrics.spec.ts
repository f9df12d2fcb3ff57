// Pairwise precision and recall on clusters small enough to count by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareWithTruth } from './ground_truth_metrics.ts';

const place = (pairs: [person: number, customer: number][]) => pairs.map(([person, customer]) => ({ person, customer }));

test('a perfect clustering: precision and recall 1, every person exact', () => {
  // Person 0 -> customer 10 (3 profiles), person 1 -> customer 11 (2), person 2 -> customer 12 (1).
  const result = compareWithTruth(place([[0, 10], [0, 10], [0, 10], [1, 11], [1, 11], [2, 12]]), 3);
  assert.deepEqual(result.persons, { total: 3, notLoaded: 0, oneCustomer: 3, exact: 3, split: 0 });
  assert.deepEqual(result.customers, { total: 3, overMerged: 0 });
  // True pairs: 3 + 1 + 0 = 4, all predicted.
  assert.deepEqual(result.pairs, { predicted: 4, true: 4, correct: 4, precision: 1, recall: 1 });
});

test('a split person and an over-merged customer, counted by hand', () => {
  // Person 0: profiles in customers 10, 10, 11 (split). Person 1: 12, 12. Person 2: 12 (over-merged with person 1).
  // Person 3 has no loaded profile.
  const result = compareWithTruth(place([[0, 10], [0, 10], [0, 11], [1, 12], [1, 12], [2, 12]]), 4);
  assert.deepEqual(result.persons, { total: 4, notLoaded: 1, oneCustomer: 2, exact: 0, split: 1 });
  assert.deepEqual(result.customers, { total: 3, overMerged: 1 });
  // Predicted: customer 10 has 2 profiles (1 pair), 11 has 1 (0), 12 has 3 (3 pairs) = 4.
  // True: person 0 has 3 (3 pairs), person 1 has 2 (1), person 2 has 1 (0) = 4.
  // Correct: (0,10) has 2 (1 pair), (1,12) has 2 (1 pair) = 2.
  assert.deepEqual(result.pairs, { predicted: 4, true: 4, correct: 2, precision: 0.5, recall: 0.5 });
});

test('precision or recall without any pair is not a number but null', () => {
  const singles = compareWithTruth(place([[0, 1], [1, 2]]), 2);
  assert.equal(singles.pairs.precision, null);
  assert.equal(singles.pairs.recall, null);
  // Two persons in one customer: one wrong pair predicted, none true.
  const collision = compareWithTruth(place([[0, 1], [1, 1]]), 2);
  assert.deepEqual(collision.pairs, { predicted: 1, true: 0, correct: 0, precision: 0, recall: null });
  assert.equal(collision.persons.exact, 0);
  assert.equal(collision.persons.oneCustomer, 2);
});

test('nothing loaded: every person not loaded, no customer', () => {
  const result = compareWithTruth([], 5);
  assert.deepEqual(result.persons, { total: 5, notLoaded: 5, oneCustomer: 0, exact: 0, split: 0 });
  assert.equal(result.customers.total, 0);
});
