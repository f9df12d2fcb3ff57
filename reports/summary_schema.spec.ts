// summary.json against its published JSON Schema (reports/summary.schema.json), with Ajv: summaries of
// real runs conform, the schema refuses what is not a summary, it names every verdict the code can
// write, and the package ships it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../api/project_root.ts';
import { emptyCounts, RUN_VERDICTS, RunCollector } from './run_model.ts';
import { buildSummary } from './summary_writer.ts';
import { summarySchema, summarySchemaProblems } from './summary_schema.ts';
import { syntheticEnvelopes, SYNTHETIC_CATALOGUE, SYNTHETIC_INFO } from '../test/fixtures/synthetic_run.ts';

function syntheticSummary(): Record<string, unknown> {
  const collector = new RunCollector();
  for (const envelope of syntheticEnvelopes()) collector.add(envelope);
  return buildSummary(collector.build(SYNTHETIC_INFO, SYNTHETIC_CATALOGUE));
}

test('the summary of every verdict path (the synthetic run) conforms', () => {
  assert.deepEqual(summarySchemaProblems(syntheticSummary()), []);
});

test('summaries written by real runs conform: a passing run and a run that judged nothing', async () => {
  const { certify } = await import('../api/certify.ts');
  const reportsDir = mkdtempSync(path.join(tmpdir(), 'memberspec-schema-'));
  try {
    for (const tags of ['@req:002-56', '@req:no-such-requirement']) {
      const result = await certify({ reportsDir, tags });
      const summary: unknown = JSON.parse(readFileSync(result.summaryPath, 'utf8'));
      assert.deepEqual(summarySchemaProblems(summary), [], `${tags}: ${result.verdict}`);
    }
  } finally {
    rmSync(reportsDir, { recursive: true, force: true });
  }
});

test('the schema refuses what is not a summary', () => {
  const broken = (change: (s: Record<string, any>) => void): string[] => {
    const summary = syntheticSummary() as Record<string, any>;
    change(summary);
    return summarySchemaProblems(summary);
  };
  assert.notDeepEqual(broken((s) => delete s.verdict), []);
  assert.notDeepEqual(broken((s) => (s.verdict = 'green')), []);
  assert.notDeepEqual(broken((s) => delete s.scenarios[0].id), []);
  assert.notDeepEqual(broken((s) => (s.scenarios[0].verdict = 'skipped')), []);
  assert.notDeepEqual(broken((s) => (s.counts.failed = -1)), []);
  assert.notDeepEqual(broken((s) => (s.startedAt = 'yesterday')), []);
  assert.notDeepEqual(broken((s) => (s.failureGroups[0].scenarios = [])), []);
  // A field the schema does not describe: add it to summary.schema.json when summary.json gains one.
  assert.notDeepEqual(broken((s) => (s.surprise = true)), []);
});

test('the schema names every verdict the code writes', () => {
  const schema = summarySchema() as { properties: { verdict: { enum: string[] } }; $defs: { verdict: { enum: string[] } } };
  assert.deepEqual([...schema.properties.verdict.enum].sort(), [...RUN_VERDICTS].sort());
  const scenarioVerdicts = Object.keys(emptyCounts()).filter((k) => k !== 'total');
  assert.deepEqual([...schema.$defs.verdict.enum].sort(), scenarioVerdicts.sort());
});

test('the package ships the schema', () => {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PROJECT_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const [pack] = JSON.parse(output) as { files: { path: string }[] }[];
  assert.ok(pack.files.some((f) => f.path === 'reports/summary.schema.json'), 'add reports/summary.schema.json to "files" in package.json');
});
