// The project's own files (cucumber.mjs, features, requirements) are found from this module's place,
// never from the caller's working directory, so `npx memberspec` works from anywhere. The root is the
// nearest folder above with a package.json: api/ in a checkout, dist/api/ in an installed package.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function packageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`memberspec is incomplete: no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = packageRoot(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));

/** Running the compiled JavaScript in dist/ (an installed package), not the TypeScript sources through tsx. */
export const COMPILED = import.meta.url.endsWith('.js');

export function suiteInfo(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
}
