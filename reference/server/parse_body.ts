// The one place a request body is checked and parsed, used by the Express app and by the
// in-process dispatcher so both answer the same bad input with the same code.
import { DomainError } from '../domain/errors.ts';

/** 100 kB; the same figure is given to Express's text parser. */
export const MAX_BODY_BYTES = 100 * 1024;

/**
 * Deeper than any contract shape needs; the rules and error messages walk bodies recursively, so a
 * body nested thousands deep would overflow the stack.
 */
export const MAX_JSON_DEPTH = 32;

/** The key that reaches an object's prototype when a handler assigns the body's entries. */
const PROTOTYPE_KEY = '__proto__';

/** Throws 8202 when the raw body is over the limit. */
export function checkBodySize(raw: string | undefined): void {
  if (raw !== undefined && Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) throw new DomainError(8202, MAX_BODY_BYTES);
}

function isJsonMediaType(contentType: string): boolean {
  const mediaType = contentType.split(';')[0].trim().toLowerCase();
  return mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

/** Throws 8301 when brackets outside strings nest deeper than MAX_JSON_DEPTH (checked before parsing, without recursion). */
function checkNesting(raw: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) throw new DomainError(8301, MAX_JSON_DEPTH);
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
}

/** Throws 8303 for a `__proto__` key anywhere in the value. */
function checkKeys(value: unknown): void {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === null || typeof next !== 'object') continue;
    if (Array.isArray(next)) {
      pending.push(...next);
      continue;
    }
    for (const key of Object.keys(next)) {
      if (key === PROTOTYPE_KEY) throw new DomainError(8303, JSON.stringify(key));
      pending.push((next as Record<string, unknown>)[key]);
    }
  }
}

/**
 * The JSON value of a raw body: undefined when there is no body (or only whitespace). A body with a
 * content type that is not JSON gives 415 (no content type is taken as JSON); bad JSON gives 8201;
 * over the limit 8202; nested too deep 8301; a `__proto__` key 8303.
 */
export function parseJsonBody(raw: string | undefined, contentType: string | undefined): unknown {
  if (raw === undefined || raw.trim() === '') return undefined;
  checkBodySize(raw);
  if (contentType !== undefined && contentType.trim() !== '' && !isJsonMediaType(contentType)) throw new DomainError(415);
  checkNesting(raw);
  let value: unknown;
  try {
    value = JSON.parse(raw) as unknown;
  } catch (error) {
    throw new DomainError(8201, error instanceof Error ? error.message : String(error));
  }
  checkKeys(value);
  return value;
}

/**
 * An application/x-www-form-urlencoded body (OAuth2 token and revocation requests) as an object of
 * strings; undefined when there is no body. Another content type gives 415, over the limit 8202.
 */
export function parseFormBody(raw: string | undefined, contentType: string | undefined): Record<string, string> | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  checkBodySize(raw);
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType !== 'application/x-www-form-urlencoded') throw new DomainError(415);
  return Object.fromEntries(new URLSearchParams(raw));
}
