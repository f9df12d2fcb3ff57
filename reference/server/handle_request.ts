// The request pipeline every route goes through, whichever front end received the request:
// authentication, body parsing, contract validation, the handler, and error envelopes.
import { createHash, timingSafeEqual } from 'node:crypto';
import { OPERATIONS } from '../../contract/contract.ts';
import { validateParameters, validateRequest } from '../../contract/validator.ts';
import { DomainError, ERRORS, type ErrorCode } from '../domain/errors.ts';
import type { Org } from '../domain/types.ts';
import type { IdentityService } from '../service/identity_service.ts';
import { parseFormBody, parseJsonBody } from './parse_body.ts';
import type { RouteDefinition } from './route_support.ts';

/** A request as both front ends hand it over: header names in lower case, raw body text. */
export interface ServerRequest {
  readonly method: string;
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly rawBody?: string;
  /** The client's address over HTTP; absent in-process (a local caller). */
  readonly remoteAddress?: string;
}

/** How the server offers the test-control extension (the contract's `x-memberspec-extension` operations). */
export interface TestControlOptions {
  /** false: the extension's routes answer 404, as on a server without it. Default true. */
  readonly testControl?: boolean;
  /** When set, every extension route needs it in X-Memberspec-Admin-Token; when absent, only loopback clients reach them. */
  readonly adminToken?: string;
}

export const ADMIN_TOKEN_HEADER = 'x-memberspec-admin-token';
const ADMIN_CHALLENGE = 'X-Memberspec-Admin-Token realm="memberspec test control"';

export interface ServerResponse {
  readonly status: number;
  readonly body: unknown;
  /** Extra response headers (a redirect's Location, a Bearer challenge); names in lower case. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** The challenge every 401 carries (RFC 9110 §11.6.1). */
export const BASIC_CHALLENGE = 'Basic realm="memberspec", charset="UTF-8"';

/** A 401 whose credential is not a till's names its own scheme. */
const CHALLENGES: Partial<Record<number, string>> = { 8404: 'Bearer error="invalid_token"', 8307: ADMIN_CHALLENGE };

/** Error messages quote client values; a cap keeps a huge value from being echoed back whole. */
const MAX_MESSAGE_CHARS = 1000;

function capped(message: string): string {
  return message.length <= MAX_MESSAGE_CHARS ? message : `${message.slice(0, MAX_MESSAGE_CHARS)}…`;
}

export function errorResponse(code: ErrorCode, ...params: (string | number)[]): ServerResponse {
  return domainErrorResponse(new DomainError(code, ...params));
}

export function domainErrorResponse(error: DomainError): ServerResponse {
  const status = ERRORS[error.code].httpStatus;
  return {
    status,
    body: { errors: [{ status: false, code: error.code, message: capped(error.message) }], warnings: [] },
    ...(status === 401 ? { headers: { 'www-authenticate': CHALLENGES[error.code] ?? BASIC_CHALLENGE } } : {}),
  };
}

/**
 * A request refused before or outside a route (bad path, body that cannot be read, oversized
 * headers...), as the contract's error envelope; anything else is a bug in the reference.
 */
export function requestErrorResponse(where: string, error: unknown): ServerResponse {
  if (error instanceof DomainError) return domainErrorResponse(error);
  return unexpectedErrorResponse(where, error);
}

/**
 * Path segments that do not percent-decode (`/v2/customers/%zz`) are refused before any route or
 * authentication runs, by both front ends.
 */
export function checkRequestPath(path: string): void {
  for (const segment of path.split('/')) {
    if (!segment.includes('%')) continue;
    try {
      decodeURIComponent(segment);
    } catch {
      throw new DomainError(8300, segment);
    }
  }
}

/** A bug in the reference (the only case with a stack in the log): logged on stderr, answered without it. */
export function unexpectedErrorResponse(where: string, error: unknown): ServerResponse {
  console.error(`memberspec reference: unexpected error in ${where}:`, error);
  return {
    status: 500,
    body: { errors: [{ status: false, code: 500, message: `Internal error in ${where}; see the server log` }], warnings: [] },
  };
}

export function notFoundResponse(method: string, path: string): ServerResponse {
  return errorResponse(404, `${method} ${path}`);
}

export function md5Hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

// Accepted Authorization headers per service. Tills never change their password and orgs are never
// removed, so an accepted header stays accepted; refusals are not kept (the org may be created later).
const ACCEPTED = new WeakMap<IdentityService, Map<string, Org>>();
const MAX_ACCEPTED = 1000;

/** The org of `Authorization: Basic base64(till:md5hex(password))`, or undefined. */
export function authenticate(service: IdentityService, authorization: string | undefined): Org | undefined {
  if (authorization === undefined) return undefined;
  let accepted = ACCEPTED.get(service);
  if (!accepted) ACCEPTED.set(service, (accepted = new Map()));
  const known = accepted.get(authorization);
  if (known) return known;
  const org = checkCredentials(service, authorization);
  if (org) {
    if (accepted.size >= MAX_ACCEPTED) accepted.clear();
    accepted.set(authorization, org);
  }
  return org;
}

function checkCredentials(service: IdentityService, authorization: string): Org | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return service.authenticate(decoded.slice(0, colon), decoded.slice(colon + 1).toLowerCase());
}

function stripOperation(problem: string): string {
  return problem.replace(/^\S+ request: /, '');
}

export function isLoopback(address: string): boolean {
  return /^(127\.|::1$|::ffff:127\.)/.test(address);
}

function sameSecret(given: string, expected: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Undefined when the request may use the extension route; otherwise the answer. Checked before any till credentials. */
function testControlRefusal(request: ServerRequest, options: TestControlOptions): ServerResponse | undefined {
  if (options.testControl === false) return notFoundResponse(request.method, request.path);
  if (options.adminToken !== undefined) {
    const given = request.headers[ADMIN_TOKEN_HEADER];
    return given !== undefined && sameSecret(given, options.adminToken) ? undefined : errorResponse(8307);
  }
  if (request.remoteAddress !== undefined && !isLoopback(request.remoteAddress)) return errorResponse(8308);
  return undefined;
}

export async function handleRoute(
  service: IdentityService,
  route: RouteDefinition,
  request: ServerRequest,
  options: TestControlOptions = {},
): Promise<ServerResponse> {
  try {
    if (OPERATIONS.get(route.operationId)?.extension) {
      const refusal = testControlRefusal(request, options);
      if (refusal) return refusal;
    }
    let org: Org | undefined;
    if (route.auth) {
      org = authenticate(service, request.headers.authorization);
      if (!org) return errorResponse(401);
    }
    const body =
      route.body === 'form'
        ? parseFormBody(request.rawBody, request.headers['content-type'])
        : parseJsonBody(request.rawBody, request.headers['content-type']);
    const parameters = validateParameters(route.operationId, { query: request.query, path: request.params }); // copies them
    const problems = [...parameters.problems, ...validateRequest(route.operationId, body)];
    if (problems.length > 0) return errorResponse(8203, problems.map(stripOperation).join('; '));
    return await route.handler({
      service,
      org: org as Org,
      path: parameters.values.path,
      query: parameters.values.query,
      body,
      headers: request.headers,
      method: request.method,
    });
  } catch (error) {
    if (error instanceof DomainError) return domainErrorResponse(error);
    return unexpectedErrorResponse(route.operationId, error);
  }
}
