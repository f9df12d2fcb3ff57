// A till's credentials and every form in which a target might echo them back. A vendor that puts the
// Authorization header (or the password, or its md5) into an error message must not get it into a
// report: whatever a target answers is scrubbed of these forms before a step, a transcript or a report
// sees it.
import { createHash } from 'node:crypto';

export const REDACTED = '[redacted]';

export interface TillCredentials {
  readonly username: string;
  readonly password: string;
}

export function md5Hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

/** `Authorization: Basic base64(till:md5hex(password))`, as the platform does. */
export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${md5Hex(password)}`, 'utf8').toString('base64')}`;
}

/**
 * Every secret form of a till's credentials: the password, its md5 (either case), `user:md5`, the
 * header's base64 part (with and without padding, and URL-safe) and, for text that is itself JSON or
 * a URL, those forms as JSON-escaped and percent-encoded. The username alone is not secret.
 */
export function credentialForms(till: TillCredentials): string[] {
  const md5 = md5Hex(till.password);
  const userMd5 = `${till.username}:${md5}`;
  const base64 = Buffer.from(userMd5, 'utf8').toString('base64');
  const base = [till.password, md5, md5.toUpperCase(), userMd5, base64, base64.replace(/=+$/, ''), Buffer.from(userMd5, 'utf8').toString('base64url')];
  const variants = base.flatMap((form) => [form, JSON.stringify(form).slice(1, -1), encodeURIComponent(form)]);
  // Longest first, so that a longer form is replaced whole before a shorter one inside it.
  return [...new Set(variants.filter((form) => form.length > 0))].sort((a, b) => b.length - a.length);
}

/** Replaces every secret form in text and in JSON values (deeply); built once per set of credentials. */
export interface SecretScrubber {
  text(value: string): string;
  value<T>(value: T): T;
  /** True when there is nothing to scrub (no credentials known). */
  readonly empty: boolean;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function secretScrubber(tills: readonly TillCredentials[], otherSecrets: readonly string[] = []): SecretScrubber {
  const forms = [...new Set([...tills.flatMap(credentialForms), ...otherSecrets.filter((s) => s.length >= 4)])].sort((a, b) => b.length - a.length);
  const pattern = forms.length > 0 ? new RegExp(forms.map(escapeRegExp).join('|'), 'g') : undefined;
  const text = (value: string) => (pattern ? value.replace(pattern, REDACTED) : value);
  const deep = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return text(value);
    if (depth > 100 || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((item) => deep(item, depth + 1));
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [text(key), deep(item, depth + 1)]));
  };
  // JSON text holds every string of a value, escaped as the JSON-escaped forms above are: a value whose
  // JSON shows no form holds none, and is kept as it is (no copy), which is nearly every answer.
  const found = forms.length > 0 ? new RegExp(forms.map(escapeRegExp).join('|')) : undefined;
  const holdsSecret = (value: unknown) => (typeof value === 'string' ? found!.test(value) : found!.test(JSON.stringify(value) ?? ''));
  return {
    text,
    value: <T>(value: T) => (pattern && holdsSecret(value) ? (deep(value, 0) as T) : value),
    empty: pattern === undefined,
  };
}

export const NO_SECRETS: SecretScrubber = secretScrubber([]);
