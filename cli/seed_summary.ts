// What `memberspec seed` prints: the figures of the JSON report, one topic a line.
import type { SeedReport } from '../api/seed.ts';
import type { ShardResult } from '../api/shards.ts';
import { LatencyRecorder } from '../seeding/latency.ts';
import type { FollowUpCounts, SendProgress } from '../seeding/send_population.ts';
import { thresholdFailures, thresholdsLine } from '../seeding/thresholds.ts';

const ratio = (value: number | null) => (value === null ? 'n/a' : value.toFixed(3));
const byCode = (counts: Readonly<Record<string, number>>) =>
  Object.entries(counts)
    .map(([code, n]) => `${code}: ${n}`)
    .join(', ');
const sum = (counts: Readonly<Record<string, number>>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Subscriptions, cards and status labels: one line each, only when the population has any. */
function followUpLines(report: SeedReport): string[] {
  const rows: [string, FollowUpCounts][] = [
    ['subscriptions', report.subscriptionUpdates],
    ['cards', report.cardLinks],
    ['status labels', report.statusLabelChanges],
  ];
  return rows
    .filter(([, c]) => c.sent + c.skipped > 0)
    .map(
      ([name, c]) =>
        `${name.padEnd(15)}${c.sent} sent · ${c.accepted} accepted · ${sum(c.rejected)} rejected${sum(c.rejected) ? ` (${byCode(c.rejected)})` : ''} · ${c.failed} failed · ${c.skipped} not sent (profile refused or failed)`,
    );
}

export function formatSeedSummary(report: SeedReport, reportPath: string): string {
  const r = report.registrations;
  const t = report.transactions;
  const g = report.groundTruth;
  const f = report.failures;
  const failed = f.transport + f.contractViolation + f.other;
  const lines = [
    `memberspec ${report.memberspec} · seed · target: ${report.target.url} · org ${report.target.orgId}`,
    `population     ${report.population.file} (${report.population.profile}, seed ${report.population.seed}, ${report.population.persons} persons)`,
    ...(report.orgMismatch ? [`org differs    ${report.orgMismatch}`] : []),
    ...(report.interrupted
      ? [`INTERRUPTED    ${report.interrupted}: the figures below cover only those; org ${report.target.orgId} on ${report.target.url} keeps what was sent`]
      : []),
    `profiles       ${report.profiles.sent} sent of ${report.profiles.total} in ${report.durationS.toFixed(1)} s · ${report.profilesPerSecond} profiles/s · ` +
      (report.ratePerSecond !== undefined ? `open model, ${report.ratePerSecond} arriving per second` : `concurrency ${report.concurrency}`) +
      ` · ${report.requestsPerSecond} requests/s · client CPU ${report.cpuMsPerRequest} ms/request`,
    `registrations  ${r.accepted} accepted (${r.newCustomer} new customer, ${r.existingCustomer} existing customer) · ${sum(r.rejected)} rejected${sum(r.rejected) ? ` (${byCode(r.rejected)})` : ''} · ${r.failed} failed`,
    `transactions   ${t.sent} sent · ${t.accepted} accepted · ${sum(t.rejected)} rejected${sum(t.rejected) ? ` (${byCode(t.rejected)})` : ''} · ${t.failed} failed · ${t.skipped} not sent (profile refused or failed)`,
    ...followUpLines(report),
    `customers      ${report.customers.created} created · ${report.customers.mergedAway} merged away · ${report.customers.live} live` +
      (report.customers.withoutProfile ? ` · ${report.customers.withoutProfile} live without any profile` : ''),
    `persons        ${g.persons.total}: ${g.persons.oneCustomer} ended as one customer (${g.persons.exact} of them alone in it) · ${g.persons.split} split · ${g.persons.notLoaded} not loaded`,
    `over-merge     ${g.customers.overMerged} of ${g.customers.total} customers mix two or more persons`,
    `pairs          precision ${ratio(g.pairs.precision)} · recall ${ratio(g.pairs.recall)} (${g.pairs.correct} correct of ${g.pairs.predicted} predicted, ${g.pairs.true} true)`,
    report.integrity.unresolved === 0
      ? `integrity      all ${report.integrity.acceptedProfiles} accepted profiles end in a live customer`
      : `LOST           ${report.integrity.unresolved} of ${report.integrity.acceptedProfiles} acknowledged registrations end in no live customer on the target, e.g. ${report.integrity.unresolvedExamples[0]?.profileId}: ${report.integrity.unresolvedExamples[0]?.problem}`,
    ...(report.integrity.listingProblem ? [`listing        ${report.integrity.listingProblem}`] : []),
  ];
  const notSent = Object.entries(report.notSent);
  if (notSent.length > 0) lines.push(`not sent       ${notSent.map(([field, n]) => `${field} ${n}`).join(' · ')} (the contract does not carry them, or the org has no status labels)`);
  for (const [operation, l] of Object.entries(report.latency)) {
    lines.push(`latency        ${operation.padEnd(20)} p50 ${l.p50Ms} ms · p95 ${l.p95Ms} ms · p99 ${l.p99Ms} ms · max ${l.maxMs} ms (${l.count} request${l.count === 1 ? '' : 's'})`);
  }
  lines.push(
    failed === 0
      ? 'failures       none'
      : `failures       ${failed} (${f.transport} transport, ${f.contractViolation} contract violation, ${f.other} other), e.g. ${f.examples[0]?.operation}: ${f.examples[0]?.message.split('\n')[0].slice(0, 160)}`,
  );
  const thresholds = thresholdsLine(report.thresholds ?? []);
  if (thresholds) lines.push(thresholds, ...thresholdFailures(report.thresholds ?? []));
  lines.push(`Report: ${reportPath}`);
  return lines.join('\n');
}

/** What one shard prints: what it sent; the figures come from `memberspec merge` over every shard. */
export function formatShardSummary(result: ShardResult, resultPath: string): string {
  const { tally, sending } = result.sent;
  const seconds = (sending.finishedAtMs - sending.startedAtMs) / 1000;
  const f = tally.failures;
  const failed = f.transport + f.contractViolation + f.other;
  const overall = LatencyRecorder.decode(result.sent.latency).overall();
  const r = tally.registrations;
  return [
    `memberspec ${result.memberspec} · seed shard ${result.segment.index}/${result.segment.count} · target: ${result.target.url} · org ${result.target.orgId}`,
    `profiles       ${tally.profiles.sent} sent of this shard's ${tally.profiles.total} in ${seconds.toFixed(1)} s · ${(sending.requests / Math.max(seconds, 0.001)).toFixed(1)} requests/s · concurrency ${result.concurrency}`,
    `registrations  ${r.accepted} accepted · ${sum(r.rejected)} rejected · ${r.failed} failed` + (overall ? ` · p50 ${overall.p50Ms} ms · p99 ${overall.p99Ms} ms` : ''),
    failed === 0 ? 'failures       none' : `failures       ${failed}, e.g. ${f.examples[0]?.operation}: ${f.examples[0]?.message.split('\n')[0].slice(0, 160)}`,
    `Shard result: ${resultPath} (memberspec merge combines every shard's result)`,
  ].join('\n');
}

/** A live counter on a TTY, at most every `intervalMs`. */
export function seedProgressPrinter(stream: NodeJS.WriteStream, intervalMs = 200, prefix = ''): { onProgress: (p: SendProgress) => void; end: () => void } {
  let drawn = false;
  let last = 0;
  const started = performance.now();
  return {
    onProgress(p) {
      if (!stream.isTTY) return;
      const now = performance.now();
      if (now - last < intervalMs && p.sent < p.total) return;
      last = now;
      const rate = p.sent / Math.max(0.001, (now - started) / 1000);
      const line = `  ${prefix}[${p.sent}/${p.total}] profiles · ${rate.toFixed(0)}/s · ${p.rejected} rejected · ${p.failed} failed`;
      stream.write(`\r\x1b[2K${line.slice(0, (stream.columns || 100) - 1)}`);
      drawn = true;
    },
    end() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
