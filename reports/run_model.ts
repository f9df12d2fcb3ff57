// Turns cucumber's message stream into memberspec's view of a run: one result per scenario with a
// verdict (passed / failed / error / not applicable), then counts per capability, feature and
// requirement. Every writer reads this model, never the raw messages, so they all agree.
import type * as messages from '@cucumber/messages';
import { classifyTestCase, type StepOutcome, type Verdict } from './verdict.ts';
import { redactExchanges, type TranscriptExchange } from './redact.ts';
import type { Requirement } from '../requirements/catalogue.ts';
import { countNotApplicableReasons, groupFailures, type FailureGroup, type NotApplicableReason } from './failure_groups.ts';
import { uniqueScenarioIds } from './scenario_id.ts';

export type { Verdict } from './verdict.ts';

export const NOT_APPLICABLE_MEDIA_TYPE = 'text/x.memberspec.not-applicable';
export const TRANSCRIPT_MEDIA_TYPE = 'application/x.memberspec.transcript+json';

export interface Counts {
  total: number;
  passed: number;
  failed: number;
  error: number;
  notApplicable: number;
}

export interface TargetInfo {
  driver: 'in-process' | 'http';
  /** Base URL for http; "in-process reference" otherwise. */
  url: string;
  profile?: string;
  /** The org settings a vendor profile states, its readings of the seeds among them. */
  statedConfigs?: Record<string, unknown>;
}

/** What the run was asked to select, so a run that selected nothing can say why. */
export interface RunSelection {
  tags?: string;
  name?: string;
}

export interface RunInfo {
  runId: string;
  /** The --tags / --name filters of the run, when given. */
  selection?: RunSelection;
  suite: { name: string; version: string };
  target: TargetInfo;
  startedAt: string;
  finishedAt: string;
}

export interface StepResult {
  /** "Given", "When"... for steps; "Before"/"After" for hooks. */
  keyword: string;
  text: string;
  kind: 'step' | 'hook';
  status: string;
  durationMs: number;
  message?: string;
  /** The step's data table (the seed's tables), as rows of cells. */
  table?: string[][];
}

export interface ScenarioResult {
  /** Stable id (feature path and name slug): the HTML anchor and the key other parts of the report use. */
  id: string;
  name: string;
  feature: string;
  featureUri: string;
  capability: string;
  rule?: string;
  line?: number;
  tags: string[];
  reqIds: string[];
  verdict: Verdict;
  /** Why this verdict: the not-applicable reason, or the kind of failure. */
  reason?: string;
  /** The error message of the failing step, without stack trace. */
  message?: string;
  errorType?: string;
  failingStep?: { keyword: string; text: string };
  durationMs: number;
  steps: StepResult[];
  transcript: TranscriptExchange[];
}

export interface RuleResult {
  name: string;
  scenarios: ScenarioResult[];
  counts: Counts;
}

export interface FeatureResult {
  name: string;
  uri: string;
  capability: string;
  description: string;
  rules: RuleResult[];
  counts: Counts;
}

export interface CapabilityResult {
  name: string;
  counts: Counts;
}

export interface RequirementResult {
  id: string;
  seed: string;
  section: string;
  requirement: string;
  conformance: string;
  /** 'not tested' when no scenario carries the id in this run. */
  verdict: Verdict | 'not tested';
  notTestedReason?: string;
  /** True when scenarios cite an id the catalogue does not have. */
  unknown?: boolean;
  scenarios: { id: string; name: string; feature: string; verdict: Verdict }[];
}

export interface RunReport {
  info: RunInfo;
  /** A run-level problem (unparsable feature, failing BeforeAll hook): the run is not to be trusted. */
  runError?: string;
  verdict: RunVerdict;
  counts: Counts;
  capabilities: CapabilityResult[];
  features: FeatureResult[];
  scenarios: ScenarioResult[];
  requirements: RequirementResult[];
  /** Failed and error scenarios grouped by cause, the largest group first. */
  failureGroups: FailureGroup[];
  /** Why scenarios were not applicable, with how many gave each reason. */
  notApplicableReasons: NotApplicableReason[];
}

