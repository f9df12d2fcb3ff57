// index.html: one self-contained page a product owner can read (inline CSS and script, no network).
// Order: headline verdict, failures grouped by cause, not-applicable reasons, counts, capabilities, then
// feature -> rule -> scenario with the evidence for every failure, then the requirement view (seed
// requirement -> scenarios -> verdict). Every scenario is anchored by its stable id (#feature/path/slug);
// a search box and a status filter narrow the scenarios shown, and a deep link opens its scenario.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { nothingJudgedDetail, overallVerdict as verdictOf, type Counts, type FeatureResult, type RequirementResult, type RunReport, type ScenarioResult, type TargetInfo, type Verdict } from './run_model.ts';
import type { FailureGroup, NotApplicableReason } from './failure_groups.ts';
import { redactExchanges } from './redact.ts';
import { rerunCommand } from './rerun_command.ts';

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The org settings a vendor profile states: the verdict holds for the seeds as this vendor reads them. */
function statedConfigsRow(configs: Record<string, unknown> | undefined): string {
  const entries = Object.entries(configs ?? {});
  if (entries.length === 0) return '';
  const items = entries.map(([name, value]) => `<code>${escapeHtml(name)}</code>&nbsp;=&nbsp;<code>${escapeHtml(JSON.stringify(value))}</code>`);
  return `<dt>Stated configuration</dt><dd>${items.join(', ')} <span class="muted">(from the vendor profile; scenarios that need other settings are not applicable)</span></dd>\n`;
}

const LABEL: Record<Verdict | 'not tested', string> = {
  passed: 'passed',
  failed: 'failed',
  error: 'error',
  notApplicable: 'not applicable',
  'not tested': 'not tested',
};

function badge(verdict: Verdict | 'not tested'): string {
  const cls = verdict === 'not tested' ? 'untested' : verdict;
  return `<span class="badge ${cls}">${LABEL[verdict]}</span>`;
}

function headline(report: RunReport): { cls: string; title: string; detail: string } {
  const c = report.counts;
  const applicable = c.total - c.notApplicable;
  switch (report.verdict) {
    case 'passed':
      return { cls: 'passed', title: 'Conformant', detail: `All ${applicable} applicable scenarios passed.` };
    case 'failed':
      return {
        cls: 'failed',
        title: 'Not conformant',
        detail: `${c.failed} scenario${c.failed === 1 ? '' : 's'} found a broken rule or contract${
          c.error ? `; ${c.error} could not be judged (error)` : ''
        }.`,
      };
    case 'error':
      return {
        cls: 'error',
        title: 'Inconclusive',
        detail: `No rule was found broken, but ${c.error} scenario${c.error === 1 ? '' : 's'} could not be judged (error).`,
      };
    case 'nothingJudged':
      return { cls: 'notApplicable', title: 'Nothing judged: not certified', detail: nothingJudgedDetail(report) };
    case 'interrupted':
      return { cls: 'error', title: 'Interrupted: not certified', detail: `The run was stopped before its end; ${c.total} scenario${c.total === 1 ? '' : 's'} ran and are shown below.` };
  }
}


function countCells(c: Counts): string {
  return [c.passed, c.failed, c.error, c.notApplicable, c.total]
    .map((n, i) => `<td class="num${n > 0 && (i === 1 || i === 2) ? ' bad' : ''}">${n}</td>`)
    .join('');
}

const COUNT_HEADERS = '<th>passed</th><th>failed</th><th>error</th><th>not applicable</th><th>total</th>';

function pre(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return `<pre>${escapeHtml(text)}</pre>`;
}

