// Reads requirements/seeds.csv (columns id,seed,section,requirement,conformance,not_tested_reason)
// so reports can trace every requirement to the scenarios that verify it, including untested ones.
import { existsSync, readFileSync } from 'node:fs';

export interface Requirement {
  id: string;
  seed: string;
  section: string;
  requirement: string;
  conformance: string;
  notTestedReason: string;
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

export function parseRequirements(text: string): Requirement[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  if (!header) return [];
  const col = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name);
  const idx = {
    id: col('id'),
    seed: col('seed'),
    section: col('section'),
    requirement: col('requirement'),
    conformance: col('conformance'),
    notTestedReason: col('not_tested_reason'),
  };
  const get = (r: string[], i: number) => (i >= 0 ? (r[i] ?? '').trim() : '');
  return rows
    .map((r) => ({
      id: get(r, idx.id),
      seed: get(r, idx.seed),
      section: get(r, idx.section),
      requirement: get(r, idx.requirement),
      conformance: get(r, idx.conformance),
      notTestedReason: get(r, idx.notTestedReason),
    }))
    .filter((r) => r.id !== '');
}

/** The catalogue, or an empty list when the file does not exist (the report then lists cited ids only). */
export function loadRequirements(csvPath: string): Requirement[] {
  if (!existsSync(csvPath)) return [];
  return parseRequirements(readFileSync(csvPath, 'utf8'));
}
