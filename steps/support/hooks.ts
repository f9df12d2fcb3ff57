// Scenario life cycle: a driver per scenario from the world parameters, the transcript attached when a
// scenario fails, and "not applicable" turned into a skipped step with its reason attached.
import { After, Before, Status, setDefaultTimeout, setDefinitionFunctionWrapper } from '@cucumber/cucumber';
import { expect } from 'chai';
import { NotApplicableError } from '../../driver/driver.ts';
import { makeDriver } from '../../driver/make_driver.ts';
import type { MemberspecWorld } from './world.ts';

export const NOT_APPLICABLE_MEDIA_TYPE = 'text/x.memberspec.not-applicable';
export const TRANSCRIPT_MEDIA_TYPE = 'application/x.memberspec.transcript+json';

const DEFAULT_STEP_TIMEOUT_MS = 15000;
const fromEnv = Number(process.env.MEMBERSPEC_STEP_TIMEOUT_MS);
setDefaultTimeout(Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_STEP_TIMEOUT_MS);

// A target whose fixed configuration cannot run the scenario answers NotApplicableError from any
// driver call (the org is created lazily); the step then reports 'skipped' with the reason.
setDefinitionFunctionWrapper((fn: (...args: unknown[]) => unknown) =>
  async function (this: MemberspecWorld, ...args: unknown[]) {
    try {
      return await fn.apply(this, args);
    } catch (error) {
      if (error instanceof NotApplicableError) {
        this.attach(error.message, NOT_APPLICABLE_MEDIA_TYPE);
        return 'skipped';
      }
      throw error;
    }
  },
);

Before(function (this: MemberspecWorld) {
  this.driver = makeDriver(this.parameters);
});

After(async function (this: MemberspecWorld, { result }) {
  const driver = this.driver;
  if (!driver) return;
  const unchecked = result?.status === Status.PASSED ? this.uncheckedRefusal() : undefined;
  try {
    const transcript = driver.takeTranscript();
    if (result?.status === Status.FAILED || unchecked) this.attach(JSON.stringify(transcript), TRANSCRIPT_MEDIA_TYPE);
  } finally {
    await driver.close();
  }
  // Fails the scenario: a When step's refusal that no Then step looked at must not pass unnoticed.
  if (unchecked) expect.fail(unchecked);
});
