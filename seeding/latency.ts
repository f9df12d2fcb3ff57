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

const newHistogram = () => hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: HIGHEST_US, numberOfSignificantValueDigits: 3 });

/** A recorder's histograms in a JSON report: HdrHistogram's compressed base64 form, by operation. */
export type EncodedLatency = Readonly<Record<string, string>>;

export class LatencyRecorder {
  private readonly histograms = new Map<string, hdr.Histogram>();

  private histogramOf(operation: string): hdr.Histogram {
    let histogram = this.histograms.get(operation);
    if (!histogram) this.histograms.set(operation, (histogram = newHistogram()));
    return histogram;
  }

  record(operation: string, milliseconds: number): void {
    this.histogramOf(operation).recordValue(Math.min(HIGHEST_US, Math.max(1, Math.round(milliseconds * 1000))));
  }

  /** Adds another recorder's requests (another soak round, another shard). */
  add(other: LatencyRecorder): void {
    for (const [operation, histogram] of other.histograms) this.histogramOf(operation).add(histogram);
  }

  /** Every histogram, exactly, for a report that another process merges (`memberspec merge`). */
  encode(): EncodedLatency {
    const encoded: Record<string, string> = {};
    for (const operation of [...this.histograms.keys()].sort()) encoded[operation] = hdr.encodeIntoCompressedBase64(this.histograms.get(operation)!);
    return encoded;
  }

  static decode(encoded: EncodedLatency): LatencyRecorder {
    const recorder = new LatencyRecorder();
    for (const [operation, text] of Object.entries(encoded)) recorder.histogramOf(operation).add(hdr.decodeFromCompressedBase64(text));
    return recorder;
  }

  private all(): hdr.Histogram | undefined {
    if (this.histograms.size === 0) return undefined;
    const all = newHistogram();
    for (const histogram of this.histograms.values()) all.add(histogram);
    return all;
  }

  /** Every operation's requests together; undefined before the first. */
  overall(): LatencySummary | undefined {
    const all = this.all();
    return all && summarise(all);
  }

  /** A percentile (0-100] over every operation's requests, in ms; null before the first request. */
  overallPercentileMs(percentile: number): number | null {
    const all = this.all();
    if (!all || all.totalCount === 0) return null;
    return Math.round(Math.min(all.getValueAtPercentile(percentile), all.maxValue)) / 1000;
  }

  /** Per operation, sorted by name. */
  summary(): Record<string, LatencySummary> {
    const result: Record<string, LatencySummary> = {};
    for (const operation of [...this.histograms.keys()].sort()) result[operation] = summarise(this.histograms.get(operation)!);
    return result;
  }
}
