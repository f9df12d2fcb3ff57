// The mutation summary: counts and score as Stryker defines them, survivors grouped by file with the
// code they changed, files with most survivors first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSummary, summarize, type MutationReport, type MutantStatus, type ReportMutant } from './mutation_report.ts';

const at = (line: number, column: number, endColumn: number): ReportMutant['location'] => ({
  start: { line, column },
  end: { line, column: endColumn },
});

let nextId = 0;
const mutant = (status: MutantStatus, location: ReportMutant['location'], replacement = 'true'): ReportMutant => ({
  id: String(nextId++),
  mutatorName: 'ConditionalExpression',
  replacement,
  status,
  location,
});

const report: MutationReport = {
  files: {
    'reference/domain/a.ts': {
      source: 'const x = 1;\nif (x > 0) go();\n',
      mutants: [
        mutant('Killed', at(2, 5, 10)),
        mutant('Survived', at(2, 5, 10), 'false'),
        mutant('Timeout', at(2, 5, 10)),
        mutant('CompileError', at(1, 11, 12)),
      ],
    },
    'reference/service/b.ts': {
      source: 'return a && b;\n',
      mutants: [mutant('NoCoverage', at(1, 8, 14), 'a || b'), mutant('Survived', at(1, 8, 9)), mutant('Killed', at(1, 8, 14))],
    },
  },
};

test('counts each status and scores detected over valid mutants, leaving invalid ones out', () => {
  const summary = summarize(report);
  assert.deepEqual(
    { killed: summary.killed, timedOut: summary.timedOut, survived: summary.survived, noCoverage: summary.noCoverage, invalid: summary.invalid },
    { killed: 2, timedOut: 1, survived: 2, noCoverage: 1, invalid: 1 },
  );
  assert.equal(summary.score, 50); // (2 killed + 1 timeout) / 6 valid
});

test('groups survivors by file, most first, each with the code it replaced', () => {
  const { survivorsByFile } = summarize(report);
  assert.deepEqual(
    survivorsByFile.map((f) => [f.file, f.survivors.map((s) => `${s.line}:${s.column} ${s.status} ${s.original} -> ${s.replacement}`)]),
    [
      ['reference/service/b.ts', ['1:8 NoCoverage a && b -> a || b', '1:8 Survived a -> true']],
      ['reference/domain/a.ts', ['2:5 Survived x > 0 -> false']],
    ],
  );
});

test('the printed summary names each survivor and ends with the score', () => {
  const text = formatSummary(summarize(report));
  assert.match(text, /^reference\/service\/b\.ts \(2\)$/m);
  assert.match(text, /^ {2}1:8 {5}ConditionalExpression \[no coverage\]: a && b {2}-> {2}a \|\| b$/m);
  assert.match(text, /6 mutants: 2 killed, 1 timed out, 2 survived, 1 without coverage \(1 invalid, not counted\)/);
  assert.match(text, /mutation score: 50\.00%$/);
});

test('a report with no valid mutant has no score', () => {
  assert.equal(summarize({ files: {} }).score, undefined);
  assert.match(formatSummary(summarize({ files: {} })), /mutation score: n\/a$/);
});

test('each file has its own score, the lowest first, so the summary shows where scenarios are missing', () => {
  const { files } = summarize(report);
  assert.deepEqual(
    files.map((f) => [f.file, f.detected, f.undetected, f.invalid, f.score]),
    [
      ['reference/service/b.ts', 1, 2, 0, 100 / 3],
      ['reference/domain/a.ts', 2, 1, 1, 200 / 3],
    ],
  );
  assert.match(formatSummary(summarize(report)), /^reference\/service\/b\.ts +1 +2 +0 +33\.3%$/m);
});
