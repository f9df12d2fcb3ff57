// Scenario ids: readable, stable, unique. The suite's scenario names must be unique everywhere (a
// rerun by --name, a deep link and summary.json all name a scenario by them), outline rows included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfiguration, loadSources } from '@cucumber/cucumber/api';
import { PROJECT_ROOT } from '../api/project_root.ts';
import { featureKey, scenarioId, slug, uniqueScenarioIds } from './scenario_id.ts';

test('an id is the feature path below features/, the name as a slug and a hash of the name', () => {
  assert.match(
    scenarioId('features/registration/primary_key.feature', 'Registering with E1 in upper case (Ruling 10)!'),
    /^registration\/primary_key\/registering-with-e1-in-upper-case-ruling-10-[0-9a-f]{6}$/,
  );
  const id = (name: string) => scenarioId('features/imports/dates.feature', name);
  assert.equal(id('Under dd/MM/yyyy: refused'), id('Under dd/MM/yyyy: refused'), 'the same name, the same id, run after run');
  assert.notEqual(id('Under dd/MM/yyyy: refused'), id('Under dd-MM-yyyy: refused'), 'names the slug merges keep apart');
  assert.notEqual(id('ACTIVE coupons'), id('active coupons'));
  assert.equal(featureKey('C:\\suite\\features\\merges\\skip.feature'), 'merges/skip');
  assert.equal(slug('Crème brûlée: 100% off'), 'creme-brulee-100-off');
  assert.equal(slug('¿?'), 'scenario');
  const long = slug(`A customer ${'with a very long name '.repeat(10)}`);
  assert.ok(long.length <= 100 && !long.endsWith('-'), long);
});

test('scenarios sharing a name still get distinct ids, in run order', () => {
  const ids = uniqueScenarioIds([
    { featureUri: 'features/a/b.feature', name: 'Same' },
    { featureUri: 'features/a/b.feature', name: 'Other' },
    { featureUri: 'features/a/b.feature', name: 'Same' },
  ]);
  assert.equal(ids[2], `${ids[0]}~2`);
  assert.equal(new Set(ids).size, 3);
});

test("the suite's scenario names and ids are unique, outline rows included", async () => {
  const environment = { cwd: PROJECT_ROOT };
  const { runConfiguration } = await loadConfiguration({ file: 'cucumber.mjs' }, environment);
  const { plan, errors } = await loadSources(runConfiguration.sources, environment);
  assert.deepEqual(errors, []);
  assert.ok(plan.length > 100, `only ${plan.length} scenarios found`);
  const byName = new Map<string, string[]>();
  const byId = new Map<string, string[]>();
  for (const p of plan) {
    const where = `${p.uri}:${p.location.line}`;
    byName.set(p.name, [...(byName.get(p.name) ?? []), where]);
    const id = scenarioId(p.uri, p.name);
    byId.set(id, [...(byId.get(id) ?? []), where]);
  }
  const shared = [...byName].filter(([, where]) => where.length > 1).map(([name, where]) => `"${name}" at ${where.join(', ')}`);
  assert.deepEqual(shared, [], 'give each scenario its own name (in an outline, put a column like <value> in it)');
  const sharedIds = [...byId].filter(([, where]) => where.length > 1).map(([id, where]) => `${id} at ${where.join(', ')}`);
  assert.deepEqual(sharedIds, []);
});
