// Failures grouped by cause: one bug in a target breaks the same assertion or the same contract rule in
// many scenarios, and a reader wants to see it once, with how many scenarios and which. Two failures
// share a cause when their verdict, error type and message agree once the values that differ from
// scenario to scenario (the symbols' fresh emails, mobiles and ids, names quoted from the feature, the
// value or code an assertion expected, dates, the target's address, the value a contract check
// received) are masked. So a target that never sends warnings is one cause, whichever warning each
// scenario expected, and so is an operation that accepts what it should refuse.
// Not-applicable reasons are counted the same way, by their exact text.
import { createHash } from 'node:crypto';

export interface GroupableScenario {
  id: string;
  name: string;
  feature: string;
  verdict: string;
  reason?: string;
  message?: string;
  errorType?: string;
  failingStep?: { keyword: string; text: string };
}

export interface FailureGroup {
  /** Stable across runs for the same cause: "cause-" and a hash of the masked message. */
  id: string;
  verdict: 'failed' | 'error';
  errorType: string;
  /** "the target broke a rule", "the target broke the contract", "step timed out"... */
  reason: string;
  /** The message of the first scenario in the group, as it was. */
  message: string;
  /** The message with per-scenario values masked: what the group's scenarios have in common. */
  pattern: string;
  count: number;
  /** Ids of the scenarios, in run order. */
  scenarios: string[];
  /** The distinct failing steps, in the order they first appear. */
  failingSteps: string[];
}

export interface NotApplicableReason {
  reason: string;
  count: number;
  scenarios: string[];
}

type Replacement = string | ((match: string) => string);

// Order matters: emails and URLs before the hex and number rules would cut them apart.
const MASKS: ReadonlyArray<[RegExp, Replacement]> = [
  // The value a contract check received varies with the scenario; the rule it broke does not.
  [/ \(received (?:[^()]|\([^()]*\))*\)/g, ' (received …)'],
  [/\bhttps?:\/\/[^\s/'"`]+/gi, '<target>'],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '<email>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>'],
  [/\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/g, '<date>'],
  // What an assertion expected comes from the feature (an Examples row, a seed table, the error or
  // warning code a step names), so it differs between scenarios; what the target answered (before "to
  // equal", after "but") stays and tells bugs apart.
  [/( to (?:deeply |strictly )?(?:equal|include|contain|have members) ).+$/, '$1…'],
  [/\bexpected (error|warning) \d+/g, 'expected $1 <code>'],
  // Names and values quoted from the feature ("Asha", "Welcome 500"); chai's own quotes are single.
  [/"(?:[^"\\]|\\.)*"/g, '"…"'],
  // The symbols' nonces (X1-1a2b3c4d, oW1_1a2b3c4d...): hex runs with a digit and a letter.
  [/[0-9a-f]{8,}/gi, (run) => (/\d/.test(run) && /[a-f]/i.test(run) ? '<hex>' : run)],
  // Mobiles, card numbers, long ids; error codes (four or five digits: 8015, 11005) stay.
  [/\d{6,}/g, '<n>'],
  // Ids the target gave (customer 17, id=3, #12).
  [/\b(customers?|id|customerId|orgId|org)([ :=#]*)\d+/gi, '$1$2<n>'],
  [/#\d+/g, '#<n>'],
  // An assertion about which customer a request reached compares the target's customer ids.
  [/(\b(?:customer|join)\b[^:]*: expected )\d+( to )/g, '$1<id>$2'],
];

/** A message with the values that differ from scenario to scenario masked. */
export function failurePattern(message: string): string {
  let text = message.replace(/\s+/g, ' ').trim();
  for (const [pattern, replacement] of MASKS) {
    text = typeof replacement === 'string' ? text.replace(pattern, replacement) : text.replace(pattern, replacement);
  }
  return text;
}

function stableId(key: string): string {
  return `cause-${createHash('sha1').update(key).digest('hex').slice(0, 10)}`;
}

/** Failed and error scenarios grouped by cause, the largest group first (ties: failures, then first seen). */
export function groupFailures(scenarios: readonly GroupableScenario[]): FailureGroup[] {
  const groups = new Map<string, FailureGroup>();
  for (const s of scenarios) {
    if (s.verdict !== 'failed' && s.verdict !== 'error') continue;
    const message = s.message ?? s.reason ?? '';
    const errorType = s.errorType ?? 'Error';
    const pattern = failurePattern(message);
    const key = `${s.verdict}\u0000${errorType}\u0000${pattern}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        id: stableId(key),
        verdict: s.verdict,
        errorType,
        reason: s.reason ?? s.verdict,
        message,
        pattern,
        count: 0,
        scenarios: [],
        failingSteps: [],
      };
      groups.set(key, group);
    }
    group.count += 1;
    group.scenarios.push(s.id);
    const step = s.failingStep ? `${s.failingStep.keyword} ${s.failingStep.text}`.trim() : undefined;
    if (step && !group.failingSteps.includes(step)) group.failingSteps.push(step);
  }
  // A broken rule says more about the target than a scenario the harness could not judge, so at equal
  // counts failures come before errors.
  const rank = (g: FailureGroup) => (g.verdict === 'failed' ? 0 : 1);
  const order = [...groups.values()];
  return order
    .map((g, i) => ({ g, i }))
    .sort((a, b) => b.g.count - a.g.count || rank(a.g) - rank(b.g) || a.i - b.i)
    .map(({ g }) => g);
}

/** Not-applicable reasons with how many scenarios gave each, the most frequent first. */
export function countNotApplicableReasons(scenarios: readonly GroupableScenario[]): NotApplicableReason[] {
  const reasons = new Map<string, NotApplicableReason>();
  for (const s of scenarios) {
    if (s.verdict !== 'notApplicable') continue;
    const reason = (s.reason ?? '').trim() || '(no reason given)';
    let entry = reasons.get(reason);
    if (!entry) reasons.set(reason, (entry = { reason, count: 0, scenarios: [] }));
    entry.count += 1;
    entry.scenarios.push(s.id);
  }
  const order = [...reasons.values()];
  return order.map((r, i) => ({ r, i })).sort((a, b) => b.r.count - a.r.count || a.i - b.i).map(({ r }) => r);
}
