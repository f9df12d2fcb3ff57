// junit.xml read as a CI system reads it (a real XML parser, not string matching): well-formed, one test
// case per scenario with the element its verdict calls for, and counts that agree with the elements.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { RunCollector, type RunReport } from './run_model.ts';
import { renderJunit, RUN_SUITE } from './junit_writer.ts';
import { syntheticEnvelopes, SYNTHETIC_CATALOGUE, SYNTHETIC_INFO } from '../test/fixtures/synthetic_run.ts';

type Node = Record<string, unknown>;

function syntheticReport(): RunReport {
  const collector = new RunCollector();
  for (const envelope of syntheticEnvelopes()) collector.add(envelope);
  return collector.build(SYNTHETIC_INFO, SYNTHETIC_CATALOGUE);
}

const list = (value: unknown): Node[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]) as Node[];

/** Parses junit.xml and checks the shape every JUnit consumer relies on; returns the suites. */
function parseJunit(xml: string): { root: Node; suites: Node[] } {
  assert.equal(XMLValidator.validate(xml), true, 'junit.xml is well-formed XML');
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseAttributeValue: false, trimValues: false, htmlEntities: true }).parse(xml) as Node;
  const root = parsed.testsuites as Node;
  assert.ok(root, 'the root element is <testsuites>');
  const suites = list(root.testsuite);
  const number = (node: Node, name: string) => {
    const text = node[`@${name}`];
    assert.match(String(text), /^\d+$/, `${name} is a whole number`);
    return Number(text);
  };
  const sum = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const suite of suites) {
    assert.equal(typeof suite['@name'], 'string');
    const cases = list(suite.testcase);
    for (const testcase of cases) {
      assert.equal(typeof testcase['@name'], 'string');
      assert.equal(typeof testcase['@classname'], 'string');
      assert.match(String(testcase['@time']), /^\d+\.\d{3}$/);
      const outcomes = ['failure', 'error', 'skipped'].filter((tag) => tag in testcase);
      assert.ok(outcomes.length <= 1, `at most one outcome per test case: ${String(testcase['@name'])}`);
      for (const tag of outcomes) assert.equal(typeof (testcase[tag] as Node)['@message'], 'string', `<${tag}> has a message`);
    }
    const counted = {
      tests: cases.length,
      failures: cases.filter((c) => 'failure' in c).length,
      errors: cases.filter((c) => 'error' in c).length,
      skipped: cases.filter((c) => 'skipped' in c).length,
    };
    for (const key of Object.keys(counted) as (keyof typeof counted)[]) {
      assert.equal(number(suite, key), counted[key], `suite "${String(suite['@name'])}": ${key} agrees with its test cases`);
      sum[key] += counted[key];
    }
  }
  for (const key of Object.keys(sum) as (keyof typeof sum)[]) assert.equal(number(root, key), sum[key], `<testsuites> ${key} is the sum of its suites`);
  return { root, suites };
}

function caseNamed(suites: Node[], name: string): Node {
  const found = suites.flatMap((s) => list(s.testcase)).find((c) => String(c['@name']).startsWith(name));
  assert.ok(found, `a test case for "${name}"`);
  return found;
}

test('junit.xml: failed is <failure>, a harness error <error>, not applicable <skipped message="reason"/>', () => {
  const report = syntheticReport();
  const { root, suites } = parseJunit(renderJunit(report));
  const byVerdict = { passed: 0, failed: 0, error: 0, notApplicable: 0 };
  for (const s of report.scenarios) {
    byVerdict[s.verdict] += 1;
    const testcase = caseNamed(suites, s.name);
    const tags = ['failure', 'error', 'skipped'].filter((tag) => tag in testcase);
    const expected = { passed: [], failed: ['failure'], error: ['error'], notApplicable: ['skipped'] }[s.verdict];
    assert.deepEqual(tags, expected, `${s.name} (${s.verdict})`);
  }
  assert.equal(Number(root['@errors']), byVerdict.error, 'harness errors are counted in errors, not failures');
  assert.equal(Number(root['@failures']), byVerdict.failed);
  const skipped = caseNamed(suites, 'Enabled, example 1').skipped as Node;
  assert.equal(skipped['@message'], 'needs CONF_SKIP_SECONDARY=true, target has false');
  const timedOut = caseNamed(suites, 'A target that never answers').error as Node;
  assert.equal(timedOut['@type'], 'Timeout');
  const failure = caseNamed(suites, 'Registering without the primary identifier is refused').failure as Node;
  assert.equal(failure['@type'], 'AssertionError');
  assert.match(String(failure['#text']), /At step: Then the registration is refused with error 8205/);
  // The run's suite states the verdict; a judged run adds no test case of its own.
  const run = suites.find((s) => s['@name'] === RUN_SUITE)!;
  const properties = new Map(list((run.properties as Node).property).map((p) => [p['@name'], p['@value']]));
  assert.equal(properties.get('verdict'), 'failed');
  assert.equal(list(run.testcase).length, 0);
});

test('junit.xml of a run that judged nothing carries an error, so CI cannot read it as green', () => {
  const none = new RunCollector().build({ ...SYNTHETIC_INFO, selection: { tags: '@req:nope' } }, SYNTHETIC_CATALOGUE);
  assert.equal(none.verdict, 'nothingJudged');
  const { root, suites } = parseJunit(renderJunit(none));
  assert.equal(Number(root['@errors']), 1);
  const error = caseNamed(suites, 'the run judged at least one scenario').error as Node;
  assert.equal(error['@type'], 'nothingJudged');
  assert.match(String(error['@message']), /none matches --tags "@req:nope"/);
});

test('junit.xml escapes what XML cannot carry as it is', () => {
  const report = syntheticReport();
  const nasty = 'a <b> & "c" \'d\'\nline two \u0001 end';
  const scenario = report.scenarios.find((s) => s.verdict === 'failed')!;
  const edited: RunReport = {
    ...report,
    features: report.features.map((f) => ({
      ...f,
      rules: f.rules.map((r) => ({ ...r, scenarios: r.scenarios.map((s) => (s === scenario ? { ...s, name: nasty, message: nasty } : s)) })),
    })),
  };
  const { suites } = parseJunit(renderJunit(edited));
  const failure = caseNamed(suites, 'a <b>').failure as Node;
  assert.equal(failure['@message'], nasty.replace('\u0001', ''));
});