function transcriptHtml(s: ScenarioResult): string {
  if (s.transcript.length === 0) return '';
  // Redact again: the model is already redacted, but this writer may be fed by other code.
  const items = redactExchanges(s.transcript).map((x, i) => {
    const status = typeof x.status === 'number' ? x.status : '';
    const line = `${escapeHtml(x.method ?? '')} ${escapeHtml(x.url ?? x.note ?? '')} &rarr; ${escapeHtml(status)}${
      typeof x.durationMs === 'number' ? ` <span class="muted">(${Math.round(x.durationMs)} ms)</span>` : ''
    }`;
    const op = x.operation ? `<span class="op">${escapeHtml(x.operation)}</span> ` : '';
    const parts: string[] = [];
    if (x.requestHeaders) parts.push(`<h6>Request headers</h6>${pre(x.requestHeaders)}`);
    if (x.requestBody !== undefined) parts.push(`<h6>Request body</h6>${pre(x.requestBody)}`);
    if (x.responseBody !== undefined) parts.push(`<h6>Response body</h6>${pre(x.responseBody)}`);
    for (const [k, v] of Object.entries(x)) {
      if (!['operation', 'method', 'url', 'status', 'durationMs', 'requestHeaders', 'requestBody', 'responseBody', 'note'].includes(k)) {
        parts.push(`<h6>${escapeHtml(k)}</h6>${pre(v)}`);
      }
    }
    return `<details class="exchange"><summary>${i + 1}. ${op}${line}</summary>${parts.join('')}</details>`;
  });
  return `<div class="transcript"><h5>HTTP transcript (${s.transcript.length} exchange${s.transcript.length === 1 ? '' : 's'}, credentials redacted)</h5>${items.join('')}</div>`;
}

/** A step's data table as the feature shows it: the first row is the header. */
function dataTableHtml([header, ...rows]: readonly string[][]): string {
  const cells = (row: readonly string[], tag: 'th' | 'td') => row.map((c) => `<${tag}>${escapeHtml(c)}</${tag}>`).join('');
  return `<table class="data"><thead><tr>${cells(header ?? [], 'th')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${cells(row, 'td')}</tr>`)
    .join('')}</tbody></table>`;
}

type RequirementIndex = ReadonlyMap<string, RequirementResult>;

/** "seed 004 · CONF_SKIP_SECONDARY is Enabled": where a requirement comes from, as people name it. */
function origin(r: RequirementResult): string {
  // seeds.csv names the seed file (004_ab12.txt); people know it as "seed 004".
  const seed = /^\d+/.exec(r.seed)?.[0] ?? r.seed;
  return `${seed}${r.section ? ` · ${r.section}` : ''}`;
}

/** The documented rules a scenario verifies, with the seed's words, so a reader sees why it exists. */
function tracesHtml(s: ScenarioResult, requirements: RequirementIndex): string {
  const items = s.reqIds
    .map((id) => requirements.get(id))
    .filter((r): r is RequirementResult => r !== undefined)
    .map(
      (r) =>
        `<li><a class="tag req" href="#req-${escapeHtml(r.id)}">${escapeHtml(r.id)}</a> <span class="muted">seed ${escapeHtml(
          origin(r),
        )}:</span> ${escapeHtml(r.requirement)}</li>`,
    );
  return items.length ? `<ul class="traces">${items.join('')}</ul>` : '';
}

function scenarioHtml(s: ScenarioResult, requirements: RequirementIndex, target: TargetInfo): string {
  const tags = s.tags
    .filter((t) => !t.startsWith('@req:'))
    .map((t) => `<span class="tag">${escapeHtml(t)}</span>`)
    .join(' ');
  const body: string[] = [tracesHtml(s, requirements)];
  if (s.verdict === 'notApplicable') {
    body.push(`<p class="reason">Not applicable: ${escapeHtml(s.reason ?? '')}</p>`);
  } else if (s.verdict === 'failed' || s.verdict === 'error') {
    body.push(`<p class="reason">${escapeHtml(s.reason ?? s.verdict)}</p>`);
    if (s.failingStep) {
      body.push(`<p class="step">At step: <strong>${escapeHtml(s.failingStep.keyword)}</strong> ${escapeHtml(s.failingStep.text)}</p>`);
    }
    if (s.message) body.push(`<pre class="message">${escapeHtml(s.message)}</pre>`);
    const again = rerunCommand(s.name, { url: target.driver === 'http' ? target.url : undefined, profile: target.profile });
    body.push(`<p class="rerun">Run it again: <code>${escapeHtml(again)}</code></p>`);
    body.push(transcriptHtml(s));
  }
  const steps = s.steps
    .filter((st) => st.kind === 'step')
    .map(
      (st) =>
        `<li class="st ${escapeHtml(st.status.toLowerCase())}"><strong>${escapeHtml(st.keyword)}</strong> ${escapeHtml(st.text)}${
          st.table ? dataTableHtml(st.table) : ''
        }</li>`,
    )
    .join('');
  const open = s.verdict === 'failed' || s.verdict === 'error' ? ' open' : '';
  return `<details class="scenario ${s.verdict}" id="${escapeHtml(s.id)}" data-verdict="${s.verdict}"${open}><summary>${badge(s.verdict)} ${escapeHtml(s.name)} <span class="muted">${
    s.durationMs
  } ms</span> <a class="anchor" href="#${escapeHtml(s.id)}" title="link to this scenario">#</a></summary><div class="tags">${tags}</div>${body.join('')}${steps ? `<ol class="steps">${steps}</ol>` : ''}</details>`;
}

