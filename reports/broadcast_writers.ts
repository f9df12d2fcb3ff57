// Calls every writer and isolates their failures: one broken writer must not cost the other
// reports, nor turn a finished certification run into a crash.
import type { RunReport } from './run_model.ts';
import { REPORT_WRITERS, type ReportWriter } from './registry.ts';

export interface WriterOutcome {
  name: string;
  file: string;
  ok: boolean;
  error?: string;
}

export async function broadcastWriters(
  report: RunReport,
  outDir: string,
  writers: Readonly<Record<string, ReportWriter>> = REPORT_WRITERS,
): Promise<WriterOutcome[]> {
  return Promise.all(
    Object.entries(writers).map(async ([name, writer]): Promise<WriterOutcome> => {
      try {
        await writer.write(report, outDir);
        return { name, file: writer.file, ok: true };
      } catch (error) {
        return { name, file: writer.file, ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
}
