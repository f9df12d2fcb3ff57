// The contract fuzz: starts `memberspec serve` in a child process, sends it hostile requests (see
// fuzz_requests.ts) and counts what must never happen: a 5xx, an answer outside the contract, a crash,
// a stack trace in the server's log. Used by the unit spec (a bounded run) and `npm run fuzz`.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import path from 'node:path';
import fc from 'fast-check';
import { match } from 'path-to-regexp';
import { PROJECT_ROOT } from '../../api/project_root.ts';
import { OPERATIONS } from '../../contract/contract.ts';
import { errorEnvelopeProblems, responseHeaderProblems, responseProblems } from '../../contract/validator.ts';
import { rawRequestArbitrary, requestArbitrary, type FuzzContext, type FuzzRequest, type RawRequest } from './fuzz_requests.ts';

export interface FuzzOptions {
  readonly requests: number;
  readonly seed: number;
  readonly concurrency?: number;
  readonly onProgress?: (done: number, tally: FuzzTally) => void;
}

export interface FuzzFailure {
  readonly kind: 'server error' | 'outside the contract' | 'no answer' | 'crash' | 'stack trace in the log';
  readonly request: string;
  readonly detail: string;
}

export interface FuzzTally {
  sent: number;
  /** Requests Node's client refused to send (e.g. a header it will not write). */
  unsendable: number;
  byStatus: Record<string, number>;
  /** Error code of the refusals (first error), to see which rules the requests reached. */
  byCode: Record<string, number>;
  serverErrors: number;
  outsideContract: number;
  noAnswer: number;
  crashes: number;
  stackTraces: number;
  /** The first few failures of each kind, to reproduce. */
  failures: FuzzFailure[];
  /** Client-error lines the server logged. */
  clientErrorLogLines: number;
}

const MAX_FAILURES_KEPT = 20;
const ANSWER_TIMEOUT_MS = 15_000;

interface Target {
  readonly url: string;
  readonly child: ChildProcess;
  stderr(): string;
  exited(): boolean;
  stop(): Promise<void>;
}

async function startTarget(): Promise<Target> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('cli', 'main.ts'), 'serve', '--port', '0'], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let exited = false;
  child.stderr!.on('data', (data: Buffer) => (stderr += data.toString()));
  const closed = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (data: Buffer) => {
      stdout += data.toString();
      const found = /listening on (http:\/\/\S+?) /.exec(stdout);
      if (found) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}) before listening: ${stderr.slice(0, 500)}`)));
  });
  return {
    url,
    child,
    stderr: () => stderr,
    exited: () => exited,
    stop: async () => {
      if (!exited) child.kill('SIGTERM');
      await closed;
    },
  };
}

function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${createHash('md5').update(password).digest('hex')}`).toString('base64')}`;
}

/** Two orgs and a few customers, so requests get past authentication and reach the rules. */
async function setUp(url: string): Promise<FuzzContext> {
  const tills: string[] = [];
  const orgIds: number[] = [];
  const customerIds: number[] = [];
  for (const configs of [{}, { CONF_CUSTOMER_STATUS_ENABLED: true, CONF_SKIP_SECONDARY: true }]) {
    const created = await fetch(`${url}/x-memberspec/orgs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ configs }) });
    if (created.status !== 201) throw new Error(`fuzz set-up: creating an org answered ${created.status}: ${await created.text()}`);
    const { entity } = (await created.json()) as { entity: { orgId: number; till: { username: string; password: string } } };
    orgIds.push(entity.orgId);
    tills.push(basic(entity.till.username, entity.till.password));
  }
  for (let i = 0; i < 4; i++) {
    const body = { loyaltyInfo: { loyaltyType: 'loyalty' }, profiles: [{ firstName: 'Fuzz', source: 'INSTORE', identifiers: [{ type: 'mobile', value: `9198765432${10 + i}` }] }] };
    const answer = await fetch(`${url}/v2/customers`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: tills[0] }, body: JSON.stringify(body) });
    if (answer.status !== 200) throw new Error(`fuzz set-up: registering answered ${answer.status}: ${await answer.text()}`);
    customerIds.push(((await answer.json()) as { createdId: number }).createdId);
  }
  return { tills, orgIds, customerIds };
}

