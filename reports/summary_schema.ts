// The published JSON Schema of summary.json (reports/summary.schema.json, shipped in the package) and a
// validator for it, so tests can hold every summary a run writes to what the schema promises.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../api/project_root.ts';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export const SUMMARY_SCHEMA_FILE = path.join(PROJECT_ROOT, 'reports', 'summary.schema.json');

let validator: ValidateFunction | undefined;

export function summarySchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(SUMMARY_SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
}

/** What keeps a summary from conforming to the schema, one line per problem; empty when it conforms. */
export function summarySchemaProblems(summary: unknown): string[] {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    validator = ajv.compile(summarySchema());
  }
  if (validator(summary)) return [];
  return (validator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
}
