// The postgres tier without PostgreSQL (no initdb on the PATH, no MEMBERSPEC_TEST_DATABASE_URL): in CI it
// fails saying why, so a CI machine without PostgreSQL never reads as green; elsewhere it is skipped, saying so.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { PROJECT_ROOT } from '../api/project_root.ts';

function runTierWithoutPostgres(ci: boolean): { status: number | null; output: string } {
  const emptyPath = mkdtempSync(path.join(tmpdir(), 'memberspec-no-pg-'));
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: emptyPath };
    delete env.MEMBERSPEC_TEST_DATABASE_URL;
    delete env.CI;
    if (ci) env.CI = 'true';
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'test', 'run_all.ts'), 'postgres'], { cwd: PROJECT_ROOT, env, encoding: 'utf8' });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(emptyPath, { recursive: true, force: true });
  }
}

test('in CI, the postgres tier without PostgreSQL fails and says why', () => {
  const { status, output } = runTierWithoutPostgres(true);
  assert.equal(status, 1, output);
  assert.match(output, /FAILED: the PostgreSQL tier cannot run in CI: neither initdb \(PostgreSQL 15\) on PATH nor MEMBERSPEC_TEST_DATABASE_URL set/);
  assert.match(output, /^0 passed, 1 failed$/m);
});

test('outside CI, the postgres tier without PostgreSQL is skipped, saying so', () => {
  const { status, output } = runTierWithoutPostgres(false);
  assert.equal(status, 0, output);
  assert.match(output, /skipped: neither initdb \(PostgreSQL 15\) on PATH nor MEMBERSPEC_TEST_DATABASE_URL set \(in CI this tier fails instead\)/);
  assert.match(output, /^0 passed, 0 failed, 1 skipped$/m);
});
