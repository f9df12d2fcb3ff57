// What every command aimed at a target checks before any work: the URL, the vendor profile file, that
// the target answers, and that it offers the test-control extension when no profile is given.
// certify and seed share it, so a bad target reads the same way (one line, exit 2) in both.
import path from 'node:path';
import { basicAuthorization } from '../driver/contract_driver.ts';
import { HarnessError } from '../driver/driver.ts';
import { explainTransportError, useProxyFromEnvironment } from '../driver/http/network.ts';
import { loadVendorProfile, type VendorProfile } from '../driver/vendor_profile.ts';
import { UsageError } from './usage_error.ts';

/** The header the test-control extension reads its admin token from, and the variable certify, seed, soak and serve read it from. */
export const ADMIN_TOKEN_HEADER = 'x-memberspec-admin-token';
export const ADMIN_TOKEN_ENV = 'MEMBERSPEC_ADMIN_TOKEN';

/** The admin token given, else the environment's; an empty one is a usage error. */
export function resolveAdminToken(given: string | undefined): string | undefined {
  const token = given ?? process.env[ADMIN_TOKEN_ENV];
  if (token === undefined) return undefined;
  if (token.trim() === '') throw new UsageError(`the admin token (--admin-token or ${ADMIN_TOKEN_ENV}) is empty`);
  return token;
}

const REACHABILITY_TIMEOUT_MS = 5000;

/** How the checks reach the target: the run's own per-request limit and extra headers, so a check is never stricter than the run. */
export interface TargetAccess {
  /** Per request; default 5000 ms (--step-timeout, --request-timeout). */
  readonly timeoutMs?: number;
  /** Sent with every request (--header). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** The target's base URL without trailing slashes; undefined = the embedded reference. */
export function validateTarget(target: string | undefined): string | undefined {
  if (target === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new UsageError(`--target must be an http(s) URL, got "${target}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--target must be an http(s) URL, got "${target}"`);
  }
  return target.replace(/\/+$/, '');
}

/** The profile file's absolute path and contents, checked up front: a bad profile is a usage error. */
export function validateProfile(profile: string | undefined, target: string | undefined): { path: string; profile: VendorProfile } | undefined {
  if (profile === undefined) return undefined;
  if (!target) throw new UsageError('--profile needs --target: the embedded reference configures its own orgs');
  const resolved = path.resolve(profile);
  try {
    return { path: resolved, profile: loadVendorProfile(resolved, profile) };
  } catch (error) {
    if (error instanceof HarnessError) throw new UsageError(error.message);
    throw error;
  }
}

/** Any HTTP answer at all means the target is up; only a network failure or silence is "unreachable". */
export async function checkReachable(target: string, access: TargetAccess = {}): Promise<void> {
  await useProxyFromEnvironment();
  const timeoutMs = access.timeoutMs ?? REACHABILITY_TIMEOUT_MS;
  try {
    const response = await fetch(`${target}/openapi.json`, { headers: { ...access.headers }, signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
  } catch (error) {
    const why = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : explainTransportError(error);
    throw new UsageError(`target ${target} is not reachable (${why})`);
  }
}

/** Answers that mean "no such endpoint here", as opposed to an endpoint that misbehaves. */
const NOT_OFFERED = new Set([404, 405, 501]);

/**
 * Without a profile, the work starts by creating an org through the test-control extension. A target
 * without it would fail every time on the same first call, so say so once, as a usage error.
 */
export async function checkTestControl(
  target: string,
  remedy = 'describe the org in a profile file and pass --profile FILE (see examples/vendor_profile.json)',
  adminToken?: string,
  access: TargetAccess = {},
): Promise<void> {
  const response = await fetch(`${target}/x-memberspec/orgs`, {
    method: 'POST',
    headers: { ...access.headers, 'content-type': 'application/json', ...(adminToken !== undefined ? { [ADMIN_TOKEN_HEADER]: adminToken } : {}) },
    body: JSON.stringify({ configs: {} }),
    signal: AbortSignal.timeout(access.timeoutMs ?? REACHABILITY_TIMEOUT_MS),
  }).catch(() => undefined);
  await response?.body?.cancel();
  if (response?.status === 401) {
    throw new UsageError(
      `target ${target} refused the admin token of its test-control extension (POST /x-memberspec/orgs answered 401): ${adminToken === undefined ? 'pass' : 'check'} --admin-token or ${ADMIN_TOKEN_ENV}${access.headers ? '' : ' (or, for a gateway in front of the target that wants its own credential, --header "Name: value")'}`,
    );
  }
  if (response?.status === 403) {
    throw new UsageError(`target ${target} opens its test-control extension to loopback clients only (POST /x-memberspec/orgs answered 403); ${remedy}`);
  }
  if (response && NOT_OFFERED.has(response.status)) {
    throw new UsageError(
      `target ${target} does not offer the test-control extension (POST /x-memberspec/orgs answered ${response.status}); ${remedy}`,
    );
  }
}

/** Answers that mean "these credentials are refused". */
const REFUSED = new Set([401, 403]);
/** An identifier no customer holds: the read is answered "not found" by a target that accepts the till. */
const CREDENTIALS_PROBE = { source: 'INSTORE', identifierName: 'externalId', identifierValue: 'memberspec-credentials-check' };

/**
 * Profile mode: one authenticated read with the profile's till before any scenario, so that wrong
 * credentials stop the run with one line instead of failing every scenario on its first request.
 */
export async function checkTillCredentials(target: string, vendor: { path: string; profile: VendorProfile }, access: TargetAccess = {}): Promise<void> {
  const { username, password } = vendor.profile.till;
  const response = await fetch(`${target}/v2/customers/lookup?${new URLSearchParams(CREDENTIALS_PROBE)}`, {
    headers: { ...access.headers, accept: 'application/json', authorization: basicAuthorization(username, password) },
    signal: AbortSignal.timeout(access.timeoutMs ?? REACHABILITY_TIMEOUT_MS),
  }).catch(() => undefined);
  await response?.body?.cancel();
  if (response && REFUSED.has(response.status)) {
    throw new UsageError(
      `target ${target} refused the till credentials of profile ${path.basename(vendor.path)} (till "${username}": an authenticated read answered ${response.status}); check "till" in the profile`,
    );
  }
}

/** Everything a command checks about its target before any work: it answers, and it can be worked with. */
export async function checkTarget(
  target: string,
  vendor: { path: string; profile: VendorProfile } | undefined,
  testControlRemedy?: string,
  adminToken?: string,
  access: TargetAccess = {},
): Promise<void> {
  await checkReachable(target, access);
  if (vendor) await checkTillCredentials(target, vendor, access);
  else await checkTestControl(target, testControlRemedy, adminToken, access);
}
