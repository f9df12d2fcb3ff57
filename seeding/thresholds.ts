// Pass/fail criteria for a load (the k6 convention): `--threshold "p99<200ms"` on seed, soak and merge.
// A run whose figures break a threshold exits 1 naming it; every threshold and the value it was checked
// against go into the report. Expressions are checked before anything is sent.

/** What a threshold can name; latencies are over every contract call of the load, in milliseconds. */
export const THRESHOLD_METRICS: Readonly<Record<string, string>> = {
  'p<N>': 'latency percentile N (0 < N <= 100, e.g. p50, p99, p99.9) over every contract call, in ms (a unit ms or s may follow)',
  max: 'slowest contract call, in ms',
  lost: 'acknowledged registrations that end in no live customer',
  duplicated: 'live customers no accepted profile ended in (test control only)',
  failed: 'requests without a usable answer (transport errors, answers outside the contract)',
  rejected: 'registrations the target refused with an error code',
  split: 'persons whose profiles ended in two or more customers',
  overmerged: 'customers holding profiles of two or more persons',
  precision: 'pairs put in one customer that are one person / pairs put in one customer (0 to 1)',
  recall: 'pairs of one person put in one customer / pairs of one person (0 to 1)',
  throughput: 'profiles sent per second',
};

type Comparison = '<' | '<=' | '>' | '>=' | '==' | '!=';

export interface Threshold {
  /** As given, e.g. "p99<200ms". */
  readonly expression: string;
  /** "p99", "lost", ... */
  readonly metric: string;
  readonly comparison: Comparison;
  /** In the metric's own unit (ms for latencies). */
  readonly limit: number;
}

export interface ThresholdOutcome {
  readonly expression: string;
  /** The load's value of the metric; null when the load has none (no request, no true pair). */
  readonly value: number | null;
  readonly ok: boolean;
}

/** The figures a threshold is checked against; `latencyMs(p)` is a percentile over every contract call. */
export interface ThresholdFigures {
  latencyMs(percentile: number): number | null;
  readonly maxMs: number | null;
  readonly lost: number;
  readonly duplicated: number | null;
  readonly failed: number;
  readonly rejected: number;
  readonly split: number;
  readonly overmerged: number;
  readonly precision: number | null;
  readonly recall: number | null;
  readonly throughput: number;
}

export class ThresholdError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ThresholdError';
  }
}

const EXPRESSION = /^\s*([a-z][a-z0-9.]*)\s*(<=|>=|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i;
const PERCENTILE = /^p(\d+(?:\.\d+)?)$/;
const LATENCY_UNITS: Readonly<Record<string, number>> = { '': 1, ms: 1, s: 1000 };
const METRIC_NAMES = ['pN', ...Object.keys(THRESHOLD_METRICS).filter((name) => name !== 'p<N>')];

function percentileOf(metric: string): number | undefined {
  const match = PERCENTILE.exec(metric);
  return match ? Number(match[1]) : undefined;
}

/** Parses one expression; a ThresholdError (one line) names what is wrong with it. */
export function parseThreshold(expression: string): Threshold {
  const match = EXPRESSION.exec(expression);
  const expected = 'expected METRIC OP VALUE, e.g. "p99<200ms", "lost==0", "recall>=0.85"';
  if (!match) throw new ThresholdError(`--threshold "${expression}": ${expected} (OP one of < <= > >= == !=)`);
  const [, rawMetric, comparison, number, rawUnit] = match;
  const metric = rawMetric.toLowerCase();
  const unit = rawUnit.toLowerCase();
  const percentile = percentileOf(metric);
  const latency = percentile !== undefined || metric === 'max';
  if (!latency && !(metric in THRESHOLD_METRICS)) {
    throw new ThresholdError(`--threshold "${expression}": unknown metric "${rawMetric}" (metrics: ${METRIC_NAMES.join(', ')})`);
  }
  if (percentile !== undefined && !(percentile > 0 && percentile <= 100)) {
    throw new ThresholdError(`--threshold "${expression}": a percentile must be above 0 and at most 100, got ${percentile}`);
  }
  if (latency && !(unit in LATENCY_UNITS)) throw new ThresholdError(`--threshold "${expression}": a latency takes the unit ms or s, got "${rawUnit}"`);
  if (!latency && unit !== '') throw new ThresholdError(`--threshold "${expression}": ${metric} takes no unit, got "${rawUnit}"`);
  const limit = Number(number) * (latency ? LATENCY_UNITS[unit] : 1);
  return { expression: expression.trim(), metric, comparison: comparison as Comparison, limit };
}

/** Parses every expression; the first bad one throws. */
export function parseThresholds(expressions: readonly string[] | undefined): Threshold[] {
  return (expressions ?? []).map(parseThreshold);
}

function valueOf(threshold: Threshold, figures: ThresholdFigures): number | null {
  const percentile = percentileOf(threshold.metric);
  if (percentile !== undefined) return figures.latencyMs(percentile);
  if (threshold.metric === 'max') return figures.maxMs;
  return figures[threshold.metric as Exclude<keyof ThresholdFigures, 'latencyMs' | 'maxMs'>];
}

function holds(value: number, comparison: Comparison, limit: number): boolean {
  switch (comparison) {
    case '<':
      return value < limit;
    case '<=':
      return value <= limit;
    case '>':
      return value > limit;
    case '>=':
      return value >= limit;
    case '==':
      return value === limit;
    case '!=':
      return value !== limit;
  }
}

/** Each threshold against the figures; a metric the load has no value for (no request, no true pair) fails. */
export function checkThresholds(thresholds: readonly Threshold[], figures: ThresholdFigures): ThresholdOutcome[] {
  return thresholds.map((threshold) => {
    const value = valueOf(threshold, figures);
    return { expression: threshold.expression, value, ok: value !== null && holds(value, threshold.comparison, threshold.limit) };
  });
}

/** "THRESHOLD FAILED p99<200ms (p99 was 312.4)" lines, one per failed threshold; empty when all held. */
export function thresholdFailures(outcomes: readonly ThresholdOutcome[]): string[] {
  return outcomes
    .filter((outcome) => !outcome.ok)
    .map((outcome) => `THRESHOLD FAILED ${outcome.expression} (${outcome.value === null ? 'the load has no value for it' : `was ${outcome.value}`})`);
}

/** One line for a summary: every threshold with its value and whether it held. */
export function thresholdsLine(outcomes: readonly ThresholdOutcome[]): string | undefined {
  if (outcomes.length === 0) return undefined;
  return `thresholds     ${outcomes.map((o) => `${o.expression} ${o.ok ? 'ok' : 'FAILED'} (${o.value ?? 'n/a'})`).join(' · ')}`;
}
