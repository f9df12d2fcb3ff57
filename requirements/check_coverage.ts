// Traceability between the requirements catalogue (seeds.csv) and the living spec (features/):
// every tested requirement has a scenario tagged @req:<id>, every cited id exists, every scenario
// carries @seed: and @req: tags that agree, and coverage.csv (id -> scenarios) is up to date.
// Run: node --import tsx requirements/check_coverage.ts [--write]
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstBuilder, GherkinClassicTokenMatcher, Parser, compile } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';
import { CATALOGUE_PATH, csvField, loadRequirements, type Requirement } from './catalogue.ts';


export interface ScenarioRef {
  /** Feature path relative to the features folder, without extension, e.g. merges/skip_secondary_enabled. */
  readonly feature: string;
  /** Pickle name: outline placeholders are filled in. */
  readonly name: string;
  readonly line: number;
  readonly tags: readonly string[];
}

const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_PATHS = {
  catalogue: CATALOGUE_PATH,
  coverage: join(PROJECT_ROOT, 'requirements', 'coverage.csv'),
  features: join(PROJECT_ROOT, 'features'),
};

/** Scenarios of one feature file's text, with inherited (feature, rule, examples) tags. */
export function scenariosOf(feature: string, text: string): ScenarioRef[] {
  const parser = new Parser(new AstBuilder(IdGenerator.incrementing()), new GherkinClassicTokenMatcher());
  const document = parser.parse(text);
  const pickles = compile({ ...document, uri: feature }, feature, IdGenerator.incrementing());
  const lines = new Map<string, number>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { id?: string; location?: { line: number }; keyword?: string };
    if (n.id && n.location) lines.set(n.id, n.location.line);
    for (const value of Object.values(node)) if (value && typeof value === 'object') visit(value);
  };
  visit(document.feature);
  return pickles.map((p) => ({
    feature,
    name: p.name,
    line: lines.get(p.astNodeIds[p.astNodeIds.length - 1]) ?? lines.get(p.astNodeIds[0]) ?? 0,
    tags: p.tags.map((t) => t.name),
  }));
}

function featureFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return featureFiles(path);
    return entry.name.endsWith('.feature') ? [path] : [];
  });
}

export function loadScenarios(featuresDir = DEFAULT_PATHS.features): ScenarioRef[] {
  return featureFiles(featuresDir)
    .sort()
    .flatMap((path) => scenariosOf(relative(featuresDir, path).split(sep).join('/').replace(/\.feature$/, ''), readFileSync(path, 'utf8')));
}

export interface CoverageCheck {
  readonly problems: string[];
  /** Requirement id -> "feature: scenario" labels, in catalogue order. */
  readonly coverage: Map<string, string[]>;
}

export function checkCoverage(requirements: readonly Requirement[], scenarios: readonly ScenarioRef[]): CoverageCheck {
  const problems: string[] = [];
  const byId = new Map(requirements.map((r) => [r.id, r]));
  const coverage = new Map<string, string[]>(requirements.map((r) => [r.id, []]));
  for (const s of scenarios) {
    const where = `${s.feature}.feature:${s.line} "${s.name}"`;
    const reqIds = s.tags.filter((t) => t.startsWith('@req:')).map((t) => t.slice(5));
    const seeds = new Set(s.tags.filter((t) => t.startsWith('@seed:')).map((t) => t.slice(6)));
    if (seeds.size === 0) problems.push(`${where} has no @seed: tag`);
    if (reqIds.length === 0) problems.push(`${where} has no @req: tag`);
    const citedSeeds = new Set<string>();
    for (const id of reqIds) {
      const requirement = byId.get(id);
      citedSeeds.add(id.split('-')[0]);
      if (!requirement) problems.push(`${where} cites unknown requirement ${id}`);
      else if (requirement.notTestedReason) problems.push(`${where} cites ${id}, which the catalogue marks as not tested`);
      else {
        const label = `${s.feature}: ${s.name}`;
        const list = coverage.get(id)!;
        if (!list.includes(label)) list.push(label);
      }
      if (!seeds.has(id.split('-')[0])) problems.push(`${where} cites ${id} without @seed:${id.split('-')[0]}`);
    }
    for (const seed of seeds) if (!citedSeeds.has(seed)) problems.push(`${where} has @seed:${seed} but cites no requirement of it`);
  }
  for (const r of requirements) {
    if (!r.notTestedReason && coverage.get(r.id)!.length === 0) problems.push(`requirement ${r.id} has no scenario tagged @req:${r.id}`);
  }
  return { problems, coverage };
}

/** coverage.csv: one row per requirement, its scenarios joined with " | " (generated; do not edit). */
export function renderCoverageCsv(requirements: readonly Requirement[], coverage: Map<string, string[]>): string {
  const lines = ['id,status,scenario_count,scenarios'];
  for (const r of requirements) {
    const scenarios = coverage.get(r.id) ?? [];
    const status = r.notTestedReason ? 'not tested' : 'tested';
    lines.push([r.id, status, String(scenarios.length), scenarios.join(' | ')].map(csvField).join(','));
  }
  return `${lines.join('\n')}\n`;
}

export interface RunOptions {
  readonly write?: boolean;
  readonly paths?: Partial<typeof DEFAULT_PATHS>;
}

/** Checks everything; with write, regenerates coverage.csv instead of failing when it is stale. */
export function runCoverageCheck(options: RunOptions = {}): string[] {
  const paths = { ...DEFAULT_PATHS, ...options.paths };
  const requirements = loadRequirements(paths.catalogue);
  const { problems, coverage } = checkCoverage(requirements, loadScenarios(paths.features));
  const rendered = renderCoverageCsv(requirements, coverage);
  if (options.write) writeFileSync(paths.coverage, rendered);
  else if (!existsSync(paths.coverage) || readFileSync(paths.coverage, 'utf8') !== rendered) {
    problems.push(`${relative(PROJECT_ROOT, paths.coverage)} is stale: run node --import tsx requirements/check_coverage.ts --write`);
  }
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const problems = runCoverageCheck({ write: process.argv.includes('--write') });
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) process.exitCode = 1;
  else console.log('requirements coverage: every tested requirement has a scenario; coverage.csv is up to date');
}
