// Reads StrykerJS's JSON report (mutation-testing-report-schema) and tells what the suite did not pin
// down: the mutation score and every surviving mutant, grouped by file, the files with most first.
import { readFileSync } from 'node:fs';

export type MutantStatus = 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';

interface Position {
  line: number;
  column: number;
}

export interface ReportMutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: MutantStatus;
  location: { start: Position; end: Position };
}

export interface MutationReport {
  files: Record<string, { source: string; mutants: ReportMutant[] }>;
}

export interface Survivor {
  line: number;
  column: number;
  mutator: string;
  /** `NoCoverage`: no scenario even runs the code; `Survived`: scenarios run it and still pass. */
  status: 'Survived' | 'NoCoverage';
  original: string;
  replacement: string;
}

export interface MutationSummary {
  killed: number;
  timedOut: number;
  survived: number;
  noCoverage: number;
  /** Mutants that could not run (compile or runtime errors) or were ignored: outside the score. */
  invalid: number;
  /** Detected (killed or timed out) over valid mutants, in percent; undefined when nothing was valid. */
  score: number | undefined;
  survivorsByFile: { file: string; survivors: Survivor[] }[];
  /** Every file's own counts and score, the lowest score first: where scenarios are missing. */
  files: FileScore[];
}

export interface FileScore {
  file: string;
  detected: number;
  undetected: number;
  invalid: number;
  score: number | undefined;
}

const percent = (detected: number, valid: number): number | undefined => (valid ? (100 * detected) / valid : undefined);

/** The source text between two 1-based line, 1-based column positions (Stryker's convention). */
function sourceBetween(source: string, start: Position, end: Position): string {
  const lines = source.split('\n');
  if (start.line === end.line) return lines[start.line - 1]?.slice(start.column - 1, end.column - 1) ?? '';
  const first = lines[start.line - 1]?.slice(start.column - 1) ?? '';
  const last = lines[end.line - 1]?.slice(0, end.column - 1) ?? '';
  return [first, ...lines.slice(start.line, end.line - 1), last].join('\n');
}

export function summarize(report: MutationReport): MutationSummary {
  const count = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, invalid: 0 };
  const survivorsByFile: MutationSummary['survivorsByFile'] = [];
  const files: FileScore[] = [];
  for (const [file, { source, mutants }] of Object.entries(report.files)) {
    const survivors: Survivor[] = [];
    let detected = 0;
    let invalid = 0;
    for (const mutant of mutants) {
      if (mutant.status === 'Killed' || mutant.status === 'Timeout') detected += 1;
      else if (mutant.status !== 'Survived' && mutant.status !== 'NoCoverage') invalid += 1;
      if (mutant.status === 'Killed' || mutant.status === 'Timeout' || mutant.status === 'Survived' || mutant.status === 'NoCoverage') {
        count[mutant.status] += 1;
      } else count.invalid += 1;
      if (mutant.status !== 'Survived' && mutant.status !== 'NoCoverage') continue;
      survivors.push({
        line: mutant.location.start.line,
        column: mutant.location.start.column,
        mutator: mutant.mutatorName,
        status: mutant.status,
        original: sourceBetween(source, mutant.location.start, mutant.location.end),
        replacement: mutant.replacement ?? '',
      });
    }
    survivors.sort((a, b) => a.line - b.line || a.column - b.column);
    if (survivors.length) survivorsByFile.push({ file, survivors });
    files.push({ file, detected, undetected: survivors.length, invalid, score: percent(detected, detected + survivors.length) });
  }
  survivorsByFile.sort((a, b) => b.survivors.length - a.survivors.length || a.file.localeCompare(b.file));
  files.sort((a, b) => (a.score ?? 101) - (b.score ?? 101) || a.file.localeCompare(b.file));
  const detected = count.Killed + count.Timeout;
  const valid = detected + count.Survived + count.NoCoverage;
  return {
    killed: count.Killed,
    timedOut: count.Timeout,
    survived: count.Survived,
    noCoverage: count.NoCoverage,
    invalid: count.invalid,
    score: percent(detected, valid),
    survivorsByFile,
    files,
  };
}

/** One line of code, shortened so a survivor stays on one line of the terminal. */
function oneLine(code: string, max = 70): string {
  const flat = code.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function formatSummary(summary: MutationSummary): string {
  const lines: string[] = [];
  for (const { file, survivors } of summary.survivorsByFile) {
    lines.push(`${file} (${survivors.length})`);
    for (const s of survivors) {
      const where = `${s.line}:${s.column}`.padEnd(8);
      const tag = s.status === 'NoCoverage' ? ' [no coverage]' : '';
      lines.push(`  ${where}${s.mutator}${tag}: ${oneLine(s.original)}  ->  ${oneLine(s.replacement)}`);
    }
  }
  const total = summary.killed + summary.timedOut + summary.survived + summary.noCoverage;
  const width = Math.max(4, ...summary.files.map((f) => f.file.length));
  lines.push('', `${'file'.padEnd(width)}  detected  undetected  not counted  score`);
  for (const f of summary.files) {
    const score = f.score === undefined ? 'n/a' : `${f.score.toFixed(1)}%`;
    lines.push(`${f.file.padEnd(width)}  ${String(f.detected).padStart(8)}  ${String(f.undetected).padStart(10)}  ${String(f.invalid).padStart(11)}  ${score.padStart(6)}`);
  }
  lines.push('');
  lines.push(
    `${total} mutants: ${summary.killed} killed, ${summary.timedOut} timed out, ${summary.survived} survived, ` +
      `${summary.noCoverage} without coverage` + (summary.invalid ? ` (${summary.invalid} invalid, not counted)` : ''),
  );
  lines.push(`mutation score: ${summary.score === undefined ? 'n/a' : `${summary.score.toFixed(2)}%`}`);
  return lines.join('\n');
}

export function readMutationReport(file: string): MutationReport {
  return JSON.parse(readFileSync(file, 'utf8')) as MutationReport;
}
