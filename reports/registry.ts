// Every report writer, each with a one-line description. Cucumber itself writes messages.ndjson
// during the run; these writers build the rest from the collected messages.
import type { RunReport } from './run_model.ts';
import { writeSummary } from './summary_writer.ts';
import { writeHtml } from './html_writer.ts';
import { JUNIT_FILE, writeJunit } from './junit_writer.ts';

export interface ReportWriter {
  /** One line: what the output is for. Required, so the registry documents itself. */
  readonly description: string;
  /** File it writes inside the run directory. */
  readonly file: string;
  write(report: RunReport, outDir: string): Promise<void>;
}

export const REPORT_WRITERS: Readonly<Record<string, ReportWriter>> = {
  summary: {
    description: 'summary.json for machines: target, suite version, counts, per-feature and per-scenario verdicts',
    file: 'summary.json',
    write: writeSummary,
  },
  html: {
    description: 'index.html for people: headline verdict, capabilities, rules, failures with HTTP transcripts, requirements',
    file: 'index.html',
    write: writeHtml,
  },
  junit: {
    description: 'junit.xml for CI systems: a broken rule is <failure>, a scenario not judged <error>, a not-applicable one <skipped>',
    file: JUNIT_FILE,
    write: writeJunit,
  },
};

/** Files cucumber's own formatters write into the run directory. */
export const CUCUMBER_OUTPUTS: Readonly<Record<string, { file: string; description: string }>> = {
  message: { file: 'messages.ndjson', description: "cucumber's message stream, the raw record every other report is built from" },
  html: { file: 'cucumber.html', description: "cucumber's own HTML report, for readers who know cucumber's view of a run" },
};
