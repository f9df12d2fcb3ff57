import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRequirements, parseCsv, parseRequirements } from './requirements_catalogue.ts';

test('CSV fields may hold commas, doubled quotes and newlines', () => {
  assert.deepEqual(parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\n'), [
    ['a', 'b'],
    ['x, y', 'say "hi"\nthere'],
  ]);
});

test('columns are found by name, blank ids are dropped', () => {
  const reqs = parseRequirements('seed,id,section,requirement,conformance,not_tested_reason\n004.txt,004-01,S,"R, r",SHALL,\n,,,,,\n');
  assert.deepEqual(reqs, [{ id: '004-01', seed: '004.txt', section: 'S', requirement: 'R, r', conformance: 'SHALL', notTestedReason: '' }]);
});

test('the project catalogue loads with unique ids', () => {
  const csv = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'requirements', 'seeds.csv');
  const reqs = loadRequirements(csv);
  assert.ok(reqs.length > 0);
  assert.equal(new Set(reqs.map((r) => r.id)).size, reqs.length);
  assert.deepEqual(loadRequirements('/nonexistent/seeds.csv'), []);
});
