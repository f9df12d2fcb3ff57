// No report file and no printed line may hold a till's credentials in any form, even when the target
// echoes them in its answers: certify against a vendor that does, then grep everything it wrote.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../cli/cli_spec_support.ts';
import { startEchoingVendor, type EchoingVendor } from './echoing_vendor.ts';

/** Scenarios that read customers (refused with the echo) and make refused requests (echoed too). */
const TAGS = '@req:contract-01 or @req:contract-02 or @req:002-04';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Runs certify and checks that the echo reached the run (so the check can fail) and no secret left it. */
async function assertNoSecretWritten(vendor: EchoingVendor, reports: string, args: string[]): Promise<void> {
  const run = await runCli('certify', '--target', vendor.url, '--tags', TAGS, '--reports', reports, ...args);
  assert.equal(run.code, 1, `the refused reads fail scenarios: ${run.stdout}${run.stderr}`);
  assert.ok(vendor.echoes() > 0 && vendor.echoed.size > 0, 'the vendor echoed credentials');
  const written = filesUnder(reports);
  for (const name of ['index.html', 'summary.json', 'junit.xml', 'messages.ndjson']) {
    assert.ok(written.some((file) => path.basename(file) === name), `${name} was written`);
  }
  const outputs: [string, string][] = [
    ['stdout', run.stdout],
    ['stderr', run.stderr],
    ...written.map((file): [string, string] => [path.relative(reports, file), readFileSync(file, 'utf8')]),
  ];
  for (const [username, forms] of vendor.echoed) {
    for (const form of forms) {
      for (const [where, text] of outputs) {
        assert.equal(text.includes(form), false, `${where} holds a secret form of till ${username}: ${form}`);
      }
    }
  }
  // The echo was there and is shown redacted: the message survives, the secret does not.
  const summary = readFileSync(path.join(reports, 'latest', 'summary.json'), 'utf8');
  assert.match(summary, /request authorized as \\"Basic \[redacted\]\\" \(base64 \[redacted\], credentials \[redacted\], md5 \[redacted\], password \[redacted\]\)/);
  assert.match(run.stdout, /request authorized as "Basic \[redacted\]"/);
}

test('an echoing target with the test-control extension: no secret in any report or output', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-echo-'));
  const vendor = await startEchoingVendor();
  try {
    await assertNoSecretWritten(vendor, path.join(dir, 'reports'), []);
  } finally {
    await vendor.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an echoing target certified with a profile: no secret in any report or output', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-echo-'));
  const vendor = await startEchoingVendor();
  try {
    // The vendor's admin makes the fixed org; the vendor remembers its password like any other.
    const response = await fetch(`${vendor.url}/x-memberspec/orgs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"configs":{}}' });
    const { entity } = (await response.json()) as { entity: { till: { username: string; password: string } } };
    const profile = path.join(dir, 'acme.json');
    writeFileSync(profile, JSON.stringify({ name: 'Acme', till: entity.till, configs: {} }));
    await assertNoSecretWritten(vendor, path.join(dir, 'reports'), ['--profile', profile]);
  } finally {
    await vendor.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