export function emptyCounts(): Counts {
  return { total: 0, passed: 0, failed: 0, error: 0, notApplicable: 0 };
}

export function addToCounts(counts: Counts, verdict: Verdict): void {
  counts.total += 1;
  counts[verdict] += 1;
}

/**
 * A run's verdict. Unlike a feature's, a run in which no scenario was judged (all not applicable, or
 * none selected) is not "not applicable" but "nothing judged": it certifies nothing and must not pass.
 * "interrupted": a signal (Ctrl-C, SIGTERM) stopped the run; the report holds what ran before it.
 */
export const RUN_VERDICTS = ['passed', 'failed', 'error', 'nothingJudged', 'interrupted'] as const;
export type RunVerdict = (typeof RUN_VERDICTS)[number];

export function runVerdict(counts: Counts): RunVerdict {
  const verdict = overallVerdict(counts);
  return verdict === 'notApplicable' ? 'nothingJudged' : verdict;
}

/** Why a run judged nothing: its selection matched no scenario, or every scenario was not applicable. */
export function nothingJudgedDetail(report: RunReport): string {
  const { counts, info } = report;
  if (counts.total === 0) {
    const filters = [info.selection?.tags && `--tags "${info.selection.tags}"`, info.selection?.name && `--name "${info.selection.name}"`].filter(Boolean);
    return `No scenario ran${filters.length ? `: none matches ${filters.join(' with ')}` : ''}, so nothing was judged.`;
  }
  return `No scenario was judged: all ${counts.total} were not applicable to this target (reasons below), so nothing is certified.`;
}

/** Overall verdict of a set of scenarios: any failure beats any error beats a pass. */
export function overallVerdict(counts: Counts): Verdict {
  if (counts.failed > 0) return 'failed';
  if (counts.error > 0) return 'error';
  if (counts.passed > 0) return 'passed';
  return 'notApplicable';
}

function durationMs(d: messages.Duration | undefined): number {
  if (!d) return 0;
  return Math.round(d.seconds * 1000 + d.nanos / 1e6);
}

function timestampMs(t: messages.Timestamp | undefined): number {
  if (!t) return 0;
  return t.seconds * 1000 + Math.floor(t.nanos / 1e6);
}

function attachmentText(a: messages.Attachment): string {
  return a.contentEncoding === 'BASE64' ? Buffer.from(a.body, 'base64').toString('utf8') : a.body;
}

/** `features/registration/primary_key.feature` -> `registration`. */
export function capabilityOf(uri: string): string {
  const parts = uri.replace(/\\/g, '/').split('/');
  const i = parts.indexOf('features');
  if (i >= 0 && parts.length - i > 2) return parts[i + 1];
  return parts.length > 1 ? parts[parts.length - 2] : '(root)';
}

interface AttemptState {
  testCaseId: string;
  startedMs: number;
  finishedMs?: number;
  willBeRetried: boolean;
  stepResults: Map<string, messages.TestStepResult>;
  attachments: messages.Attachment[];
}

/**
 * Collects envelopes as they arrive (so progress can be shown live) and builds the report at the end.
 * Only the last attempt of a retried scenario counts.
 */
export class RunCollector {
  private readonly docs = new Map<string, messages.GherkinDocument>();
  private readonly pickles = new Map<string, messages.Pickle>();
  private readonly testCases = new Map<string, messages.TestCase>();
  private readonly hooks = new Map<string, messages.Hook>();
  private readonly attempts = new Map<string, AttemptState>();
  /** testCaseId -> its final attempt's id (set when a testCaseFinished says it will not be retried). */
  private readonly finalAttempt = new Map<string, string>();
  private readonly astSteps = new Map<string, messages.Step>();
  private readonly astScenarioRule = new Map<string, { rule?: messages.Rule; scenario: messages.Scenario }>();
  runStartedMs?: number;
  runFinishedMs?: number;
  /** Set when cucumber itself reports a run-level problem (e.g. a failing BeforeAll hook). */
  runError?: string;

