// Tests the tests, finer than the naive vendor: each mutant vendor (mutant_vendors.ts) is the reference
// with one planted bug. The suite must certify every mutant as not conformant, with a failure (never a
// harness error) in the feature a product owner would expect. The detail line shows how many scenarios
// failed and how many still passed, so a bug that breaks far more than its feature stands out.
import { certifyWithin, outcomeCollector, runWhenMain, type CheckOutcome } from './check_support.ts';
import { MUTANTS, startMutantVendor } from './mutant_vendors.ts';

const LIMIT_MS = 120_000;
// Scenarios that send a thousand requests (the seed's HOLIMAN100 and 1000/20 examples) run in the feature
// tiers; each rule they illustrate also has a small scenario, which is what the mutants are caught by.
const TAGS = 'not @bulk';

export async function runMutantVendorsCheck(reportsDir: string): Promise<CheckOutcome[]> {
  const { outcomes, check } = outcomeCollector();
  // Control: the proxy with no bug planted must be certified conformant, so a catch is the bug's doing.
  const control = await startMutantVendor({ bug: 'none', caughtIn: [] });
  try {
    const ignored = outcomeCollector();
    const result = await certifyWithin(ignored.check, { target: control.url, reportsDir, tags: TAGS }, LIMIT_MS, 'certifying the bare proxy');
    check('the proxy without a planted bug is certified conformant', result?.ok === true, result ? `${result.counts.passed} passed, ${result.counts.failed} failed, ${result.counts.error} error` : ignored.outcomes[0]?.detail);
  } finally {
    await control.close();
  }
  // MEMBERSPEC_MUTANTS=name,name runs only those mutants (while working on one rule group).
  const only = process.env.MEMBERSPEC_MUTANTS?.split(',').map((name) => name.trim()).filter(Boolean);
  for (const [name, mutant] of Object.entries(MUTANTS)) {
    if (only && !only.includes(name)) continue;
    const vendor = await startMutantVendor(mutant);
    try {
      const ignored = outcomeCollector();
      const result = await certifyWithin(ignored.check, { target: vendor.url, reportsDir, tags: TAGS }, LIMIT_MS, `certifying mutant ${name}`);
      if (!result) {
        check(`${name}: caught`, false, ignored.outcomes.map((o) => o.detail).join('; '));
        continue;
      }
      const scenarios = result.report.scenarios;
      const failed = scenarios.filter((s) => s.verdict === 'failed');
      const errors = scenarios.filter((s) => s.verdict === 'error');
      const inExpectedFeature = failed.filter((s) => mutant.caughtIn.some((file) => s.featureUri.endsWith(file)));
      const passed = scenarios.filter((s) => s.verdict === 'passed').length;
      check(
        `${name}: caught (${mutant.bug})`,
        !result.ok && inExpectedFeature.length > 0 && errors.length === 0 && passed > 0,
        errors.length > 0
          ? `${errors.length} harness errors, first: ${errors[0].message ?? ''}`.slice(0, 200)
          : `${failed.length} failed from ${result.report.failureGroups.length} cause${result.report.failureGroups.length === 1 ? '' : 's'}, ${inExpectedFeature.length} in ${mutant.caughtIn.join(' or ')}, first: "${inExpectedFeature[0]?.name ?? failed[0]?.name ?? 'none'}"; ${passed} still pass`,
      );
    } finally {
      await vendor.close();
    }
  }
  return outcomes;
}

// `tsx test/mutant_vendors_check.ts` runs the check on its own.
await runWhenMain(import.meta.url, runMutantVendorsCheck);
