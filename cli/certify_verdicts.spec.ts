// Verdicts a CI job reads from `memberspec certify`: a run that judged nothing exits 1 and says so in every
// output; a profile that cannot be right, or whose till the target refuses, is a usage error (exit 2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assertUsageErrors, runCli } from './cli_spec_support.ts';
import { startReferenceServer } from '../reference/server/start_server.ts';

function scratch(): { dir: string; [Symbol.dispose](): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-verdicts-'));
  return { dir, [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }) };
}

/** An org of the reference made through the test-control extension, as a vendor's admin would set up its fixed org. */
async function fixedOrg(url: string, baseCountry: string): Promise<{ username: string; password: string }> {
  const response = await fetch(`${url}/x-memberspec/orgs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ configs: {}, baseCountry }),
  });
  const body = (await response.json()) as { entity: { till: { username: string; password: string } } };
  return body.entity.till;
}

/** The one run directory a run wrote under `reports` (besides latest/). */
function runFiles(reports: string): { summary: Record<string, unknown>; html: string } {
  const dir = path.join(reports, 'latest');
  return { summary: JSON.parse(readFileSync(path.join(dir, 'summary.json'), 'utf8')), html: readFileSync(path.join(dir, 'index.html'), 'utf8') };
}

test('a selection that matches no scenario judged nothing: exit 1, and every output says so', async () => {
  using tmp = scratch();
  const r = await runCli('certify', '--tags', '@req:no-such-requirement', '--reports', tmp.dir);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /NOTHING JUDGED, NOT CERTIFIED: No scenario ran: none matches --tags "@req:no-such-requirement"/);
  const { summary, html } = runFiles(tmp.dir);
  assert.equal(summary.verdict, 'nothingJudged');
  assert.deepEqual(summary.selection, { tags: '@req:no-such-requirement' });
  assert.match(html, /<strong>Nothing judged: not certified<\/strong>No scenario ran: none matches --tags/);
  const junit = readFileSync(path.join(tmp.dir, 'latest', 'junit.xml'), 'utf8');
  assert.match(junit, /<testsuites [^>]*errors="1"/);
  assert.match(junit, /<error message="No scenario ran: none matches --tags &quot;@req:no-such-requirement&quot;[^"]*" type="nothingJudged">/);
});

test('a profile whose org runs none of the selected scenarios judged nothing: exit 1, not 0', async () => {
  using tmp = scratch();
  const server = await startReferenceServer();
  try {
    // A real country, but not the one the scenarios assume: every scenario is not applicable.
    const till = await fixedOrg(server.url, 'SG');
    const profile = path.join(tmp.dir, 'sg.json');
    writeFileSync(profile, JSON.stringify({ name: 'Acme SG', till, configs: {}, baseCountry: 'SG' }));
    const reports = path.join(tmp.dir, 'reports');
    const r = await runCli('certify', '--target', server.url, '--profile', profile, '--tags', '@req:contract-01', '--reports', reports);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /NOTHING JUDGED, NOT CERTIFIED: No scenario was judged: all \d+ were not applicable/);
    assert.match(r.stdout, /First not-applicable reason: needs baseCountry=IN, target has SG/);
    const { summary, html } = runFiles(reports);
    assert.equal(summary.verdict, 'nothingJudged');
    assert.match(html, /Nothing judged: not certified/);
  } finally {
    await server.close();
  }
});

test('profile values that cannot be right are usage errors, one line each', async () => {
  using tmp = scratch();
  const server = await startReferenceServer();
  try {
    const till = { username: 'till.acme', password: 'secret' };
    const profile = (name: string, body: Record<string, unknown>): string[] => {
      const file = path.join(tmp.dir, name);
      writeFileSync(file, JSON.stringify({ name: 'Acme', configs: {}, till, ...body }));
      return ['certify', '--target', server.url, '--profile', file];
    };
    await assertUsageErrors([
      [profile('mistyped_country.json', { baseCountry: 'IND' }), /"baseCountry" "IND" is not a country code/],
      [profile('no_such_country.json', { baseCountry: 'XX' }), /"baseCountry" "XX" is not a country code/],
      [profile('bad_supported.json', { supportedCountries: ['SG', 'Malaysia'] }), /"supportedCountries" has "Malaysia"/],
      [profile('empty_user.json', { till: { username: ' ', password: 'secret' } }), /"till.username" is empty/],
      [profile('colon_user.json', { till: { username: 'acme:till', password: 'secret' } }), /"till.username" contains ":"/],
      [profile('empty_password.json', { till: { username: 'till.acme', password: '' } }), /"till.password" is empty/],
    ]);
  } finally {
    await server.close();
  }
});

test('till credentials the target refuses stop the run before any scenario: exit 2, one line', async () => {
  using tmp = scratch();
  const server = await startReferenceServer();
  try {
    const till = await fixedOrg(server.url, 'IN');
    const file = path.join(tmp.dir, 'wrong_password.json');
    writeFileSync(file, JSON.stringify({ name: 'Acme', configs: {}, till: { ...till, password: `${till.password}-old` } }));
    const reports = path.join(tmp.dir, 'reports');
    await assertUsageErrors([
      [
        ['certify', '--target', server.url, '--profile', file, '--reports', reports],
        new RegExp(`refused the till credentials of profile wrong_password\\.json \\(till "${till.username}": an authenticated read answered 401\\)`),
      ],
    ]);
    // Stopped before the run: no report was written.
    assert.throws(() => readFileSync(path.join(reports, 'latest', 'summary.json')));
  } finally {
    await server.close();
  }
});
