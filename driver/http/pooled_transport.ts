// Contract requests for loads (seed, soak): node:http over a keep-alive Agent, one sweep timer for every
// request's deadline instead of an AbortSignal each. Global fetch (undici behind web streams) cost the
// seed client most of its CPU per request; this transport keeps the same requests and answers. Behind a
// proxy from the environment a load goes through fetch, which honours it (driver/make_driver.ts).
import http from 'node:http';
import https from 'node:https';
import { HarnessError } from '../driver.ts';
import { adminTokenHeader, type ApiRequest, type ApiResponse, type Transport } from '../transport.ts';
import { DEFAULT_REQUEST_TIMEOUT_MS, parseBody, requestUrl, type HttpTransportOptions } from './http_transport.ts';
import { explainTransportError } from './network.ts';

/** Deadlines are checked this often at most; a late answer is cut within a tenth of its time limit. */
const SWEEP_MIN_MS = 20;

/** node:http gives repeated headers (set-cookie) as lists; fetch joins them with ", ", as here. */
function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

class TimedOut extends Error {}

export function createPooledHttpTransport(options: HttpTransportOptions): Transport {
  const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  if (!/^https?:\/\//i.test(options.baseUrl)) throw new HarnessError(`target must be an http(s) URL, got "${options.baseUrl}"`);
  const secure = /^https:/i.test(options.baseUrl);
  const agent = secure ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
  const send = secure ? https.request : http.request;
  // One timer for all requests in flight: each has a deadline; the sweep destroys the late ones.
  const deadlines = new Map<http.ClientRequest, number>();
  let sweeper: NodeJS.Timeout | undefined;
  function sweep(): void {
    const now = performance.now();
    for (const [request, deadline] of deadlines) if (now >= deadline) request.destroy(new TimedOut());
    if (deadlines.size === 0 && sweeper) {
      clearInterval(sweeper);
      sweeper = undefined;
    }
  }
  function track(request: http.ClientRequest): void {
    deadlines.set(request, performance.now() + timeoutMs);
    sweeper ??= setInterval(sweep, Math.max(SWEEP_MIN_MS, Math.floor(timeoutMs / 10))).unref();
  }

  return {
    target: options.baseUrl.replace(/\/+$/, ''),
    sendsAdminToken: options.adminToken !== undefined,
    send(request: ApiRequest): Promise<ApiResponse> {
      const url = requestUrl(options.baseUrl, request);
      const body = request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
      const headers: Record<string, string | number> = { ...options.headers, ...request.headers, ...adminTokenHeader(request, options.adminToken) };
      if (body !== undefined) headers['content-length'] = Buffer.byteLength(body);
      return new Promise<ApiResponse>((resolve, reject) => {
        const outgoing = send(url, { method: request.method, headers, agent });
        track(outgoing);
        outgoing.on('error', (error) => {
          deadlines.delete(outgoing);
          if (error instanceof TimedOut) reject(new HarnessError(`${request.method} ${url}: no answer within ${timeoutMs} ms`));
          else reject(new HarnessError(`${request.method} ${url}: request failed: ${explainTransportError(error)}`));
        });
        outgoing.on('response', (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', (error) => outgoing.destroy(error));
          incoming.on('end', () => {
            deadlines.delete(outgoing);
            const text = chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8');
            resolve({ status: incoming.statusCode ?? 0, body: parseBody(text), headers: flatHeaders(incoming.headers) });
          });
        });
        outgoing.end(body);
      });
    },
    async close() {
      if (sweeper) clearInterval(sweeper);
      for (const request of deadlines.keys()) request.destroy();
      agent.destroy();
    },
  };
}
