import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadRequirements, parseCatalogue, parseCsv, requirementTexts, type Requirement } from './catalogue.ts';
import { checkCoverage, runCoverageCheck, scenariosOf } from './check_coverage.ts';

const HEADER = 'id,seed,section,requirement,conformance,not_tested_reason';
const tested: Requirement = { id: '004-01', seed: '004_x.txt', section: 'S', requirement: 'Rule one', conformance: 'SHALL' };
const notTested: Requirement = { ...tested, id: '004-02', notTestedReason: 'no way to set it up' };

function feature(tags: string, extra = ''): string {
  return `Feature: F\n  Rule: R\n    ${tags}\n    Scenario: S one\n      Given a step\n${extra}`;
}

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    assert.deepEqual(parseCsv('a,"b, ""c""",d\n"x\ny",,z\n'), [
      ['a', 'b, "c"', 'd'],
      ['x\ny', '', 'z'],
    ]);
  });
  it('refuses an unterminated quote', () => {
    assert.throws(() => parseCsv('a,"b\n'), /quoted field/);
  });
});

describe('parseCatalogue', () => {
  it('reads requirements and the not-tested reason', () => {
    const [r1, r2] = parseCatalogue(`${HEADER}\n004-01,004_x.txt,S,"Rule, one",SHALL,\n004-02,004_x.txt,S,Two,MAY,why not\n`);
    assert.equal(r1.requirement, 'Rule, one');
    assert.equal(r1.notTestedReason, undefined);
    assert.equal(r2.notTestedReason, 'why not');
  });
  it('refuses duplicate ids, bad ids and a wrong header', () => {
    assert.throws(() => parseCatalogue(`${HEADER}\n004-01,a,b,c,d,\n004-01,a,b,c,d,\n`), /duplicate/);
    assert.throws(() => parseCatalogue(`${HEADER}\n4-1,a,b,c,d,\n`), /bad id/);
    assert.throws(() => parseCatalogue('id,text\n'), /header/);
  });
});

describe('scenariosOf', () => {
  it('gives each outline row a scenario with inherited tags and filled-in names', () => {
    const text = `@seed:004\nFeature: F\n  Rule: R\n    @req:004-01\n    Scenario Outline: S <kind>\n      Given <kind>\n      Examples:\n        | kind |\n        | a    |\n        | b    |\n`;
    const scenarios = scenariosOf('merges/f', text);
    assert.deepEqual(
      scenarios.map((s) => [s.name, s.tags]),
      [
        ['S a', ['@seed:004', '@req:004-01']],
        ['S b', ['@seed:004', '@req:004-01']],
      ],
    );
    assert.ok(scenarios.every((s) => s.line > 0));
  });
});

describe('checkCoverage', () => {
  it('passes a tested requirement with a tagged scenario and records it', () => {
    const { problems, coverage } = checkCoverage([tested, notTested], scenariosOf('f', feature('@seed:004 @req:004-01')));
    assert.deepEqual(problems, []);
    assert.deepEqual(coverage.get('004-01'), ['f: S one']);
    assert.deepEqual(coverage.get('004-02'), []);
  });
  it('fails a tested requirement without a scenario', () => {
    const { problems } = checkCoverage([tested], []);
    assert.match(problems.join('\n'), /004-01 has no scenario/);
  });
  it('fails a scenario citing an unknown id', () => {
    const { problems } = checkCoverage([tested], scenariosOf('f', feature('@seed:004 @req:004-01 @req:004-99')));
    assert.match(problems.join('\n'), /unknown requirement 004-99/);
  });
  it('fails a scenario without @seed: or @req: tags', () => {
    const { problems } = checkCoverage([tested], scenariosOf('f', feature('@smoke')));
    assert.match(problems.join('\n'), /no @seed: tag/);
    assert.match(problems.join('\n'), /no @req: tag/);
  });
  it('fails when the seed tag and the requirement disagree', () => {
    const { problems } = checkCoverage([tested], scenariosOf('f', feature('@seed:000 @req:004-01')));
    assert.match(problems.join('\n'), /without @seed:004/);
    assert.match(problems.join('\n'), /@seed:000 but cites no requirement/);
  });
  it('fails a scenario citing a requirement marked as not tested', () => {
    const { problems } = checkCoverage([tested, notTested], scenariosOf('f', feature('@seed:004 @req:004-01 @req:004-02')));
    assert.match(problems.join('\n'), /marks as not tested/);
  });
});

describe('runCoverageCheck', () => {
  it('writes coverage.csv, then fails when a feature changes and it goes stale', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coverage-'));
    try {
      mkdirSync(join(dir, 'features', 'merges'), { recursive: true });
      const paths = { catalogue: join(dir, 'seeds.csv'), coverage: join(dir, 'coverage.csv'), features: join(dir, 'features') };
      writeFileSync(paths.catalogue, `${HEADER}\n004-01,004_x.txt,S,Rule one,SHALL,\n`);
      writeFileSync(join(paths.features, 'merges', 'f.feature'), feature('@seed:004 @req:004-01'));
      assert.match(runCoverageCheck({ paths }).join('\n'), /stale/, 'a missing coverage.csv is stale');
      assert.deepEqual(runCoverageCheck({ paths, write: true }), []);
      assert.deepEqual(runCoverageCheck({ paths }), []);
      writeFileSync(join(paths.features, 'merges', 'f.feature'), feature('@seed:004 @req:004-01').replace('S one', 'S renamed'));
      assert.match(runCoverageCheck({ paths }).join('\n'), /stale/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('passes on the project itself: catalogue, features and coverage.csv agree', () => {
    assert.deepEqual(runCoverageCheck(), []);
  });
});

describe('requirementTexts', () => {
  it('maps every catalogued id to the seed words', () => {
    const texts = requirementTexts();
    assert.equal(texts.size, loadRequirements().length);
    assert.match(texts.get('004-13') ?? '', /Not added due to conflict/);
  });
});