function featureHtml(f: FeatureResult, requirements: RequirementIndex, target: TargetInfo): string {
  const rules = f.rules
    .map((r) => {
      const title = r.name ? `<h4>Rule: ${escapeHtml(r.name)} ${badge(verdictOf(r.counts))}</h4>` : '';
      return `<section class="rule">${title}${r.scenarios.map((scenario) => scenarioHtml(scenario, requirements, target)).join('')}</section>`;
    })
    .join('');
  const description = f.description ? `<p class="description">${escapeHtml(f.description)}</p>` : '';
  const id = `feature-${f.uri.replace(/[^a-zA-Z0-9]+/g, '-')}`;
  return `<section class="feature" id="${escapeHtml(id)}"><h3>${badge(verdictOf(f.counts))} ${escapeHtml(f.name)}</h3><p class="muted">${escapeHtml(
    f.uri,
  )} &middot; ${f.counts.passed} passed, ${f.counts.failed} failed, ${f.counts.error} error, ${f.counts.notApplicable} not applicable</p>${description}${rules}</section>`;
}

/** A link to a scenario's anchor, by its stable id. */
function scenarioLink(s: { id: string; name: string }): string {
  return `<a href="#${escapeHtml(s.id)}">${escapeHtml(s.name)}</a>`;
}

/** A list of scenario links; long lists fold so one big group does not push the others off the page. */
function scenarioList(ids: readonly string[], byId: ReadonlyMap<string, ScenarioResult>): string {
  const items = ids.map((id) => {
    const s = byId.get(id);
    return s ? `<li>${scenarioLink(s)} <span class="muted">${escapeHtml(s.feature)}</span></li>` : `<li>${escapeHtml(id)}</li>`;
  });
  const list = `<ul class="group-scenarios">${items.join('')}</ul>`;
  return ids.length <= 5 ? list : `<details><summary>${ids.length} scenarios</summary>${list}</details>`;
}

