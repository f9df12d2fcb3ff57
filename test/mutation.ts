// `npm run mutation [-- stryker options]`: StrykerJS over reference/domain and reference/service under the
// in-process suite (stryker.config.mjs), then the score and the surviving mutants grouped by file.
// Incremental: only mutants whose code or covering scenarios changed run again (`-- --force` runs all);
// `-- --static` adds the mutants of module-level tables.
// Not in CI: a full run takes about 25 minutes on two idle cores.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../api/project_root.ts';
import { formatSummary, readMutationReport, summarize } from './mutation_report.ts';

const REPORT = path.join(PROJECT_ROOT, 'reports', 'mutation', 'mutation.json');
const STRYKER = path.join(PROJECT_ROOT, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');

// `--static`: also the mutants of module-level tables, which stryker.config.mjs leaves out (Stryker's CLI can
// only switch ignoreStatic on).
const args = process.argv.slice(2);
const withStatic = args.includes('--static');
const env = withStatic ? { ...process.env, MEMBERSPEC_MUTATE_STATIC: '1' } : process.env;
const started = Date.now();
const run = spawnSync(process.execPath, [STRYKER, 'run', ...args.filter((arg) => arg !== '--static')], { cwd: PROJECT_ROOT, stdio: 'inherit', env });
const minutes = ((Date.now() - started) / 60000).toFixed(1);
if (run.status !== 0 || !existsSync(REPORT)) {
  console.error(`stryker did not finish (exit ${run.status ?? run.signal}); no score`);
  process.exit(1);
}
console.log('');
console.log('Surviving mutants, by file (line:column mutator: original -> mutant):');
console.log(formatSummary(summarize(readMutationReport(REPORT))));
console.log(`run time: ${minutes} min; HTML report: ${path.relative(PROJECT_ROOT, path.join(path.dirname(REPORT), 'index.html'))}`);