  add(envelope: messages.Envelope): void {
    if (envelope.gherkinDocument) this.addDocument(envelope.gherkinDocument);
    else if (envelope.pickle) this.pickles.set(envelope.pickle.id, envelope.pickle);
    else if (envelope.hook) this.hooks.set(envelope.hook.id, envelope.hook);
    else if (envelope.testCase) this.testCases.set(envelope.testCase.id, envelope.testCase);
    else if (envelope.testRunStarted) this.runStartedMs = timestampMs(envelope.testRunStarted.timestamp);
    else if (envelope.testCaseStarted) {
      const s = envelope.testCaseStarted;
      this.attempts.set(s.id, {
        testCaseId: s.testCaseId,
        startedMs: timestampMs(s.timestamp),
        willBeRetried: false,
        stepResults: new Map(),
        attachments: [],
      });
    } else if (envelope.testStepFinished) {
      const f = envelope.testStepFinished;
      this.attempts.get(f.testCaseStartedId)?.stepResults.set(f.testStepId, f.testStepResult);
    } else if (envelope.attachment) {
      const a = envelope.attachment;
      if (a.testCaseStartedId) this.attempts.get(a.testCaseStartedId)?.attachments.push(a);
    } else if (envelope.testCaseFinished) {
      const f = envelope.testCaseFinished;
      const attempt = this.attempts.get(f.testCaseStartedId);
      if (attempt) {
        attempt.finishedMs = timestampMs(f.timestamp);
        attempt.willBeRetried = f.willBeRetried;
        if (!f.willBeRetried) this.finalAttempt.set(attempt.testCaseId, f.testCaseStartedId);
      }
    } else if (envelope.parseError) {
      // A feature that does not parse would otherwise vanish from the run without a trace.
      const e = envelope.parseError;
      this.addRunError(`cannot parse ${e.source.uri ?? 'a feature'}${e.source.location ? `:${e.source.location.line}` : ''}: ${e.message}`);
    } else if (envelope.undefinedParameterType) {
      this.addRunError(`undefined parameter type {${envelope.undefinedParameterType.name}} in "${envelope.undefinedParameterType.expression}"`);
    } else if (envelope.testRunFinished) {
      const f = envelope.testRunFinished;
      this.runFinishedMs = timestampMs(f.timestamp);
      if (f.exception || f.message) this.addRunError(f.exception?.message ?? f.message ?? 'the run failed');
    }
  }

  private addRunError(message: string): void {
    this.runError = this.runError ? `${this.runError}; ${message}` : message;
  }

  /** Number of scenarios planned (known once cucumber has emitted its test cases). */
  get plannedCount(): number {
    return this.testCases.size;
  }

  /** Verdicts of the scenarios finished so far, for a live counter. */
  progress(): Counts {
    const counts = emptyCounts();
    for (const attemptId of this.finalAttempt.values()) {
      addToCounts(counts, this.scenarioOf(attemptId).verdict);
    }
    return counts;
  }

  /** Verdict of one finished attempt (used for live progress lines). */
  verdictOfAttempt(testCaseStartedId: string): { name: string; verdict: Verdict } | undefined {
    if (!this.attempts.has(testCaseStartedId)) return undefined;
    const s = this.scenarioOf(testCaseStartedId);
    return { name: s.name, verdict: s.verdict };
  }

  build(info: RunInfo, catalogue: readonly Requirement[] = []): RunReport {
    const built = [...this.finalAttempt.values()].map((id) => this.scenarioOf(id));
    // Stable order: by feature file, then line.
    built.sort((a, b) => a.featureUri.localeCompare(b.featureUri) || (a.line ?? 0) - (b.line ?? 0));
    const ids = uniqueScenarioIds(built);
    const scenarios = built.map((s, i) => ({ ...s, id: ids[i] }));
    const report = assembleReport(info, scenarios, catalogue, [...this.docs.values()]);
    if (!this.runError) return report;
    // A run that broke as a whole cannot certify anything, whatever its scenarios say.
    const verdict = report.verdict === 'failed' ? 'failed' : 'error';
    return { ...report, verdict, runError: this.runError };
  }

