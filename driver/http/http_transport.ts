// Contract requests over a socket to a base URL, with global fetch and a per-request timeout.
import { HarnessError } from '../driver.ts';
import { adminTokenHeader, type ApiRequest, type ApiResponse, type Transport } from '../transport.ts';
import { explainTransportError, useProxyFromEnvironment } from './network.ts';

export const DEFAULT_REQUEST_TIMEOUT_MS = 5000;

export interface HttpTransportOptions {
  /** e.g. http://127.0.0.1:8080 or https://host/prefix; a trailing slash is ignored. */
  readonly baseUrl: string;
  /** Per request, answer body included; default 5000 ms. */
  readonly timeoutMs?: number;
  /** Sent (header X-Memberspec-Admin-Token) with every request to the test-control extension. */
  readonly adminToken?: string;
  /** Sent with every request (a gateway's API key, `--header`); the request's own headers win. */
  readonly headers?: Readonly<Record<string, string>>;
}


export function requestUrl(baseUrl: string, request: Pick<ApiRequest, 'path' | 'query'>): string {
  const query = new URLSearchParams(request.query ?? {}).toString();
  return `${baseUrl.replace(/\/+$/, '')}${request.path}${query ? `?${query}` : ''}`;
}

/** An answer's text as JSON, or the text itself when it is not JSON. */
export function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function createHttpTransport(options: HttpTransportOptions): Transport {
  const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  if (!/^https?:\/\//i.test(options.baseUrl)) throw new HarnessError(`target must be an http(s) URL, got "${options.baseUrl}"`);
  return {
    target: options.baseUrl.replace(/\/+$/, ''),
    sendsAdminToken: options.adminToken !== undefined,
    async send(request: ApiRequest): Promise<ApiResponse> {
      const url = requestUrl(options.baseUrl, request);
      const body = request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
      await useProxyFromEnvironment();
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        // A redirect (the OAuth2 landing page's) is the answer itself: the harness plays the browser.
        const headers = { ...options.headers, ...request.headers, ...adminTokenHeader(request, options.adminToken) };
        const response = await fetch(url, { method: request.method, headers, body, signal, redirect: 'manual' });
        const text = await response.text();
        return { status: response.status, body: parseBody(text), headers: Object.fromEntries(response.headers) };
      } catch (error) {
        if (signal.aborted) throw new HarnessError(`${request.method} ${url}: no answer within ${timeoutMs} ms`);
        throw new HarnessError(`${request.method} ${url}: request failed: ${explainTransportError(error)}`);
      }
    },
    async close() {},
  };
}
