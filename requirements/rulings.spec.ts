import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkRulings, readmeRulings, rulingProblems } from './rulings.ts';

const README = [
  '# p',
  '## Where the seeds are unclear',
  '',
  '1. **Tables beat prose.** text',
  '   2. an indented line is not a ruling',
  '2. **Two.** text',
  '',
  'Rulings added later:',
  '',
  '9. **Nine.** text',
  '## Layout',
  '10. not in the section',
].join('\n');

describe('readmeRulings', () => {
  it('numbers the rulings of the section only', () => {
    assert.deepEqual(readmeRulings(README), [1, 2, 9]);
  });
  it('refuses a number given twice and a missing section', () => {
    assert.throws(() => readmeRulings(README.replace('9. **Nine.**', '2. **Nine.**')), /numbered twice: 2/);
    assert.throws(() => readmeRulings('# p\n## Layout\n'), /no "## Where the seeds are unclear"/);
  });
});

describe('rulingProblems', () => {
  const known = new Set([1, 2, 9]);
  it('accepts known numbers, alone or listed', () => {
    const text = '  # Ruling 1: tables\n  # Rulings 2 and 9: both\n  # see rulings 1, 2 and 9\n  Scenario: the word ruling outside a comment\n';
    assert.deepEqual(rulingProblems('f.feature', text, known), []);
  });
  it('names an unknown number and a ruling without a number, with the line', () => {
    assert.deepEqual(rulingProblems('f.feature', 'Feature: F\n  # Ruling 6: default status\n  # Ruling: bare\n  # the merge-victim ruling holds\n', known), [
      { where: 'f.feature:2', problem: 'cites ruling 6, which the README does not have' },
      { where: 'f.feature:3', problem: '"Ruling" without a number: cite the README ruling ("Ruling N:")' },
      { where: 'f.feature:4', problem: '"ruling" without a number: cite the README ruling ("Ruling N:")' },
    ]);
  });
});

describe('checkRulings', () => {
  it('finds a bad citation in any feature folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'memberspec-rulings-'));
    try {
      mkdirSync(join(dir, 'features', 'merges'), { recursive: true });
      writeFileSync(join(dir, 'README.md'), README);
      writeFileSync(join(dir, 'features', 'merges', 'm.feature'), 'Feature: M\n  # Ruling 10: unknown\n');
      const problems = checkRulings({ readme: join(dir, 'README.md'), features: join(dir, 'features') });
      assert.deepEqual(problems, [{ where: 'features/merges/m.feature:2', problem: 'cites ruling 10, which the README does not have' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("every ruling a feature of this project cites is numbered in the README", () => {
    const problems = checkRulings();
    assert.deepEqual(problems.map((p) => `${p.where}: ${p.problem}`), []);
  });
});
