// Transcripts arrive with credentials already redacted by the driver; the report redacts again so
// that a driver bug can never publish a till's password in a report that vendors pass around.

/** One exchange as the driver records it (driver/driver.ts Exchange), kept loose: it comes from JSON. */
export type TranscriptExchange = Record<string, unknown>;

const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key)$/i;
const SECRET_KEY = /pass(word)?|secret|token|api[-_]?key/i;
export const REDACTED = '[redacted]';

function redactHeaders(headers: unknown): unknown {
  if (!headers || typeof headers !== 'object') return headers;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    out[name] = SECRET_HEADER.test(name) ? REDACTED : value;
  }
  return out;
}

/** Replaces values of secret-looking keys anywhere in a JSON value. */
export function redactBody(value: unknown, depth = 0): unknown {
  if (depth > 50 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactBody(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = SECRET_KEY.test(k) && (typeof v === 'string' || typeof v === 'number') ? REDACTED : redactBody(v, depth + 1);
  }
  return out;
}

/** Drops user:password from a URL. */
export function redactUrl(url: unknown): unknown {
  if (typeof url !== 'string') return url;
  return url.replace(/\/\/[^/@\s]*@/, `//${REDACTED}@`);
}

export function redactExchanges(exchanges: readonly unknown[]): TranscriptExchange[] {
  return exchanges.map((e) => {
    if (!e || typeof e !== 'object') return { note: String(e) };
    const x = { ...(e as Record<string, unknown>) };
    for (const key of Object.keys(x)) {
      if (/headers$/i.test(key)) x[key] = redactHeaders(x[key]);
      else if (/body$/i.test(key)) x[key] = redactBody(x[key]);
    }
    if ('url' in x) x.url = redactUrl(x.url);
    return x;
  });
}
