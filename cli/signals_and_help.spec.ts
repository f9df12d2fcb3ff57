// What starts the CLI passes SIGTERM on (`npx memberspec serve` stops), and the help a CI engineer needs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { PROJECT_ROOT } from '../api/project_root.ts';
import { runCli } from './cli_spec_support.ts';

test('--help shows examples, exit codes and environment variables; `help certify` exits 0', async () => {
  for (const args of [['--help'], ['certify', '--help'], ['help', 'certify'], ['seed', '--help']]) {
    const r = await runCli(...args);
    assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stdout, /^Usage: memberspec/m);
    assert.match(r.stdout, /^Examples:\n {2}memberspec /m, args.join(' '));
    assert.match(r.stdout, /^Exit codes:\n {2}0 .*\n[\s\S]* {2}130 +stopped by SIGINT or SIGTERM/m, args.join(' '));
    assert.match(r.stdout, /^Environment variables:\n[\s\S]*MEMBERSPEC_TILL_PASSWORD[\s\S]*HTTP_PROXY, HTTPS_PROXY, NO_PROXY/m, args.join(' '));
  }
  assert.match((await runCli('help', 'certify')).stdout, /^Usage: memberspec certify/);
});

/** Resolves once `url` refuses connections (the server is gone), or rejects after `withinMs`. */
async function gone(url: string, withinMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < withinMs) {
    try {
      await (await fetch(url, { signal: AbortSignal.timeout(1000) })).text();
    } catch {
      return Date.now() - started;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} still answers ${withinMs} ms after SIGTERM`);
}

test('`npx memberspec serve` stopped with SIGTERM stops the server (npx runs it through a shell)', async () => {
  const npx = spawn('npx', ['--no-install', 'memberspec', 'serve', '--port', '0'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    npx.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      const match = /listening on (http:\/\/\S+) /.exec(output);
      if (match) resolve(match[1]);
    });
    npx.stderr.on('data', (d: Buffer) => (output += d.toString()));
    npx.on('close', (code) => reject(new Error(`npx ended (${code}) before the server listened: ${output}`)));
  });
  try {
    assert.equal((await fetch(`${url}/openapi.json`)).status, 200);
    npx.kill('SIGTERM');
    const ms = await gone(`${url}/openapi.json`, 5_000);
    assert.ok(ms < 5_000);
  } finally {
    npx.kill('SIGKILL');
  }
});
