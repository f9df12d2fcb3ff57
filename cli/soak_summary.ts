// What `memberspec soak` prints: the figures every round repeats, one line per round, the drift.
import type { SoakReport, SoakRound } from '../api/soak.ts';
import type { SendProgress } from '../seeding/send_population.ts';
import { thresholdFailures, thresholdsLine } from '../seeding/thresholds.ts';
import { seedProgressPrinter } from './seed_summary.ts';

const signed = (value: number, unit: string) => `${value > 0 ? '+' : ''}${value}${unit}`;

export function formatSoakRound(round: SoakRound): string {
  const verdict =
    round.lostOrDuplicated.length > 0
      ? `LOST OR DUPLICATED: ${round.lostOrDuplicated.join('; ')}`
      : round.differences.length > 0
        ? `DIFFERS from round 1: ${round.differences.slice(0, 3).join('; ')}`
        : 'same figures';
  const rss = round.rssMb === undefined ? '' : ` · rss ${round.rssMb} MB`;
  return (
    `round ${String(round.round).padStart(3)}  ${round.durationS.toFixed(1)} s · ${round.profilesPerSecond} profiles/s · ` +
    `p50 ${round.p50Ms} ms · p99 ${round.p99Ms} ms (${round.requests} requests)${rss} · ${verdict}`
  );
}

export function formatSoakSummary(report: SoakReport, reportPath: string): string {
  const f = report.figures;
  const g = f.groundTruth;
  const planned = 'rounds' in report.plan ? `${report.plan.rounds} rounds` : `${report.plan.durationS} s`;
  const first = report.rounds[0];
  const last = report.rounds[report.rounds.length - 1];
  const lines = [
    `memberspec ${report.memberspec} · soak · target: ${report.target.url} · ${report.rounds.length} round(s) of ${planned} planned · concurrency ${report.concurrency}`,
    `population     ${report.population.file} (${report.population.profile}, seed ${report.population.seed}, ${report.population.persons} persons)`,
    `each round     ${f.registrations.accepted} registrations accepted · ${f.customers.live} live customers · ${f.integrity.resolved} of ${f.integrity.acceptedProfiles} accepted profiles resolved · ` +
      `precision ${g.pairs.precision?.toFixed(3) ?? 'n/a'} · recall ${g.pairs.recall?.toFixed(3) ?? 'n/a'}`,
    ...report.rounds.map(formatSoakRound),
    `drift          round ${last.round} against round ${first.round}: throughput ${signed(report.drift.profilesPerSecondPct, '%')} · ` +
      `p50 ${signed(report.drift.p50Ms, ' ms')} · p99 ${signed(report.drift.p99Ms, ' ms')}` +
      (report.drift.rssMb === undefined ? '' : ` · rss ${signed(report.drift.rssMb, ' MB')}`),
    report.stoppedEarly ? `stopped early  ${report.stoppedEarly}` : `verdict        every round identical: nothing lost or duplicated`,
    ...[thresholdsLine(report.thresholds ?? [])].filter((line) => line !== undefined),
    ...thresholdFailures(report.thresholds ?? []),
    `Report: ${reportPath}`,
  ];
  return lines.join('\n');
}

/** A live counter per round on a TTY; round lines as they finish (on a terminal and in a CI log alike: a long soak must not be silent). */
export function soakProgressPrinter(stream: NodeJS.WriteStream): {
  onProgress: (round: number, p: SendProgress) => void;
  onRound: (round: SoakRound) => void;
  end: () => void;
} {
  let current: { round: number; printer: ReturnType<typeof seedProgressPrinter> } | undefined;
  return {
    onProgress(round, p) {
      if (current?.round !== round) {
        current?.printer.end();
        current = { round, printer: seedProgressPrinter(stream, 200, `round ${round} `) };
      }
      current.printer.onProgress(p);
    },
    onRound(round) {
      current?.printer.end();
      current = undefined;
      stream.write(formatSoakRound(round) + '\n');
    },
    end() {
      current?.printer.end();
    },
  };
}
