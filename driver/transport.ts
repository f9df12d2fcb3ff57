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
  /**
   * A test-control request sent without the transport's admin token ('omit') or with a wrong one
   * ('wrong'), for scenarios about the extension's credential. Default: the transport's own, if any.
   */
  readonly adminToken?: 'omit' | 'wrong';
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
  /** The transport sends an admin token with every test-control request (the target requires one). */
  readonly sendsAdminToken?: boolean;
  send(request: ApiRequest): Promise<ApiResponse>;
  close(): Promise<void>;
}

/** The header the test-control extension reads its admin token from. */
export const ADMIN_TOKEN_HEADER = 'x-memberspec-admin-token';

/** The admin-token header a request carries: the transport's token on /x-memberspec/ paths, unless the request says otherwise. */
export function adminTokenHeader(request: Pick<ApiRequest, 'path' | 'adminToken'>, token: string | undefined): Record<string, string> {
  if (token === undefined || !request.path.startsWith('/x-memberspec/') || request.adminToken === 'omit') return {};
  return { [ADMIN_TOKEN_HEADER]: request.adminToken === 'wrong' ? `${token}-wrong` : token };
}
