// Threshold expressions: what parses, what is refused (one line naming the fault), how each metric decides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkThresholds, parseThreshold, thresholdFailures, ThresholdError, type ThresholdFigures } from './thresholds.ts';

const figures: ThresholdFigures = {
  latencyMs: (percentile) => (percentile >= 99 ? 250 : 12.5),
  maxMs: 900,
  lost: 0,
  duplicated: null,
  failed: 2,
  rejected: 7,
  split: 3,
  overmerged: 0,
  precision: 1,
  recall: 0.8,
  throughput: 420.5,
};

test('expressions parse into metric, comparison and a limit in the metric unit (latencies in ms)', () => {
  assert.deepEqual(parseThreshold('p99<200ms'), { expression: 'p99<200ms', metric: 'p99', comparison: '<', limit: 200 });
  assert.deepEqual(parseThreshold(' p99.9 <= 1.5s '), { expression: 'p99.9 <= 1.5s', metric: 'p99.9', comparison: '<=', limit: 1500 });
  assert.deepEqual(parseThreshold('max<80'), { expression: 'max<80', metric: 'max', comparison: '<', limit: 80 });
  assert.deepEqual(parseThreshold('lost==0'), { expression: 'lost==0', metric: 'lost', comparison: '==', limit: 0 });
  assert.deepEqual(parseThreshold('recall>=0.85'), { expression: 'recall>=0.85', metric: 'recall', comparison: '>=', limit: 0.85 });
  assert.deepEqual(parseThreshold('Throughput>100'), { expression: 'Throughput>100', metric: 'throughput', comparison: '>', limit: 100 });
});

test('a bad expression or an unknown metric is one line that says what is wrong', () => {
  const cases: [string, RegExp][] = [
    ['p99 200ms', /expected METRIC OP VALUE/],
    ['p99=<200ms', /expected METRIC OP VALUE/],
    ['latency<200ms', /unknown metric "latency" \(metrics: pN, max, lost, duplicated, failed, rejected, split, overmerged, precision, recall, throughput\)/],
    ['p0<5ms', /percentile must be above 0 and at most 100/],
    ['p101<5ms', /percentile must be above 0 and at most 100/],
    ['p99<200min', /latency takes the unit ms or s, got "min"/],
    ['lost==0ms', /lost takes no unit/],
  ];
  for (const [expression, message] of cases) {
    assert.throws(() => parseThreshold(expression), (error: unknown) => error instanceof ThresholdError && message.test(error.message) && !error.message.includes('\n'), expression);
  }
});

test('each threshold is decided on its own figure; a figure the load lacks fails', () => {
  const outcomes = checkThresholds(
    ['p99<200ms', 'p50<20ms', 'max<=900', 'lost==0', 'failed==0', 'rejected<10', 'split!=3', 'overmerged==0', 'precision>=1', 'recall>=0.85', 'recall>0.79', 'throughput>400', 'duplicated==0'].map(parseThreshold),
    figures,
  );
  assert.deepEqual(
    outcomes.map((o) => [o.expression, o.value, o.ok]),
    [
      ['p99<200ms', 250, false],
      ['p50<20ms', 12.5, true],
      ['max<=900', 900, true],
      ['lost==0', 0, true],
      ['failed==0', 2, false],
      ['rejected<10', 7, true],
      ['split!=3', 3, false],
      ['overmerged==0', 0, true],
      ['precision>=1', 1, true],
      ['recall>=0.85', 0.8, false],
      ['recall>0.79', 0.8, true],
      ['throughput>400', 420.5, true],
      ['duplicated==0', null, false],
    ],
  );
  assert.deepEqual(thresholdFailures(outcomes), [
    'THRESHOLD FAILED p99<200ms (was 250)',
    'THRESHOLD FAILED failed==0 (was 2)',
    'THRESHOLD FAILED split!=3 (was 3)',
    'THRESHOLD FAILED recall>=0.85 (was 0.8)',
    'THRESHOLD FAILED duplicated==0 (the load has no value for it)',
  ]);
});