  private addDocument(doc: messages.GherkinDocument): void {
    if (!doc.uri) return;
    this.docs.set(doc.uri, doc);
    const visitScenario = (scenario: messages.Scenario, rule?: messages.Rule) => {
      this.astScenarioRule.set(scenario.id, { rule, scenario });
      for (const step of scenario.steps) this.astSteps.set(step.id, step);
    };
    for (const child of doc.feature?.children ?? []) {
      if (child.background) for (const s of child.background.steps) this.astSteps.set(s.id, s);
      if (child.scenario) visitScenario(child.scenario);
      if (child.rule) {
        for (const rc of child.rule.children) {
          if (rc.background) for (const s of rc.background.steps) this.astSteps.set(s.id, s);
          if (rc.scenario) visitScenario(rc.scenario, child.rule);
        }
      }
    }
  }

  /** A finished attempt's result; its id is given once the whole run is known (uniqueScenarioIds). */
  private scenarioOf(testCaseStartedId: string): Omit<ScenarioResult, 'id'> {
    const attempt = this.attempts.get(testCaseStartedId)!;
    const testCase = this.testCases.get(attempt.testCaseId);
    const pickle = testCase ? this.pickles.get(testCase.pickleId) : undefined;
    const uri = pickle?.uri ?? '(unknown)';
    const doc = this.docs.get(uri);
    const astInfo = pickle ? this.astScenarioRule.get(pickle.astNodeIds[0]) : undefined;
    const pickleSteps = new Map((pickle?.steps ?? []).map((s) => [s.id, s]));

    const steps: StepResult[] = [];
    const outcomes: StepOutcome[] = [];
    for (const testStep of testCase?.testSteps ?? []) {
      const result = attempt.stepResults.get(testStep.id);
      let keyword: string;
      let text: string;
      let kind: 'step' | 'hook';
      let table: string[][] | undefined;
      if (testStep.pickleStepId) {
        const ps = pickleSteps.get(testStep.pickleStepId);
        const astStep = ps ? this.astSteps.get(ps.astNodeIds[0]) : undefined;
        keyword = astStep?.keyword.trim() ?? '';
        text = ps?.text ?? '';
        kind = 'step';
        table = ps?.argument?.dataTable?.rows.map((row) => row.cells.map((cell) => cell.value));
      } else {
        const hook = testStep.hookId ? this.hooks.get(testStep.hookId) : undefined;
        keyword = hook?.type === 'AFTER_TEST_CASE' ? 'After' : hook?.type === 'BEFORE_TEST_CASE' ? 'Before' : 'Hook';
        text = hook?.name ?? hook?.tagExpression ?? `${keyword.toLowerCase()} hook`;
        kind = 'hook';
      }
      const status = result?.status ?? 'UNKNOWN';
      const message = result ? errorMessage(result) : undefined;
      steps.push({
        keyword,
        text,
        kind,
        status,
        durationMs: durationMs(result?.duration),
        ...(message ? { message } : {}),
        ...(table ? { table } : {}),
      });
      outcomes.push({
        keyword,
        text,
        status,
        errorType: result?.exception?.type,
        message,
      });
    }
    const notApplicable = attempt.attachments
      .filter((a) => a.mediaType === NOT_APPLICABLE_MEDIA_TYPE)
      .map(attachmentText);
    const transcript: TranscriptExchange[] = [];
    for (const a of attempt.attachments) {
      if (a.mediaType !== TRANSCRIPT_MEDIA_TYPE) continue;
      try {
        const parsed: unknown = JSON.parse(attachmentText(a));
        transcript.push(...redactExchanges(Array.isArray(parsed) ? parsed : [parsed]));
      } catch {
        transcript.push({ note: 'unreadable transcript attachment' });
      }
    }
    const classified = classifyTestCase(outcomes, notApplicable);
    const tags = (pickle?.tags ?? []).map((t) => t.name);
    const featureName = doc?.feature?.name ?? uri;
    return {
      name: pickle?.name ?? '(unknown scenario)',
      feature: featureName,
      featureUri: uri,
      capability: capabilityOf(uri),
      ...(astInfo?.rule ? { rule: astInfo.rule.name } : {}),
      ...(pickle?.location?.line ? { line: pickle.location.line } : astInfo ? { line: astInfo.scenario.location.line } : {}),
      tags,
      reqIds: tags.filter((t) => t.startsWith('@req:')).map((t) => t.slice('@req:'.length)),
      verdict: classified.verdict,
      ...(classified.reason ? { reason: classified.reason } : {}),
      ...(classified.message ? { message: classified.message } : {}),
      ...(classified.errorType ? { errorType: classified.errorType } : {}),
      ...(classified.failingStep ? { failingStep: classified.failingStep } : {}),
      durationMs: Math.max(0, (attempt.finishedMs ?? attempt.startedMs) - attempt.startedMs),
      steps,
      transcript,
    };
  }
}

