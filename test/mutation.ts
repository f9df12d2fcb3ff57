// `npm run mutation [-- stryker options]`: StrykerJS over reference/domain and reference/service under the
// in-process suite (stryker.config.mjs), then the score and the surviving mutants grouped by file.
// Incremental: only mutants whose code or covering scenarios changed run again (`-- --force` runs all).
// Not in CI: a full run takes about half an hour on two cores.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../api/project_root.ts';
import { formatSummary, readMutationReport, summarize } from './mutation_report.ts';

const REPORT = path.join(PROJECT_ROOT, 'reports', 'mutation', 'mutation.json');
const STRYKER = path.join(PROJECT_ROOT, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');

const started = Date.now();
const run = spawnSync(process.execPath, [STRYKER, 'run', ...process.argv.slice(2)], { cwd: PROJECT_ROOT, stdio: 'inherit' });
const minutes = ((Date.now() - started) / 60000).toFixed(1);
if (run.status !== 0 || !existsSync(REPORT)) {
  console.error(`stryker did not finish (exit ${run.status ?? run.signal}); no score`);
  process.exit(1);
}
console.log('');
console.log('Surviving mutants, by file (line:column mutator: original -> mutant):');
console.log(formatSummary(summarize(readMutationReport(REPORT))));
console.log(`run time: ${minutes} min; HTML report: ${path.relative(PROJECT_ROOT, path.join(path.dirname(REPORT), 'index.html'))}`);
