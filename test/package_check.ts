// The package as a user gets it: `npm pack` (which builds dist/), the tarball installed into an empty
// folder, then `npx memberspec certify` there. Needs the npm registry for the dependencies (CI has it).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../api/project_root.ts';
import { outcomeCollector, type CheckOutcome } from './check_support.ts';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(command: string, args: readonly string[], cwd: string, limitMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // Not the test run's own npm settings (npm test sets npm_config_* for its scripts).
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const tail = (text: string) => text.trim().split('\n').slice(-6).join(' | ');

export async function runPackageCheck(): Promise<CheckOutcome[]> {
  const { outcomes, check } = outcomeCollector();
  const scratch = mkdtempSync(path.join(tmpdir(), 'memberspec-package-'));
  try {
    const packed = await run(NPM, ['pack', '--json', '--pack-destination', scratch], PROJECT_ROOT, 10 * 60_000);
    let files: string[] = [];
    let tarball = '';
    try {
      const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
      files = info.files.map((f) => f.path);
      tarball = path.join(scratch, info.filename);
    } catch {
      // Reported below.
    }
    check('npm pack builds dist/ and packs a tarball', packed.code === 0 && existsSync(tarball), packed.code === 0 ? undefined : tail(packed.stderr));
    if (!existsSync(tarball)) return outcomes;
    const needed = ['bin/memberspec.mjs', 'dist/cli/main.js', 'dist/api/index.js', 'dist/api/index.d.ts', 'cucumber.mjs', 'contract/openapi.json', 'requirements/seeds.csv', 'LICENSE'];
    const missing = needed.filter((f) => !files.includes(f));
    const sources = files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
    check('the tarball holds the compiled CLI, the features, the contract and the licence, and no TypeScript sources', missing.length === 0 && sources.length === 0 && files.some((f) => f.startsWith('features/')), [
      missing.length ? `missing ${missing.join(', ')}` : '',
      sources.length ? `sources ${sources.slice(0, 3).join(', ')}` : '',
    ].filter(Boolean).join('; '));

    const folder = path.join(scratch, 'user');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name: 'memberspec-user', private: true, type: 'module' }));
    const installed = await run(NPM, ['install', '--no-audit', '--no-fund', tarball], folder, 10 * 60_000);
    check('the tarball installs into an empty folder', installed.code === 0, installed.code === 0 ? undefined : tail(installed.stderr));
    if (installed.code !== 0) return outcomes;

    const help = await run(NPX, ['memberspec', 'help', 'certify'], folder, 60_000);
    check('npx memberspec help certify exits 0', help.code === 0 && /Usage: memberspec certify/.test(help.stdout), tail(help.stderr));

    const api = await run(process.execPath, ['--input-type=module', '-e', "const m = await import('memberspec'); console.log(['certify', 'serve', 'seed', 'soak'].map((n) => typeof m[n]).join(' '))"], folder, 60_000);
    check('the programmatic API is the package export', api.stdout.trim() === 'function function function function', tail(api.stdout + api.stderr));

    const certified = await run(NPX, ['memberspec', 'certify'], folder, 20 * 60_000);
    const summaryFile = path.join(folder, 'reports', 'latest', 'summary.json');
    const summary = existsSync(summaryFile) ? (JSON.parse(readFileSync(summaryFile, 'utf8')) as { verdict: string; counts: { total: number; passed: number } }) : undefined;
    check(
      'npx memberspec certify in that folder certifies the embedded reference (exit 0, every scenario passed)',
      certified.code === 0 && summary?.verdict === 'passed' && summary.counts.total > 0 && summary.counts.passed === summary.counts.total,
      `exit ${certified.code}, ${summary ? `${summary.counts.passed} of ${summary.counts.total} passed` : 'no summary.json'}${certified.code === 0 ? '' : `: ${tail(certified.stdout + certified.stderr)}`}`,
    );
    return outcomes;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
