// The rulings where the seeds are unclear (README "Where the seeds are unclear", one number each) and the
// features' comments that cite them. A feature that cites a number the README does not have, or speaks of
// a ruling without its number, leaves a vendor unable to see why the suite reads a seed as it does.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const RULINGS_PATHS = { readme: join(PROJECT_ROOT, 'README.md'), features: join(PROJECT_ROOT, 'features') };

const SECTION = '## Where the seeds are unclear';

/** Numbers of the README's rulings, in their order; throws when the section is missing or a number repeats. */
export function readmeRulings(readme: string): number[] {
  const start = readme.indexOf(`\n${SECTION}\n`);
  if (start < 0) throw new Error(`README has no "${SECTION}" section`);
  const rest = readme.slice(start + SECTION.length + 2);
  const end = rest.search(/^## /m);
  const section = end < 0 ? rest : rest.slice(0, end);
  const numbers = [...section.matchAll(/^(\d+)\. /gm)].map((match) => Number(match[1]));
  const repeated = numbers.filter((n, i) => numbers.indexOf(n) !== i);
  if (repeated.length > 0) throw new Error(`README rulings numbered twice: ${[...new Set(repeated)].join(', ')}`);
  return numbers;
}

export interface RulingProblem {
  /** "path:line" of the comment. */
  readonly where: string;
  readonly problem: string;
}

/** "Ruling 5", "Rulings 5 and 28", "rulings 3, 4 and 9": the numbers after the word. */
const CITATION = /\brulings?\b(\s+\d+(?:\s*(?:,|and)\s*\d+)*)?/gi;

/** The comments of one feature that cite an unknown ruling or speak of a ruling without a number. */
export function rulingProblems(where: string, text: string, known: ReadonlySet<number>): RulingProblem[] {
  const problems: RulingProblem[] = [];
  text.split('\n').forEach((line, index) => {
    const comment = /^\s*#(.*)$/.exec(line)?.[1];
    if (comment === undefined) return;
    for (const match of comment.matchAll(CITATION)) {
      const at = `${where}:${index + 1}`;
      if (!match[1]) {
        problems.push({ where: at, problem: `"${match[0]}" without a number: cite the README ruling ("Ruling N:")` });
        continue;
      }
      for (const number of match[1].match(/\d+/g)!.map(Number)) {
        if (!known.has(number)) problems.push({ where: at, problem: `cites ruling ${number}, which the README does not have` });
      }
    }
  });
  return problems;
}

function featureFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? featureFiles(join(dir, entry.name)) : entry.name.endsWith('.feature') ? [join(dir, entry.name)] : [],
  );
}

/** Every problem in the project's features against the project's README. */
export function checkRulings(paths = RULINGS_PATHS): RulingProblem[] {
  const known = new Set(readmeRulings(readFileSync(paths.readme, 'utf8')));
  return featureFiles(paths.features)
    .sort()
    .flatMap((file) => rulingProblems(relative(dirname(paths.features), file), readFileSync(file, 'utf8'), known));
}
