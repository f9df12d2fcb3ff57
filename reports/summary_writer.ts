// summary.json: the machine-readable result of a run (CI gates, dashboards, golden checks).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunReport } from './run_model.ts';

export const SUMMARY_SCHEMA_VERSION = 1;

export function buildSummary(report: RunReport): Record<string, unknown> {
  const { info } = report;
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    suite: info.suite,
    runId: info.runId,
    target: info.target,
    ...(info.selection ? { selection: info.selection } : {}),
    startedAt: info.startedAt,
    finishedAt: info.finishedAt,
    durationMs: Math.max(0, Date.parse(info.finishedAt) - Date.parse(info.startedAt)),
    /** passed, failed, error, nothingJudged (no scenario judged: all not applicable, or none selected), or interrupted (a signal stopped the run). */
    verdict: report.verdict,
    runError: report.runError ?? null,
    counts: report.counts,
    capabilities: report.capabilities,
    features: report.features.map((f) => ({
      name: f.name,
      uri: f.uri,
      capability: f.capability,
      counts: f.counts,
      rules: f.rules.map((r) => ({ name: r.name, counts: r.counts })),
    })),
    /** Failed and error scenarios grouped by cause (scenarios named by id), the largest group first. */
    failureGroups: report.failureGroups,
    /** Each not-applicable reason with its count and scenarios, the most frequent first. */
    notApplicableReasons: report.notApplicableReasons,
    scenarios: report.scenarios.map((s) => ({
      id: s.id,
      name: s.name,
      feature: s.feature,
      featureUri: s.featureUri,
      capability: s.capability,
      rule: s.rule ?? null,
      line: s.line ?? null,
      tags: s.tags,
      reqIds: s.reqIds,
      verdict: s.verdict,
      reason: s.reason ?? null,
      message: s.message ?? null,
      errorType: s.errorType ?? null,
      failingStep: s.failingStep ? `${s.failingStep.keyword} ${s.failingStep.text}`.trim() : null,
      durationMs: s.durationMs,
    })),
    requirements: report.requirements.map((r) => ({
      id: r.id,
      seed: r.seed,
      section: r.section,
      conformance: r.conformance,
      verdict: r.verdict,
      ...(r.unknown ? { unknown: true } : {}),
      ...(r.verdict === 'not tested' && r.notTestedReason ? { notTestedReason: r.notTestedReason } : {}),
      scenarios: r.scenarios,
    })),
  };
}

export async function writeSummary(report: RunReport, outDir: string): Promise<void> {
  await writeFile(path.join(outDir, 'summary.json'), JSON.stringify(buildSummary(report), null, 2) + '\n');
}
