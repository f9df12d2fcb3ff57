// The network as CI has it: extra request headers (a gateway's API key), a proxy from the environment,
// and transport errors said in words instead of undici's and llhttp's codes.

/** Variables that name a proxy (lower-case forms too: curl and undici read both). */
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'] as const;

let proxyInstalled = false;

/** The proxy variables set in this environment, for messages and reports. */
export function proxyFromEnvironment(env: NodeJS.ProcessEnv = process.env): string[] {
  return PROXY_VARIABLES.filter((name) => (env[name] ?? '').trim() !== '');
}

/**
 * Routes global fetch through HTTP_PROXY/HTTPS_PROXY (NO_PROXY honoured) when one is set, as curl does.
 * Node 20's fetch ignores these variables; undici's EnvHttpProxyAgent reads them. Loaded only when needed.
 */
export async function useProxyFromEnvironment(): Promise<void> {
  if (proxyInstalled || proxyFromEnvironment().length === 0) return;
  const { EnvHttpProxyAgent, setGlobalDispatcher } = await import('undici');
  // undici calls the agent experimental in a warning on stderr: noise in every CI log that uses a proxy.
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const code = (rest[0] as { code?: string } | undefined)?.code ?? rest[1];
    if (code !== 'UNDICI-EHPA') (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    setGlobalDispatcher(new EnvHttpProxyAgent());
  } finally {
    process.emitWarning = emitWarning;
  }
  proxyInstalled = true;
}

/** A header name as RFC 9110 allows it (a token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Headers memberspec sets itself on every request: a second value would change what the target judges. */
const OWN_HEADERS = new Set(['content-type', 'content-length', 'host', 'transfer-encoding', 'connection']);

/** Parses repeated `--header "Name: value"` options into one record; a bad one throws with a one-line reason. */
export function parseHeaderOptions(values: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const text of values) {
    const colon = text.indexOf(':');
    const name = colon < 0 ? '' : text.slice(0, colon).trim();
    const value = colon < 0 ? '' : text.slice(colon + 1).trim();
    if (!name || !HEADER_NAME.test(name)) throw new Error(`--header must be "Name: value", got "${text}"`);
    if (/[\r\n\0]/.test(value)) throw new Error(`--header ${name}: the value must be on one line`);
    if (value === '') throw new Error(`--header ${name}: the value is empty`);
    if (OWN_HEADERS.has(name.toLowerCase())) throw new Error(`--header ${name}: memberspec sets this header itself`);
    headers[name.toLowerCase()] = value;
  }
  return headers;
}

/** What each low-level code means, in the words a CI engineer can act on. */
const EXPLANATIONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused: nothing listens on that host and port',
  ENOTFOUND: 'the host name does not resolve (DNS)',
  EAI_AGAIN: 'the host name could not be resolved just now (DNS did not answer)',
  ECONNRESET: 'the connection was reset before an answer came (the server or a proxy dropped it)',
  EPIPE: 'the connection was closed while the request was being sent',
  ETIMEDOUT: 'connecting timed out (a firewall dropping packets, or the wrong host)',
  EHOSTUNREACH: 'no route to the host',
  ENETUNREACH: 'the network is unreachable from this machine',
  UND_ERR_CONNECT_TIMEOUT: 'connecting timed out (a firewall dropping packets, or the wrong host)',
  UND_ERR_SOCKET: 'the server closed the connection in the middle of the answer (it crashed, or a proxy or load balancer cut it)',
  UND_ERR_CLOSED: 'the connection was closed before the answer',
  UND_ERR_HEADERS_TIMEOUT: 'the server accepted the request but sent no answer headers in time',
  UND_ERR_BODY_TIMEOUT: 'the server stopped sending the answer body',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'the answer body is shorter or longer than its Content-Length',
  UND_ERR_HEADERS_OVERFLOW: 'the answer headers are too large',
  HPE_INVALID_CONSTANT: 'the answer is not HTTP/1.1: the port probably speaks TLS (use https://) or another protocol',
  HPE_INVALID_VERSION: 'the answer is not HTTP/1.1: the port probably speaks TLS (use https://) or another protocol',
  HPE_UNEXPECTED_CONTENT_LENGTH: 'the answer is malformed HTTP (both Content-Length and Transfer-Encoding)',
  EPROTO: 'the TLS handshake failed: the port probably speaks plain HTTP (use http://)',
  ERR_SSL_WRONG_VERSION_NUMBER: 'the TLS handshake failed: the port probably speaks plain HTTP (use http://)',
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's TLS certificate is self-signed: give its CA in NODE_EXTRA_CA_CERTS",
  SELF_SIGNED_CERT_IN_CHAIN: "the server's TLS certificate chain ends in an untrusted CA: give it in NODE_EXTRA_CA_CERTS",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server's TLS certificate cannot be verified: give its CA in NODE_EXTRA_CA_CERTS",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "the server's TLS certificate cannot be verified: give its CA in NODE_EXTRA_CA_CERTS",
  CERT_HAS_EXPIRED: "the server's TLS certificate has expired",
  ERR_TLS_CERT_ALTNAME_INVALID: "the server's TLS certificate is for another host name",
  UND_ERR_ABORTED: 'the request was aborted',
};

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** The innermost code in an error's cause chain (AggregateError's first error included). */
function innermost(error: unknown): { code?: string; message?: string } {
  let current = error as ErrorLike | undefined;
  let found: { code?: string; message?: string } = {};
  for (let depth = 0; current && typeof current === 'object' && depth < 8; depth += 1) {
    if (typeof current.code === 'string') found = { code: current.code, message: typeof current.message === 'string' ? current.message : undefined };
    else if (!found.code && typeof current.message === 'string' && current !== error) found = { message: current.message };
    const next = current.cause ?? (Array.isArray(current.errors) ? current.errors[0] : undefined);
    current = next as ErrorLike | undefined;
  }
  return found;
}

/** "connection refused: nothing listens on that host and port (ECONNREFUSED)" for a fetch failure. */
export function explainTransportError(error: unknown): string {
  const { code, message } = innermost(error);
  if (code) {
    const words = EXPLANATIONS[code] ?? (code.startsWith('HPE_') ? 'the answer is malformed HTTP' : undefined);
    if (words) return `${words} (${code})`;
    return message ? `${message} (${code})` : code;
  }
  return message ?? (error instanceof Error ? error.message : String(error));
}
