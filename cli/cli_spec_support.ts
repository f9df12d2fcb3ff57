// Shared by the CLI specs that run `memberspec` as a user would, from the project root.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from '../api/project_root.ts';

export const BIN = path.join(PROJECT_ROOT, 'bin', 'memberspec.mjs');

/** Runs the CLI without blocking this process (a test server in this process must keep answering). */
export function runCli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A server that answers every request 404: reachable, but without the test-control extension. */
export async function startBareServer(): Promise<{ url: string; close(): void }> {
  const server = createServer((_request, response) => response.writeHead(404).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => void server.close() };
}

/** Each command line must be a usage error: exit 2, one line on stderr matching its message, no stack trace. */
export async function assertUsageErrors(cases: readonly (readonly [string[], RegExp])[]): Promise<void> {
  for (const [args, message] of cases) {
    const r = await runCli(...args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, `one line: ${r.stderr}`);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
}
