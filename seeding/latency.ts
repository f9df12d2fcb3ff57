// Latency per contract operation, in HdrHistogram (microsecond resolution, 3 significant digits):
// percentiles stay exact to 0.1% however many requests a load sends, in constant memory.
import * as hdr from 'hdr-histogram-js';

export interface LatencySummary {
  readonly count: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/** Up to one hour per request; a slower answer is recorded as one hour. */
const HIGHEST_US = 3_600_000_000;

function summarise(histogram: hdr.Histogram): LatencySummary {
  const ms = (microseconds: number) => Math.round(microseconds) / 1000;
  // A percentile is the top of its bucket, which can lie above the largest value recorded.
  const at = (percentile: number) => ms(Math.min(histogram.getValueAtPercentile(percentile), histogram.maxValue));
  return { count: histogram.totalCount, p50Ms: at(50), p95Ms: at(95), p99Ms: at(99), maxMs: ms(histogram.maxValue) };
}

export class LatencyRecorder {
  private readonly histograms = new Map<string, hdr.Histogram>();

  record(operation: string, milliseconds: number): void {
    let histogram = this.histograms.get(operation);
    if (!histogram) {
      histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: HIGHEST_US, numberOfSignificantValueDigits: 3 });
      this.histograms.set(operation, histogram);
    }
    histogram.recordValue(Math.min(HIGHEST_US, Math.max(1, Math.round(milliseconds * 1000))));
  }

  /** Every operation's requests together; undefined before the first. */
  overall(): LatencySummary | undefined {
    if (this.histograms.size === 0) return undefined;
    const all = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: HIGHEST_US, numberOfSignificantValueDigits: 3 });
    for (const histogram of this.histograms.values()) all.add(histogram);
    return summarise(all);
  }

  /** Per operation, sorted by name. */
  summary(): Record<string, LatencySummary> {
    const result: Record<string, LatencySummary> = {};
    for (const operation of [...this.histograms.keys()].sort()) result[operation] = summarise(this.histograms.get(operation)!);
    return result;
  }
}
