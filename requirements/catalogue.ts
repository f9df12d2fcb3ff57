// The requirements catalogue (requirements/seeds.csv): one row per documented rule, with the seed's
// own words and, where a rule is not tested, why. Read by the coverage check and by the report writers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../api/project_root.ts';

export interface Requirement {
  readonly id: string;
  /** The seed file (or contract/openapi.json for memberspec's own contract rules). */
  readonly seed: string;
  readonly section: string;
  /** The seed's own words. */
  readonly requirement: string;
  readonly conformance: string;
  /** Set when no scenario tests the requirement, with the reason. */
  readonly notTestedReason?: string;
}

export const CATALOGUE_PATH = join(PROJECT_ROOT, 'requirements', 'seeds.csv');
const CATALOGUE_COLUMNS = ['id', 'seed', 'section', 'requirement', 'conformance', 'not_tested_reason'];
// Two digits, three once a seed has more than 99 rows (000-100).
const ID_PATTERN = /^([0-9]{3}|contract)-[0-9]{2,3}$/;

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

export function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function parseCatalogue(text: string): Requirement[] {
  const [header, ...rows] = parseCsv(text);
  if (header?.join(',') !== CATALOGUE_COLUMNS.join(',')) {
    throw new Error(`catalogue header must be ${CATALOGUE_COLUMNS.join(',')}, got ${header?.join(',')}`);
  }
  const seen = new Set<string>();
  return rows.map((cells, index) => {
    if (cells.length !== CATALOGUE_COLUMNS.length) throw new Error(`catalogue row ${index + 2} has ${cells.length} fields, expected 6`);
    const [id, seed, section, requirement, conformance, reason] = cells;
    if (!ID_PATTERN.test(id)) throw new Error(`catalogue row ${index + 2}: bad id "${id}"`);
    if (seen.has(id)) throw new Error(`catalogue row ${index + 2}: duplicate id ${id}`);
    seen.add(id);
    return { id, seed, section, requirement, conformance, ...(reason.trim() ? { notTestedReason: reason.trim() } : {}) };
  });
}

export function loadRequirements(path = CATALOGUE_PATH): Requirement[] {
  return parseCatalogue(readFileSync(path, 'utf8'));
}

/** Requirement id -> the seed's words, for report writers. */
export function requirementTexts(requirements: readonly Requirement[] = loadRequirements()): Map<string, string> {
  return new Map(requirements.map((r) => [r.id, r.requirement]));
}
