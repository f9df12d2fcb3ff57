// Tests profile mode end to end, as a vendor without the test-control extension certifies: the reference
// server gets ONE org with a fixed configuration (that of examples/vendor_profile.json), a profile file
// describes it, and certify() runs over HTTP with `profile` set, as `memberspec certify --profile` does.
// The run must pass everything it can judge, report the rest as not applicable with a reason naming the
// setting or capability it needs, and show those reasons in summary.json and index.html.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../api/project_root.ts';
import { configDescriptions } from '../contract/contract.ts';
import { loadVendorProfile } from '../driver/vendor_profile.ts';
import { startReferenceServer } from '../reference/server/start_server.ts';
import { createIdentityService } from '../reference/service/create_identity_service.ts';
import {
  certifyWithin,
  checkReportWriters,
  escapeHtml,
  outcomeCollector,
  readHtml,
  readSummary,
  runWhenMain,
  type CheckOutcome,
} from './check_support.ts';

export const EXAMPLE_PROFILE = path.join(PROJECT_ROOT, 'examples', 'vendor_profile.json');

export const PROFILE_DEFAULTS = {
  /** The whole certification must end within this. */
  overallLimitMs: 240_000,
  stepTimeoutMs: 5_000,
} as const;

/** The settings a scenario declares in its own text: "an org with these settings:" tables and "the org setting X is Y". */
export function declaredSettings(steps: readonly { text: string; table?: string[][] }[]): Map<string, string> {
  const settings = new Map<string, string>();
  for (const step of steps) {
    const single = /^the org setting (CONF_\w+) is (\S+)$/.exec(step.text);
    if (single) settings.set(single[1], single[2]);
    if (/settings:$/.test(step.text)) {
      for (const [name, value] of step.table ?? []) if (/^(CONF_|SOURCE_ACCOUNTS_)/.test(name ?? '') && value !== undefined) settings.set(name, value);
    }
  }
  return settings;
}

/**
 * The fixed org's value of every setting: the profile's, else the contract's documented default. A
 * must-state setting (the loyalty program's) the profile leaves out has no known value.
 */
function fixedOrgSettings(profileConfigs: Record<string, unknown>): Map<string, string> {
  const values = new Map<string, string>();
  for (const [name, description] of configDescriptions()) {
    const value = name in profileConfigs ? profileConfigs[name] : description.profileMustState ? undefined : description.default;
    if (value !== undefined) values.set(name, String(value));
  }
  return values;
}

/** One clause of a not-applicable reason must name what the scenario needs: a setting or a capability. */
const NAMES_A_NEED = /\bneeds (CONF_[A-Z0-9_]+|SOURCE_ACCOUNTS_EXTERNALID_ENABLED|baseCountry|supportedCountries|statusLabels)=|test-control extension/;
/** "needs CONF_X=true, target has false": what the scenario needs and what the fixed org has. */
const MISMATCH = /\bneeds ([A-Za-z_][A-Za-z0-9_]*)=(.*?), target has (.*)$/;

