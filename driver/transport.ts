// How a request reaches a target: over a socket (http/) or by a direct call into the reference (in_process/).
// Both carry the same contract-shaped requests and responses, so one driver serves both.

export interface ApiRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path without query, e.g. /v2/customers/42/changeIdentifier. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
  /** A JSON value to send; ignored when rawBody is set. */
  readonly body?: unknown;
  /** The exact bytes to send as the body (malformed or oversized input). */
  readonly rawBody?: string;
}

export interface ApiResponse {
  readonly status: number;
  /** Parsed JSON body, or the text when it was not JSON. */
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
}

export interface Transport {
  /** Where requests go, for messages and reports (a base URL or "in-process reference"). */
  readonly target: string;
  send(request: ApiRequest): Promise<ApiResponse>;
  close(): Promise<void>;
}