/** The readable message of a step result: the exception's message without its stack, if there is one. */
function errorMessage(result: messages.TestStepResult): string | undefined {
  if (result.exception?.message) return result.exception.message;
  if (result.message) return result.message.split('\n    at ')[0];
  return undefined;
}

function assembleReport(
  info: RunInfo,
  scenarios: ScenarioResult[],
  catalogue: readonly Requirement[],
  docs: messages.GherkinDocument[],
): RunReport {
  const counts = emptyCounts();
  const capabilities = new Map<string, CapabilityResult>();
  const features = new Map<string, FeatureResult>();
  const descriptions = new Map(docs.map((d) => [d.uri ?? '', d.feature?.description.trim() ?? '']));
  for (const s of scenarios) {
    addToCounts(counts, s.verdict);
    let cap = capabilities.get(s.capability);
    if (!cap) capabilities.set(s.capability, (cap = { name: s.capability, counts: emptyCounts() }));
    addToCounts(cap.counts, s.verdict);
    let feature = features.get(s.featureUri);
    if (!feature) {
      feature = {
        name: s.feature,
        uri: s.featureUri,
        capability: s.capability,
        description: descriptions.get(s.featureUri) ?? '',
        rules: [],
        counts: emptyCounts(),
      };
      features.set(s.featureUri, feature);
    }
    addToCounts(feature.counts, s.verdict);
    const ruleName = s.rule ?? '';
    let rule = feature.rules.find((r) => r.name === ruleName);
    if (!rule) feature.rules.push((rule = { name: ruleName, scenarios: [], counts: emptyCounts() }));
    rule.scenarios.push(s);
    addToCounts(rule.counts, s.verdict);
  }
  return {
    info,
    verdict: runVerdict(counts),
    counts,
    capabilities: [...capabilities.values()].sort((a, b) => a.name.localeCompare(b.name)),
    features: [...features.values()].sort((a, b) => a.uri.localeCompare(b.uri)),
    scenarios,
    requirements: traceRequirements(scenarios, catalogue),
    failureGroups: groupFailures(scenarios),
    notApplicableReasons: countNotApplicableReasons(scenarios),
  };
}

function traceRequirements(scenarios: ScenarioResult[], catalogue: readonly Requirement[]): RequirementResult[] {
  const byReq = new Map<string, ScenarioResult[]>();
  for (const s of scenarios) {
    for (const id of s.reqIds) {
      const list = byReq.get(id) ?? [];
      list.push(s);
      byReq.set(id, list);
    }
  }
  const toResult = (r: Requirement, unknown: boolean): RequirementResult => {
    const cited = byReq.get(r.id) ?? [];
    const counts = emptyCounts();
    for (const s of cited) addToCounts(counts, s.verdict);
    return {
      id: r.id,
      seed: r.seed,
      section: r.section,
      requirement: r.requirement,
      conformance: r.conformance,
      verdict: cited.length === 0 ? 'not tested' : overallVerdict(counts),
      ...(r.notTestedReason ? { notTestedReason: r.notTestedReason } : {}),
      ...(unknown ? { unknown } : {}),
      scenarios: cited.map((s) => ({ id: s.id, name: s.name, feature: s.feature, verdict: s.verdict })),
    };
  };
  const known = new Set(catalogue.map((r) => r.id));
  const results = catalogue.map((r) => toResult(r, false));
  for (const id of [...byReq.keys()].sort()) {
    if (known.has(id)) continue;
    const seed = id.split('-')[0] ?? '';
    results.push(
      toResult({ id, seed, section: '', requirement: '(not in requirements/seeds.csv)', conformance: '', notTestedReason: '' }, true),
    );
  }
  return results;
}