function causesHtml(groups: readonly FailureGroup[], byId: ReadonlyMap<string, ScenarioResult>): string {
  if (groups.length === 0) return '';
  const rows = groups
    .map((g) => {
      const steps = g.failingSteps.length
        ? `<p class="muted">At step${g.failingSteps.length === 1 ? '' : 's'}: ${g.failingSteps
            .slice(0, 3)
            .map((st) => escapeHtml(st))
            .join(' &middot; ')}${g.failingSteps.length > 3 ? ` &middot; and ${g.failingSteps.length - 3} more` : ''}</p>`
        : '';
      return `<tr class="cause" id="${escapeHtml(g.id)}"><td class="num">${g.count}</td><td>${badge(g.verdict)}<br><span class="muted">${escapeHtml(
        g.reason,
      )}</span></td><td><pre class="message">${escapeHtml(g.message)}</pre>${steps}${scenarioList(g.scenarios, byId)}</td></tr>`;
    })
    .join('');
  const n = groups.reduce((sum, g) => sum + g.count, 0);
  return `<section id="causes"><h2>Failures by cause</h2>
<p class="muted">${n} failed or unjudged scenario${n === 1 ? '' : 's'} from ${groups.length} cause${groups.length === 1 ? '' : 's'}: scenarios share a cause when the same assertion or contract rule broke, whatever values differ between them. The most frequent first.</p>
<table class="causes"><thead><tr><th>scenarios</th><th>verdict</th><th>what broke (the first scenario's message) and where</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function notApplicableHtml(reasons: readonly NotApplicableReason[], byId: ReadonlyMap<string, ScenarioResult>): string {
  if (reasons.length === 0) return '';
  const rows = reasons
    .map((r) => `<tr><td class="num">${r.count}</td><td>${escapeHtml(r.reason)}${scenarioList(r.scenarios, byId)}</td></tr>`)
    .join('');
  return `<section id="not-applicable"><h2>Why scenarios were not applicable</h2>
<table class="reasons"><thead><tr><th>scenarios</th><th>reason</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

const TOOLBAR = `<div class="toolbar" role="search"><label>Search scenarios <input id="search" type="search" placeholder="name, feature, tag, message" autocomplete="off"></label>
<label>Status <select id="status"><option value="">all</option><option value="failed">failed</option><option value="error">error</option><option value="notApplicable">not applicable</option><option value="passed">passed</option></select></label>
<span id="shown" class="muted"></span></div>`;

// The page's only script: the filter, and deep links that open (and, if filtered out, reveal) their scenario.
const SCRIPT = `(function () {
  var search = document.getElementById('search');
  var status = document.getElementById('status');
  var shown = document.getElementById('shown');
  var scenarios = Array.prototype.slice.call(document.querySelectorAll('details.scenario'));
  // Read once: a failing run's transcripts make the text large, and the filter runs on every key.
  var texts = scenarios.map(function (el) { return el.textContent.toLowerCase() + ' ' + el.id.toLowerCase(); });
  function apply() {
    var words = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var verdict = status.value;
    var visible = 0;
    scenarios.forEach(function (el, i) {
      var text = texts[i];
      var match = (!verdict || el.getAttribute('data-verdict') === verdict) && words.every(function (w) { return text.indexOf(w) >= 0; });
      el.hidden = !match;
      if (match) visible += 1;
    });
    Array.prototype.forEach.call(document.querySelectorAll('section.rule, section.feature'), function (section) {
      section.hidden = !section.querySelector('details.scenario:not([hidden])');
    });
    shown.textContent = words.length || verdict ? 'showing ' + visible + ' of ' + scenarios.length + ' scenarios' : scenarios.length + ' scenarios';
  }
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el || !el.classList.contains('scenario')) return;
    if (el.hidden) { search.value = ''; status.value = ''; apply(); }
    el.open = true;
    el.scrollIntoView();
  }
  search.addEventListener('input', apply);
  status.addEventListener('change', apply);
  window.addEventListener('hashchange', openTarget);
  apply();
  openTarget();
})();`;

function requirementsHtml(reqs: readonly RequirementResult[]): string {
  if (reqs.length === 0) return '<p class="muted">No requirement catalogue and no @req tags in this run.</p>';
  const groups = new Map<string, RequirementResult[]>();
  for (const r of reqs) groups.set(origin(r), [...(groups.get(origin(r)) ?? []), r]);
  return [...groups.entries()]
    .map(([key, list]) => {
      const rows = list
        .map((r) => {
          const scenarios = r.scenarios.length
            ? `<ul>${r.scenarios.map((s) => `<li>${badge(s.verdict)} ${scenarioLink(s)}</li>`).join('')}</ul>`
            : `<span class="muted">${escapeHtml(r.notTestedReason || 'no scenario in this run')}</span>`;
          return `<tr id="req-${escapeHtml(r.id)}"><td class="id">${escapeHtml(r.id)}</td><td>${escapeHtml(r.requirement)}${
            r.conformance ? ` <span class="muted">(${escapeHtml(r.conformance)})</span>` : ''
          }</td><td>${scenarios}</td><td>${badge(r.verdict)}</td></tr>`;
        })
        .join('');
      return `<h4>Seed ${escapeHtml(key)}</h4><table class="reqs"><thead><tr><th>id</th><th>requirement</th><th>scenarios</th><th>verdict</th></tr></thead><tbody>${rows}</tbody></table>`;
    })
    .join('');
}

const CSS = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d232a;margin:0;background:#f6f7f9}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{margin-top:36px;border-bottom:2px solid #dde1e6;padding-bottom:4px}
h3{margin:0 0 2px;font-size:18px}h4{margin:16px 0 6px}h5{margin:10px 0 4px}h6{margin:8px 0 2px;font-size:12px;color:#555}
.muted{color:#6b7480;font-size:13px}
.headline{border-radius:8px;padding:18px 22px;margin:16px 0;color:#fff}
.headline.passed{background:#1e7d3a}.headline.failed{background:#b3261e}.headline.error{background:#a15c00}.headline.notApplicable{background:#59636e}
.headline strong{font-size:26px;display:block}
table{border-collapse:collapse;width:100%;background:#fff;margin:8px 0}
th,td{border:1px solid #dde1e6;padding:6px 8px;text-align:left;vertical-align:top}th{background:#eef1f4;font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums}td.bad{color:#b3261e;font-weight:600}td.id{white-space:nowrap;font-family:ui-monospace,monospace}
.badge{display:inline-block;border-radius:10px;padding:1px 9px;font-size:12px;font-weight:600;color:#fff;white-space:nowrap}
.badge.passed{background:#1e7d3a}.badge.failed{background:#b3261e}.badge.error{background:#a15c00}.badge.notApplicable{background:#59636e}.badge.untested{background:#aab1b9}
.feature{background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:14px 18px;margin:14px 0}
.description{white-space:pre-line}
.scenario{border-left:4px solid #dde1e6;margin:6px 0;padding:4px 10px}
.scenario.failed{border-color:#b3261e}.scenario.error{border-color:#a15c00}.scenario.passed{border-color:#1e7d3a}.scenario.notApplicable{border-color:#59636e}
summary{cursor:pointer}
table.data{width:auto;margin:4px 0 6px;font-size:13px}table.data th,table.data td{padding:2px 8px}.tags{margin:4px 0}.traces{margin:4px 0 6px;padding-left:18px;font-size:13px}.traces a{text-decoration:none;color:inherit}.tag{font:12px ui-monospace,monospace;background:#eef1f4;border-radius:4px;padding:0 4px}.tag.req{background:#e3ecfa}
pre{background:#f3f4f6;border:1px solid #e1e4e8;padding:8px;overflow:auto;font-size:12.5px;white-space:pre-wrap;word-break:break-word}
pre.message{background:#fff4f3;border-color:#f0c6c2}
.rerun code{background:#f3f4f6;border:1px solid #e5e7eb;border-radius:4px;padding:1px 5px;font-size:12px;word-break:break-all}
.steps{font-size:13px;margin:6px 0 4px 18px;padding:0}.st.failed{color:#b3261e}.st.skipped{color:#6b7480}.st.undefined,.st.ambiguous,.st.pending{color:#a15c00}
.exchange{margin:4px 0 4px 8px}.op{font-family:ui-monospace,monospace;font-size:12px;color:#4a5560}
.toolbar{position:sticky;top:0;z-index:1;background:#f6f7f9;padding:8px 0;display:flex;gap:16px;align-items:center;flex-wrap:wrap;border-bottom:1px solid #dde1e6}
.toolbar input{width:22em;font:inherit;padding:3px 6px}.toolbar select{font:inherit}
a.anchor{color:#aab1b9;text-decoration:none;font-size:13px}a.anchor:hover{color:#1d232a}
.scenario:target{outline:2px solid #3b6fd8;outline-offset:2px}.scenario{scroll-margin-top:64px}
table.causes pre.message{margin:0 0 4px}ul.group-scenarios{margin:2px 0;padding-left:18px;font-size:13px}
dl.meta{display:grid;grid-template-columns:max-content auto;gap:2px 14px;margin:8px 0}dl.meta dt{color:#6b7480}dl.meta dd{margin:0}
`;

export function renderHtml(report: RunReport): string {
  const { info, counts } = report;
  const h = headline(report);
  const capabilityRows = report.capabilities
    .map((c) => `<tr><td>${escapeHtml(c.name)}</td>${countCells(c.counts)}<td>${badge(verdictOf(c.counts))}</td></tr>`)
    .join('');
  const featureRows = report.features
    .map(
      (f) =>
        `<tr><td><a href="#feature-${escapeHtml(f.uri.replace(/[^a-zA-Z0-9]+/g, '-'))}">${escapeHtml(f.name)}</a></td><td>${escapeHtml(
          f.capability,
        )}</td>${countCells(f.counts)}<td>${badge(verdictOf(f.counts))}</td></tr>`,
    )
    .join('');
  const byCapability = new Map<string, FeatureResult[]>();
  for (const f of report.features) byCapability.set(f.capability, [...(byCapability.get(f.capability) ?? []), f]);
  const requirements: RequirementIndex = new Map(report.requirements.map((r) => [r.id, r]));
  const byId = new Map(report.scenarios.map((s) => [s.id, s]));
  const details = [...byCapability.entries()]
    .map(([cap, features]) => `<h2>Capability: ${escapeHtml(cap)}</h2>${features.map((f) => featureHtml(f, requirements, report.info.target)).join('')}`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>memberspec report: ${escapeHtml(h.title)} (${escapeHtml(info.target.url)})</title>
<style>${CSS}</style></head>
<body><main>
<h1>memberspec certification report</h1>
<dl class="meta">
<dt>Target</dt><dd>${escapeHtml(info.target.url)} <span class="muted">(${escapeHtml(info.target.driver)} driver${
    info.target.profile ? `, profile ${escapeHtml(info.target.profile)}` : ''
  })</span></dd>
${statedConfigsRow(info.target.statedConfigs)}<dt>Suite</dt><dd>${escapeHtml(info.suite.name)} ${escapeHtml(info.suite.version)}</dd>
<dt>Run</dt><dd>${escapeHtml(info.runId)}</dd>
<dt>Started</dt><dd>${escapeHtml(info.startedAt)}</dd>
<dt>Finished</dt><dd>${escapeHtml(info.finishedAt)}</dd>
<dt>Beside this page</dt><dd><a href="summary.json">summary.json</a> &middot; <a href="junit.xml">junit.xml</a> &middot; <a href="cucumber.html">cucumber.html</a> <span class="muted">(cucumber's own report)</span> &middot; <a href="messages.ndjson">messages.ndjson</a></dd>
</dl>
<div class="headline ${h.cls}"><strong>${escapeHtml(h.title)}</strong>${escapeHtml(h.detail)}<br>
${counts.passed} passed &middot; ${counts.failed} failed &middot; ${counts.error} error &middot; ${counts.notApplicable} not applicable &middot; ${counts.total} scenarios</div>
${report.runError ? `<div class="headline error"><strong>The run itself had a problem</strong>${escapeHtml(report.runError)}</div>` : ''}
${causesHtml(report.failureGroups, byId)}
${notApplicableHtml(report.notApplicableReasons, byId)}
<p class="muted"><strong>passed</strong>: the target followed the rule. <strong>failed</strong>: the target broke a rule or the HTTP contract.
<strong>error</strong>: the harness could not judge (setup, transport, timeout, or a harness bug). <strong>not applicable</strong>: the target cannot run this scenario (for example its fixed configuration differs); the reason is shown.</p>
<h2>By capability</h2>
<table><thead><tr><th>capability</th>${COUNT_HEADERS}<th>verdict</th></tr></thead><tbody>${capabilityRows}</tbody></table>
<h2>By feature</h2>
<table><thead><tr><th>feature</th><th>capability</th>${COUNT_HEADERS}<th>verdict</th></tr></thead><tbody>${featureRows}</tbody></table>
<h2>Scenarios</h2>
${TOOLBAR}
${details}
<h2>Requirements</h2>
<p class="muted">Each seed requirement, the scenarios that verify it, and its verdict (the worst of its scenarios).</p>
${requirementsHtml(report.requirements)}
</main><script>${SCRIPT}</script></body></html>
`;
}

export async function writeHtml(report: RunReport, outDir: string): Promise<void> {
  await writeFile(path.join(outDir, 'index.html'), renderHtml(report));
}
