// The generator's ground truth comes from how the population is built, never from the reference's rules:
// nothing under generators/ may reach reference/, driver/, contract/ or steps/, directly or through
// another module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const GENERATORS = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(GENERATORS);
const FORBIDDEN = ['reference', 'driver', 'contract', 'steps'];

/** Relative module specifiers of a source file (static and dynamic imports, re-exports). */
export function relativeImports(source: string): string[] {
  const found: string[] = [];
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /\bimport\s+['"]([^'"]+)['"]/g, /new\s+URL\(\s*['"]([^'"]+)['"]/g];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) if (match[1].startsWith('.')) found.push(match[1]);
  return found;
}

/** Every project file reachable from `start` through relative imports. */
function reachable(start: string): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.(ts|mjs|js)$/.test(file) || !existsSync(file)) continue;
    for (const spec of relativeImports(readFileSync(file, 'utf8'))) queue.push(path.resolve(path.dirname(file), spec));
  }
  return seen;
}

test('the import scan sees static, dynamic and URL imports', () => {
  assert.deepEqual(relativeImports(`import a from './a.ts';\nimport type { B } from "../b.ts";\nconst c = await import('./c.ts');\nimport './d.ts';\nnew URL('./e.mjs', import.meta.url); import x from 'node:fs';`).sort(), [
    '../b.ts',
    './a.ts',
    './c.ts',
    './d.ts',
    './e.mjs',
  ]);
});

test('nothing under generators/ imports reference/, driver/, contract/ or steps/', () => {
  const sources = readdirSync(GENERATORS).filter((f) => /\.(ts|mjs)$/.test(f) && !f.endsWith('.spec.ts'));
  assert.ok(sources.length >= 5);
  for (const source of sources) {
    for (const file of reachable(path.join(GENERATORS, source))) {
      const top = path.relative(ROOT, file).split(path.sep)[0];
      assert.ok(!FORBIDDEN.includes(top), `${source} reaches ${path.relative(ROOT, file)}`);
    }
  }
});
