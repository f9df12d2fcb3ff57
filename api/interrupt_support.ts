// Cucumber support file added by certify(): once a run is stopped (a signal, --timeout), every scenario
// that has not started yet is skipped, so the abandoned run ends quickly instead of running on unseen.
import { Before } from '@cucumber/cucumber';

// Not imported by anything (an import would run this Before outside cucumber's loading): certify() sets
// the same global flag by name.
const STOP_RUN = Symbol.for('memberspec.stopRun');

Before(function () {
  return (globalThis as Record<symbol, unknown>)[STOP_RUN] === true ? 'skipped' : undefined;
});
