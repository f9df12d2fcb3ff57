// Contract answers as Results: an error envelope (HTTP 4xx) becomes a refusal with its codes, anything
// else a value with the warnings. Shared by the contract driver and the partner-app client.
import type { ApiMessage, Result } from './driver.ts';
import type { ApiResponse } from './transport.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export function messagesOf(list: unknown): ApiMessage[] {
  return Array.isArray(list) ? list.map((m: Json) => ({ code: m.code, message: m.message })) : [];
}

/** A contract answer with the operation it answered, so results can name it. */
export type OperationResponse = ApiResponse & { readonly operation: string };

export function toResult<T>(response: OperationResponse, value: (body: Json) => T): Result<T> {
  const { operation } = response;
  const body = response.body as Json;
  if (response.status >= 400) {
    const errors = messagesOf(body.errors);
    return { ok: false, operation, status: response.status, error: errors[0], errors };
  }
  return { ok: true, operation, value: value(body), warnings: messagesOf(body.warnings) };
}
