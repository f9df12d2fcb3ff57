// The one place a request body is checked and parsed, used by the Express app and by the
// in-process dispatcher so both answer the same bad input with the same code.
import { DomainError } from '../domain/errors.ts';

/** 100 kB; the same figure is given to Express's text parser. */
export const MAX_BODY_BYTES = 100 * 1024;

/** Throws 8202 when the raw body is over the limit. */
export function checkBodySize(raw: string | undefined): void {
  if (raw !== undefined && Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) throw new DomainError(8202, MAX_BODY_BYTES);
}

function isJsonMediaType(contentType: string): boolean {
  const mediaType = contentType.split(';')[0].trim().toLowerCase();
  return mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

/**
 * The JSON value of a raw body: undefined when there is no body (or only whitespace). A body with a
 * content type that is not JSON gives 415 (no content type is taken as JSON); bad JSON gives 8201;
 * over the limit gives 8202.
 */
export function parseJsonBody(raw: string | undefined, contentType: string | undefined): unknown {
  if (raw === undefined || raw.trim() === '') return undefined;
  checkBodySize(raw);
  if (contentType !== undefined && contentType.trim() !== '' && !isJsonMediaType(contentType)) throw new DomainError(415);
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    throw new DomainError(8201, error instanceof Error ? error.message : String(error));
  }
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
