// Picks and builds the driver from the cucumber world parameters; the only reader of them.
import { createContractDriver } from './contract_driver.ts';
import { HarnessError, type Driver } from './driver.ts';
import { createHttpTransport, DEFAULT_REQUEST_TIMEOUT_MS, type HttpTransportOptions } from './http/http_transport.ts';
import { proxyFromEnvironment } from './http/network.ts';
import { createPooledHttpTransport } from './http/pooled_transport.ts';
import { createInProcessTransport } from './in_process/in_process_transport.ts';
import type { Transport } from './transport.ts';
import { loadVendorProfile } from './vendor_profile.ts';

export interface WorldParameters {
  /** Default 'in-process'. */
  readonly driver?: 'in-process' | 'http';
  /** Base URL of the target; required for 'http'. */
  readonly target?: string;
  /** Path of a vendor profile JSON (profile mode: no test-control extension); 'http' only. */
  readonly profile?: string;
  /** Per request, default 5000 ms. */
  readonly requestTimeoutMs?: number;
  /** Admin token of the target's test-control extension; 'http' only. */
  readonly adminToken?: string;
  /** Extra headers sent with every request (`--header`, e.g. a gateway's API key); 'http' only. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Checks the world parameters and says clearly what is wrong. */
export function parseWorldParameters(raw: unknown): WorldParameters {
  const parameters = (raw ?? {}) as Record<string, unknown>;
  if (typeof parameters !== 'object' || Array.isArray(parameters)) throw new HarnessError('world parameters must be an object');
  const driver = parameters.driver ?? 'in-process';
  if (driver !== 'in-process' && driver !== 'http') {
    throw new HarnessError(`world parameter "driver" must be "in-process" or "http", got ${JSON.stringify(driver)}`);
  }
  const { target, profile, requestTimeoutMs, adminToken, headers } = parameters;
  if (headers !== undefined && (typeof headers !== 'object' || headers === null || Array.isArray(headers) || Object.values(headers).some((v) => typeof v !== 'string'))) {
    throw new HarnessError('world parameter "headers" must be an object of header names to string values');
  }
  if (adminToken !== undefined && (typeof adminToken !== 'string' || adminToken === '')) throw new HarnessError('world parameter "adminToken" must be a non-empty string');
  if (target !== undefined && typeof target !== 'string') throw new HarnessError('world parameter "target" must be a URL string');
  if (profile !== undefined && typeof profile !== 'string') throw new HarnessError('world parameter "profile" must be a file path');
  if (requestTimeoutMs !== undefined && !(typeof requestTimeoutMs === 'number' && Number.isFinite(requestTimeoutMs) && requestTimeoutMs > 0)) {
    throw new HarnessError(`world parameter "requestTimeoutMs" must be a positive number, got ${JSON.stringify(requestTimeoutMs)}`);
  }
  if (driver === 'http' && !target) throw new HarnessError('driver "http" needs world parameter "target" (the base URL)');
  if (driver === 'in-process' && target) throw new HarnessError('world parameter "target" needs driver "http"');
  if (driver === 'in-process' && profile) throw new HarnessError('world parameter "profile" needs driver "http"');
  if (driver === 'in-process' && adminToken) throw new HarnessError('world parameter "adminToken" needs driver "http"');
  if (driver === 'in-process' && headers) throw new HarnessError('world parameter "headers" needs driver "http"');
  return { driver, target, profile, requestTimeoutMs, adminToken, headers } as WorldParameters;
}

export function makeDriver(raw: unknown = {}): Driver {
  return buildDriver(parseWorldParameters(raw), 'conformance');
}

/**
 * The driver for a load (seed, soak): the same requests and checks, over a keep-alive node:http pool
 * instead of global fetch, and without a transcript (nothing shows one, and keeping it costs CPU).
 */
export function makeLoadDriver(raw: unknown = {}, options: { orgListing?: boolean } = {}): Driver {
  return buildDriver(parseWorldParameters(raw), 'load', options.orgListing === true);
}

/** A load's transport: the keep-alive pool, or fetch behind a proxy from the environment (fetch routes through it). */
export function createLoadTransport(options: HttpTransportOptions): Transport {
  return proxyFromEnvironment().length === 0 ? createPooledHttpTransport(options) : createHttpTransport(options);
}

function buildDriver(parameters: WorldParameters, use: 'conformance' | 'load', orgListing = false): Driver {
  const recordTranscript = use === 'conformance';
  if (parameters.driver === 'http') {
    const createTransport = use === 'load' ? createLoadTransport : createHttpTransport;
    const transport = createTransport({
      baseUrl: parameters.target as string,
      timeoutMs: parameters.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      ...(parameters.adminToken !== undefined ? { adminToken: parameters.adminToken } : {}),
      ...(parameters.headers ? { headers: parameters.headers } : {}),
    });
    const profile = parameters.profile ? loadVendorProfile(parameters.profile) : undefined;
    return createContractDriver({ name: 'http', transport, profile, recordTranscript, orgListing });
  }
  return createContractDriver({ name: 'in-process', transport: createInProcessTransport(), recordTranscript });
}
