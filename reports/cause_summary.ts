// The terminal's view of the failure groups and not-applicable reasons: one line per cause with its
// count and an example scenario, so a target with one bug shows one line, not one per scenario.
import type { RunReport } from './run_model.ts';

const MESSAGE_WIDTH = 160;

function firstLine(text: string): string {
  const line = text.split('\n')[0];
  return line.length > MESSAGE_WIDTH ? `${line.slice(0, MESSAGE_WIDTH - 1)}…` : line;
}

/** Lines for the failure groups (at most `limit`), then the not-applicable reasons (at most `limit`). */
export function causeLines(report: RunReport, limit = 8): string[] {
  const lines: string[] = [];
  const byId = new Map(report.scenarios.map((s) => [s.id, s]));
  const groups = report.failureGroups;
  if (groups.length > 0) {
    const { failed, error } = report.counts;
    const what = [failed ? `${failed} failed` : '', error ? `${error} error` : ''].filter(Boolean).join(', ');
    lines.push(`  ${what}: ${groups.length} cause${groups.length === 1 ? '' : 's'}, the most frequent first`);
    for (const g of groups.slice(0, limit)) {
      const label = g.verdict === 'failed' ? 'FAILED' : 'ERROR ';
      lines.push(`  ${String(g.count).padStart(4)}× ${label} ${firstLine(`${g.reason}: ${g.message}`)}`);
      const example = byId.get(g.scenarios[0]);
      if (example) {
        const more = g.count > 1 ? ` (and ${g.count - 1} more)` : '';
        lines.push(`         e.g. ${example.feature} › ${example.name}${more}`);
      }
    }
    if (groups.length > limit) lines.push(`  … and ${groups.length - limit} more causes in the report`);
  }
  const reasons = report.notApplicableReasons;
  if (reasons.length > 0) {
    const n = report.counts.notApplicable;
    lines.push(`  not applicable: ${n} scenario${n === 1 ? '' : 's'}, ${reasons.length} reason${reasons.length === 1 ? '' : 's'}`);
    for (const r of reasons.slice(0, limit)) lines.push(`  ${String(r.count).padStart(4)}× ${firstLine(r.reason)}`);
    if (reasons.length > limit) lines.push(`  … and ${reasons.length - limit} more reasons in the report`);
  }
  return lines;
}
