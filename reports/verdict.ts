// The verdict rules of the plan, in one place: a broken rule or contract is "failed"; anything
// that stops the harness from judging (its own bugs, setup, transport, timeouts, undefined steps)
// is "error"; a scenario the target cannot run, with a stated reason, is "not applicable".

export type Verdict = 'passed' | 'failed' | 'error' | 'notApplicable';

/** Exception types that mean the target broke a rule or the contract. */
const FAILURE_TYPES = new Set(['AssertionError', 'ContractViolationError']);

export interface StepOutcome {
  keyword: string;
  text: string;
  /** Cucumber's TestStepResultStatus: PASSED, FAILED, SKIPPED, PENDING, UNDEFINED, AMBIGUOUS, UNKNOWN. */
  status: string;
  errorType?: string;
  message?: string;
}

export interface Classification {
  verdict: Verdict;
  reason?: string;
  message?: string;
  errorType?: string;
  failingStep?: { keyword: string; text: string };
}

/** Classifies one scenario from its steps (hooks included) and its not-applicable attachments. */
export function classifyTestCase(steps: readonly StepOutcome[], notApplicableReasons: readonly string[]): Classification {
  const at = (s: StepOutcome) => ({ keyword: s.keyword, text: s.text });
  const failed = steps.find((s) => s.status === 'FAILED');
  if (failed) {
    const type = failed.errorType ?? 'Error';
    const message = failed.message ?? '';
    if (FAILURE_TYPES.has(type)) {
      return {
        verdict: 'failed',
        reason: type === 'ContractViolationError' ? 'the target broke the contract' : 'the target broke a rule',
        message,
        errorType: type,
        failingStep: at(failed),
      };
    }
    const timedOut = /function timed out/.test(message);
    return {
      verdict: 'error',
      reason: timedOut ? 'step timed out' : `harness error (${type})`,
      message,
      errorType: timedOut ? 'Timeout' : type,
      failingStep: at(failed),
    };
  }
  const blocked = steps.find((s) => ['UNDEFINED', 'AMBIGUOUS', 'PENDING', 'UNKNOWN'].includes(s.status));
  if (blocked) {
    const what = { UNDEFINED: 'undefined step', AMBIGUOUS: 'ambiguous step', PENDING: 'pending step', UNKNOWN: 'step did not run' }[
      blocked.status as 'UNDEFINED'
    ];
    return {
      verdict: 'error',
      reason: what,
      message: blocked.message ?? `${what}: ${blocked.keyword} ${blocked.text}`.trim(),
      errorType: blocked.status,
      failingStep: at(blocked),
    };
  }
  const skipped = steps.find((s) => s.status === 'SKIPPED');
  if (skipped || notApplicableReasons.length > 0) {
    if (notApplicableReasons.length > 0) return { verdict: 'notApplicable', reason: notApplicableReasons.join('; ') };
    // A silent skip would hide untested rules, so it is an error until the step says why.
    return {
      verdict: 'error',
      reason: 'skipped without a not-applicable reason',
      message: `${skipped!.keyword} ${skipped!.text} was skipped but gave no reason`.trim(),
      errorType: 'SKIPPED',
      failingStep: at(skipped!),
    };
  }
  return { verdict: 'passed' };
}
