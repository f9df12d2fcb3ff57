// Shared by the CLI specs that run `memberspec` as a user would, from the project root.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request as httpRequest } from 'node:http';
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

/** A CLI started in the background: its output so far, a wait for a line on stderr, and its end. */
export interface RunningCli {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first stderr line matching, or rejects when the CLI ends without one. */
  waitForStderr(pattern: RegExp): Promise<string>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; atMs: number }>;
}

export function startCli(args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): RunningCli {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? PROJECT_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: (line: string) => void; reject: (e: Error) => void }[] = [];
  const check = () => {
    for (const w of [...waiters]) {
      const line = stderr.split('\n').find((l) => w.pattern.test(l));
      if (line !== undefined) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  };
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    check();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; atMs: number }>((resolve) =>
    child.on('close', (code, signal) => {
      for (const w of waiters.splice(0)) w.reject(new Error(`the CLI ended (code ${code}) before a line matched ${w.pattern}:\n${stderr}`));
      resolve({ code, signal, atMs: Date.now() });
    }),
  );
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    waitForStderr: (pattern) =>
      new Promise((resolve, reject) => {
        waiters.push({ pattern, resolve, reject });
        check();
      }),
    exited,
  };
}

/**
 * A gateway in front of a server, as vendors' staging often has: it can delay answers (all, or those
 * to given paths) and refuse (401) requests without a required header. Records each request's path.
 */
export async function startGateway(
  upstream: string,
  options: { delayMs?: number; delayPaths?: readonly string[]; requiredHeader?: readonly [string, string] } = {},
): Promise<{ url: string; paths: string[]; close(): void }> {
  const paths: string[] = [];
  const target = new URL(upstream);
  const server = createServer((request, response) => {
    paths.push(request.url ?? '');
    const [name, value] = options.requiredHeader ?? [];
    if (name && request.headers[name.toLowerCase()] !== value) {
      response.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"gateway: missing API key"}');
      request.resume();
      return;
    }
    const delayed = options.delayMs && (!options.delayPaths || options.delayPaths.some((p) => request.url?.startsWith(p)));
    setTimeout(
      () => {
        const forward = httpRequest(
          { host: target.hostname, port: target.port, path: request.url, method: request.method, headers: request.headers },
          (answer) => {
            response.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(response);
          },
        );
        forward.on('error', () => response.destroy());
        request.pipe(forward);
      },
      delayed ? options.delayMs : 0,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    paths,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