// The contract's paths as Express matches them: literal segments before parameters, case-insensitive, optional trailing slash.
const MATCHERS = [...OPERATIONS.values()]
  .map((op) => ({ op, params: (op.path.match(/\{/g) ?? []).length, matcher: match(op.path.replace(/\{(\w+)\}/g, ':$1'), { decode: false, sensitive: false, trailing: true }) }))
  .sort((a, b) => a.params - b.params);

function operationOf(method: string, requestPath: string): string | undefined {
  const pathOnly = requestPath.split('?')[0];
  const wanted = method === 'HEAD' ? 'GET' : method;
  return MATCHERS.find(({ op, matcher }) => op.method === wanted && matcher(pathOnly) !== false)?.op.operationId;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

function describeRequest(request: FuzzRequest): string {
  const headers = Object.entries(request.headers).map(([name, value]) => `${name}: ${value.length > 80 ? `${value.slice(0, 80)}…(${value.length})` : value}`);
  const body = request.body === undefined ? '' : ` body(${request.body.length} B): ${JSON.stringify(request.body.subarray(0, 160).toString('latin1'))}`;
  return `${request.method} ${request.path.length > 200 ? `${request.path.slice(0, 200)}…` : request.path} [from ${request.from}] {${headers.join('; ')}}${body}`;
}

/**
 * One request on a kept-alive socket. A reset on a reused socket is the idle-timeout race Node documents
 * (the server closed it just as it was taken): sent again once, on a fresh socket. Any other failure counts.
 */
async function send(url: URL, agent: Agent, request: FuzzRequest): Promise<Answer | 'unsendable' | Error> {
  const first = await sendOnce(url, agent, request);
  if (first instanceof Error && (first as Error & { reusedSocket?: boolean }).reusedSocket) return sendOnce(url, false, request);
  return first;
}

function sendOnce(url: URL, agent: Agent | false, request: FuzzRequest): Promise<Answer | 'unsendable' | Error> {
  return new Promise((resolve) => {
    let outgoing;
    try {
      outgoing = httpRequest({ host: url.hostname, port: url.port, method: request.method, path: request.path, headers: request.headers, agent, timeout: ANSWER_TIMEOUT_MS });
    } catch {
      resolve('unsendable');
      return;
    }
    outgoing.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)])),
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      response.on('error', (error) => resolve(error));
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${ANSWER_TIMEOUT_MS} ms`)));
    outgoing.on('error', (error: Error & { code?: string }) =>
      resolve(Object.assign(error, { reusedSocket: outgoing.reusedSocket && error.code === 'ECONNRESET' })),
    );
    outgoing.end(request.body);
  });
}

/** Raw bytes on a fresh socket; the answer's status line and body, or undefined when the server closed without one. */
function sendRaw(url: URL, request: RawRequest): Promise<Answer | undefined | Error> {
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    const chunks: Buffer[] = [];
    const finish = () => {
      const text = Buffer.concat(chunks).toString('latin1');
      if (text === '') return resolve(undefined);
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);
      const [head, ...rest] = text.split('\r\n\r\n');
      const headers = Object.fromEntries(head.split('\r\n').slice(1).map((line) => [line.split(':')[0].toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status, headers, text: rest.join('\r\n\r\n') });
    };
    socket.setTimeout(request.answers ? ANSWER_TIMEOUT_MS : 1500, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', finish);
    socket.on('error', () => undefined);
    socket.end(request.raw);
  });
}

/** What is wrong with an answer (empty when it is one the contract allows). */
function answerProblems(method: string, requestPath: string, answer: Answer): string[] {
  if (answer.status >= 500) return [`server error ${answer.status}: ${answer.text.slice(0, 300)}`];
  if (method === 'HEAD') return [];
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return [`${answer.status} with a body that is not JSON: ${JSON.stringify(answer.text.slice(0, 200))}`];
  }
  if (!/^application\/json/i.test(answer.headers['content-type'] ?? '')) return [`${answer.status} with content-type ${answer.headers['content-type']}`];
  const operationId = operationOf(method, requestPath);
  if (operationId) return [...responseProblems(operationId, answer.status, body), ...responseHeaderProblems(operationId, answer.status, answer.headers)].map((p) => `${operationId} ${answer.status}: ${p}`);
  // No operation has this method and path: a request-level refusal (404 most often) in the error envelope.
  if (![400, 404, 408, 413, 415, 431].includes(answer.status)) return [`${answer.status} for a path no operation has`];
  return errorEnvelopeProblems(body).map((problem) => `${answer.status} not the error envelope: ${problem}`);
}

function emptyTally(): FuzzTally {
  return { sent: 0, unsendable: 0, byStatus: {}, byCode: {}, serverErrors: 0, outsideContract: 0, noAnswer: 0, crashes: 0, stackTraces: 0, failures: [], clientErrorLogLines: 0 };
}

function record(tally: FuzzTally, failure: FuzzFailure): void {
  if (tally.failures.filter((f) => f.kind === failure.kind).length < MAX_FAILURES_KEPT / 4) tally.failures.push(failure);
}

/** Log lines a stack trace leaves (`    at fn (file:line)`) or the reference's own bug line. */
const STACK_LINE = /^\s+at .+[:(]|unexpected error in/m;

export async function runContractFuzz(options: FuzzOptions): Promise<FuzzTally> {
  const tally = emptyTally();
  const target = await startTarget();
  const url = new URL(target.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency ?? 8 });
  try {
    const context = await setUp(target.url);
    // One in twenty is raw bytes on a socket of its own.
    const arbitrary = fc.oneof({ arbitrary: requestArbitrary(context).map((r) => ({ http: r })), weight: 19 }, { arbitrary: rawRequestArbitrary.map((r) => ({ raw: r })), weight: 1 });
    const batchSize = 500;
    for (let batch = 0; tally.sent + tally.unsendable < options.requests && !target.exited(); batch++) {
      const size = Math.min(batchSize, options.requests - tally.sent - tally.unsendable);
      const requests = fc.sample(arbitrary, { numRuns: size, seed: options.seed + batch });
      let next = 0;
      const worker = async () => {
        while (next < requests.length && !target.exited()) {
          const item = requests[next++];
          if ('raw' in item) {
            const answer = await sendRaw(url, item.raw);
            tally.sent++;
            const shown = `raw ${item.raw.from}: ${JSON.stringify(item.raw.raw.subarray(0, 120).toString('latin1'))}`;
            if (answer instanceof Error || answer === undefined) {
              if (item.raw.answers && !target.exited()) {
                tally.noAnswer++;
                record(tally, { kind: 'no answer', request: shown, detail: answer ? answer.message : 'closed without an answer' });
              }
              continue;
            }
            tally.byStatus[answer.status] = (tally.byStatus[answer.status] ?? 0) + 1;
            if (answer.status >= 500) {
              tally.serverErrors++;
              record(tally, { kind: 'server error', request: shown, detail: answer.text.slice(0, 300) });
            } else if (answer.status >= 400) {
              const problems = answerProblems('RAW', '/', answer);
              if (problems.length > 0) {
                tally.outsideContract++;
                record(tally, { kind: 'outside the contract', request: shown, detail: problems.join('; ') });
              }
            }
            continue;
          }
          const request = item.http;
          const answer = await send(url, agent, request);
          if (answer === 'unsendable') {
            tally.unsendable++;
            continue;
          }
          tally.sent++;
          if (answer instanceof Error) {
            if (target.exited()) break;
            tally.noAnswer++;
            record(tally, { kind: 'no answer', request: describeRequest(request), detail: answer.message });
            continue;
          }
          tally.byStatus[answer.status] = (tally.byStatus[answer.status] ?? 0) + 1;
          const code = /"code":(\d+)/.exec(answer.text.slice(0, 200))?.[1];
          if (answer.status >= 400 && code) tally.byCode[code] = (tally.byCode[code] ?? 0) + 1;
          const problems = answerProblems(request.method, request.path, answer);
          if (problems.length === 0) continue;
          if (answer.status >= 500) {
            tally.serverErrors++;
            record(tally, { kind: 'server error', request: describeRequest(request), detail: problems.join('; ') });
          } else {
            tally.outsideContract++;
            record(tally, { kind: 'outside the contract', request: describeRequest(request), detail: problems.join('; ').slice(0, 600) });
          }
        }
      };
      await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
      options.onProgress?.(tally.sent + tally.unsendable, tally);
    }
  } finally {
    agent.destroy();
    const crashed = target.exited();
    await target.stop();
    if (crashed) {
      tally.crashes++;
      record(tally, { kind: 'crash', request: '(the server process exited during the run)', detail: target.stderr().slice(-1500) });
    }
    const log = target.stderr();
    const stackLines = log.split('\n').filter((line) => STACK_LINE.test(line));
    tally.stackTraces = stackLines.length;
    if (stackLines.length > 0) record(tally, { kind: 'stack trace in the log', request: '(server stderr)', detail: stackLines.slice(0, 8).join('\n') });
    tally.clientErrorLogLines = log.split('\n').filter((line) => /^memberspec reference: .* -> 4\d\d/.test(line)).length;
  }
  return tally;
}

/** The figures in one paragraph, failures listed after. */
export function formatTally(tally: FuzzTally, seed: number): string {
  const statuses = Object.entries(tally.byStatus)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ');
  const lines = [
    `${tally.sent} requests (seed ${seed}): ${tally.serverErrors} 5xx, ${tally.crashes} crashes, ${tally.outsideContract} answers outside the contract, ${tally.noAnswer} without an answer, ${tally.stackTraces} stack-trace lines in the log`,
    `statuses: ${statuses}`,
    `refusal codes: ${Object.entries(tally.byCode).sort(([, a], [, b]) => b - a).map(([code, count]) => `${code}: ${count}`).join(', ')}`,
    `${tally.clientErrorLogLines} client errors logged (one line each); ${tally.unsendable} generated requests Node's client would not send`,
  ];
  for (const failure of tally.failures) lines.push(`  ${failure.kind}: ${failure.request}\n    ${failure.detail.replaceAll('\n', '\n    ')}`);
  return lines.join('\n');
}

export function failureCount(tally: FuzzTally): number {
  return tally.serverErrors + tally.crashes + tally.outsideContract + tally.noAnswer + tally.stackTraces;
}