/** Runs the check; every assertion is one outcome (the runner counts each as a test). */
export async function runVendorProfileCheck(reportsDir: string): Promise<CheckOutcome[]> {
  const { outcomes, check } = outcomeCollector();
  // The reference over a service that counts org creations: profile mode must never ask for another org.
  const service = createIdentityService();
  let orgsCreated = 0;
  const counting = new Proxy(service, {
    get(target, key, receiver) {
      if (key === 'createOrg') {
        return (...args: Parameters<typeof service.createOrg>) => {
          orgsCreated += 1;
          return target.createOrg(...args);
        };
      }
      return Reflect.get(target, key, receiver);
    },
  });
  const server = await startReferenceServer({ port: 0, host: '127.0.0.1', service: counting });
  const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-profile-'));
  try {
    // The fixed org: the example profile's configuration, created through the test-control extension
    // (the vendor's own admin would do this); the profile file then carries its till's credentials.
    const example = JSON.parse(readFileSync(EXAMPLE_PROFILE, 'utf8')) as Record<string, unknown>;
    let orgId: number | undefined;
    let profileFile = '';
    try {
      loadVendorProfile(EXAMPLE_PROFILE); // the documented example itself must be a valid profile
      const response = await fetch(`${server.url}/x-memberspec/orgs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ configs: example.configs, baseCountry: example.baseCountry, supportedCountries: example.supportedCountries }),
      });
      const body = (await response.json()) as { entity?: { orgId?: number; till?: { username: string; password: string } } };
      if (response.status !== 201 || typeof body.entity?.orgId !== 'number' || !body.entity.till) {
        throw new Error(`the test-control extension answered ${response.status}: ${JSON.stringify(body).slice(0, 200)}`);
      }
      orgId = body.entity.orgId;
      profileFile = path.join(dir, 'fixed_org.json');
      writeFileSync(profileFile, JSON.stringify({ ...example, till: body.entity.till }, null, 2));
      check('one org is created with the configuration of examples/vendor_profile.json', true, `org ${orgId}: ${JSON.stringify(example.configs)}`);
    } catch (error) {
      check('one org is created with the configuration of examples/vendor_profile.json', false, error instanceof Error ? error.message : String(error));
      return outcomes;
    }
    const orgsBefore = orgsCreated;

    const result = await certifyWithin(
      check,
      { target: server.url, profile: profileFile, reportsDir, stepTimeoutMs: PROFILE_DEFAULTS.stepTimeoutMs },
      PROFILE_DEFAULTS.overallLimitMs,
      'certifying the fixed org',
    );
    if (!result) return outcomes;
    const scenarios = result.report.scenarios;
    const { counts } = result;

    const problems = scenarios.filter((s) => s.verdict === 'failed' || s.verdict === 'error');
    check(
      'no scenario fails or errors in profile mode',
      problems.length === 0 && !result.runError && result.ok && result.verdict === 'passed',
      problems.length
        ? `${problems.length}, first: ${problems[0].verdict} ${problems[0].feature} › ${problems[0].name}: ${(problems[0].message ?? problems[0].reason ?? '').split('\n')[0]}`.slice(0, 240)
        : result.runError
          ? `run problem: ${result.runError}`
          : `verdict ${result.verdict}`,
    );

    const notApplicable = scenarios.filter((s) => s.verdict === 'notApplicable');
    check('scenarios needing another configuration are not applicable', notApplicable.length > 0, `${notApplicable.length} not applicable`);

    const clauses = notApplicable.flatMap((s) => (s.reason ?? '').split('; ').map((clause) => ({ scenario: s, clause })));
    const unnamed = clauses.filter(({ clause }) => !NAMES_A_NEED.test(clause));
    check(
      'every not-applicable reason names the setting or capability it needs',
      notApplicable.length > 0 && unnamed.length === 0,
      unnamed.length ? `${unnamed.length} without, e.g. "${unnamed[0].scenario.name}": "${unnamed[0].clause}"` : undefined,
    );

    // A scenario whose settings all match the fixed org must run: no reason may claim a mismatch where
    // there is none, and the one org has one value per setting.
    const has = new Map<string, Set<string>>();
    const falseMismatches: string[] = [];
    for (const { clause } of clauses) {
      const m = MISMATCH.exec(clause);
      if (!m) continue;
      if (m[2] === m[3]) falseMismatches.push(clause);
      has.set(m[1], (has.get(m[1]) ?? new Set()).add(m[3]));
    }
    const ambiguous = [...has].filter(([, values]) => values.size > 1).map(([name, values]) => `${name}: ${[...values].join(' / ')}`);
    check(
      'not-applicable reasons agree with the one fixed configuration',
      falseMismatches.length === 0 && ambiguous.length === 0,
      [...falseMismatches.slice(0, 2), ...ambiguous.slice(0, 2)].join('; ') || `${has.size} settings named`,
    );

    // Applicability read straight from the feature text, independently of the driver: a scenario that
    // declares a setting the fixed org does not have must be not applicable, and one whose declared
    // settings all match must not be turned away over a setting (it may still need the extension).
    const fixed = fixedOrgSettings((example.configs ?? {}) as Record<string, unknown>);
    const same = (a: string | undefined, b: string | undefined) => a?.toLowerCase() === b?.toLowerCase();
    const wrong: string[] = [];
    let mismatching = 0;
    for (const scenario of scenarios) {
      const declared = [...declaredSettings(scenario.steps)];
      const differs = declared.filter(([name, value]) => !same(value, fixed.get(name)));
      const turnedAwayOverSetting = scenario.verdict === 'notApplicable' && /\bneeds CONF_/.test(scenario.reason ?? '');
      if (differs.length > 0) mismatching += 1;
      if (differs.length > 0 && scenario.verdict !== 'notApplicable') wrong.push(`"${scenario.name}" declares ${differs[0].join('=')} but ran`);
      if (differs.length === 0 && turnedAwayOverSetting) wrong.push(`"${scenario.name}" matches the fixed org but: ${scenario.reason}`);
    }
    const capabilities = new Set(scenarios.filter((s) => s.verdict === 'passed').map((s) => s.capability));
    check(
      'applicability follows the feature text: scenarios whose declared settings match the fixed org run',
      wrong.length === 0 && mismatching > 0 && counts.passed > 0 && counts.passed + counts.notApplicable === counts.total,
      wrong.length
        ? `${wrong.length} wrong, first: ${wrong[0]}`.slice(0, 240)
        : `${mismatching} declare another setting; ${counts.passed} passed in ${capabilities.size} capabilities, ${counts.notApplicable} not applicable, of ${counts.total}`,
    );

    const customers = orgId === undefined ? 0 : service.listCustomers(orgId).customers.length;
    check(
      'every scenario used the one fixed org (no org requested, its customers are there)',
      orgsCreated === orgsBefore && customers > 0,
      `${orgsCreated - orgsBefore} orgs requested during the run, ${customers} customers in the fixed org`,
    );

    checkReportWriters(check, result);

    const summary = readSummary(result.summaryPath);
    const summaryNa = (summary.scenarios ?? []).filter((s) => s.verdict === 'notApplicable');
    // summary.json lists the scenarios in the report's order (outline rows may share a name).
    const missingInSummary = notApplicable.filter(
      (s, i) => !s.reason || summaryNa[i]?.name !== s.name || summaryNa[i]?.reason !== s.reason,
    );
    check(
      'summary.json records the profile and every not-applicable reason',
      summary.target?.profile === path.basename(profileFile) &&
        summaryNa.length === notApplicable.length &&
        notApplicable.length > 0 &&
        missingInSummary.length === 0,
      missingInSummary.length
        ? `missing for "${missingInSummary[0].name}"`
        : `target.profile ${JSON.stringify(summary.target?.profile)}, ${summaryNa.length} reasons`,
    );

    const html = readHtml(result.htmlPath);
    const reasons = [...new Set(notApplicable.map((s) => s.reason ?? ''))];
    const missingInHtml = reasons.filter((r) => !r || !html.includes(escapeHtml(r)));
    check(
      'index.html shows every not-applicable reason',
      html.length > 0 && reasons.length > 0 && missingInHtml.length === 0,
      missingInHtml.length ? `missing: "${missingInHtml[0]}"` : `${reasons.length} distinct reasons`,
    );
    return outcomes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
}

// `tsx test/vendor_profile_check.ts` runs the check on its own.
await runWhenMain(import.meta.url, runVendorProfileCheck);
