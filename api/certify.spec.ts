// certify() end to end on a few scenarios: the run directory, its files, and reports/latest as a real copy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { certify, UsageError } from './certify.ts';

test('writes every report into reports/<run-id>/ and copies it to latest/', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-certify-'));
  try {
    const progress: number[] = [];
    const result = await certify({ tags: '@req:contract-01', reportsDir: dir, onProgress: (p) => progress.push(p.done) });
    assert.equal(result.ok, true);
    assert.ok(result.counts.total > 0);
    assert.deepEqual(progress, Array.from({ length: result.counts.total }, (_, i) => i + 1));
    for (const file of ['messages.ndjson', 'junit.xml', 'summary.json', 'index.html']) {
      assert.ok(existsSync(path.join(result.reportDir, file)), file);
      assert.ok(existsSync(path.join(result.latestDir, file)), `latest/${file}`);
    }
    assert.equal(lstatSync(result.latestDir).isSymbolicLink(), false);
    const summary = JSON.parse(readFileSync(result.summaryPath, 'utf8'));
    assert.equal(summary.runId, result.runId);
    assert.equal(summary.target.driver, 'in-process');
    assert.match(summary.suite.version, /^\d+\.\d+\.\d+/);
    assert.ok(result.writers.every((w) => w.ok));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad options are usage errors, before any work', async () => {
  await assert.rejects(certify({ target: 'localhost:8080' }), UsageError);
  await assert.rejects(certify({ parallel: -1 }), UsageError);
  await assert.rejects(certify({ stepTimeoutMs: 0 }), UsageError);
  await assert.rejects(certify({ target: 'http://127.0.0.1:9', profile: 'does-not-exist.json' }), UsageError);
});

test('a second run in the same process finds the same steps, serial or parallel', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-certify-'));
  try {
    const tags = '@req:contract-01';
    const serial = await certify({ tags, reportsDir: dir });
    const parallel = await certify({ tags, reportsDir: dir, parallel: 2 });
    assert.ok(serial.counts.total > 0);
    assert.deepEqual(parallel.counts, serial.counts);
    assert.equal(parallel.ok, true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a target without the test-control extension and no profile is a usage error naming --profile', async () => {
  const server = createServer((_request, response) => response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const target = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await assert.rejects(certify({ target }), (error: Error) => {
      assert.ok(error instanceof UsageError);
      assert.match(error.message, /does not offer the test-control extension \(POST \/x-memberspec\/orgs answered 404\).*--profile FILE/);
      return true;
    });
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test('--name selects scenarios by plain text in their names, brackets included', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-certify-'));
  try {
    const name = 'Example 2: campaign user matched on email, loyalty user on mobile (transaction)';
    const result = await certify({ name, reportsDir: dir });
    assert.deepEqual(result.report.scenarios.map((s) => s.name), [name]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
