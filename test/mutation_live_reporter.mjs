// Stryker reporter plugin: appends every tested mutant to reports/mutation/live.ndjson as it is judged,
// so survivors can be read while a long run is still going (the JSON report appears only at the end).
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { PluginKind, declareClassPlugin } from '@stryker-mutator/api/plugin';

const FILE = 'reports/mutation/live.ndjson';

class LiveReporter {
  onDryRunCompleted() {
    mkdirSync('reports/mutation', { recursive: true });
    writeFileSync(FILE, '');
  }

  onMutantTested(result) {
    const { id, fileName, mutatorName, replacement, location, status } = result;
    appendFileSync(FILE, `${JSON.stringify({ id, fileName, mutatorName, replacement, location, status })}\n`);
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, 'live', LiveReporter)];
