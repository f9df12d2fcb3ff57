// Starts the reference on a port (0: any free one) and hands back its URL and a close function.
import { STATUS_CODES } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { DomainError } from '../domain/errors.ts';
import { createIdentityService } from '../service/create_identity_service.ts';
import type { IdentityService } from '../service/identity_service.ts';
import { createApp, type AppOptions } from './create_app.ts';
import { domainErrorResponse, type ServerResponse } from './handle_request.ts';

export interface ReferenceServerOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** A fresh in-memory service when absent. */
  readonly service?: IdentityService;
  /** Where client errors (4xx) are logged, one line each; silent when absent. */
  readonly logClientError?: AppOptions['logClientError'];
  /** The test-control extension: on by default; with an admin token, only for requests that carry it. */
  readonly testControl?: boolean;
  readonly adminToken?: string;
  /** The org limit of the service created here (ignored with `service`). */
  readonly maxOrgs?: number;
  /** With `service`: runs each request as one unit (the PostgreSQL store). */
  readonly unitOfWork?: AppOptions['unitOfWork'];
}

export interface RunningReferenceServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  readonly url: string;
  close(): Promise<void>;
}

/** What Node's HTTP parser refuses before Express sees a request: oversized headers, a timeout, malformed HTTP. */
function parserErrorResponse(error: Error & { code?: string }): ServerResponse {
  if (error.code === 'HPE_HEADER_OVERFLOW') return domainErrorResponse(new DomainError(8304));
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return domainErrorResponse(new DomainError(8306));
  return domainErrorResponse(new DomainError(8305, error.code ?? error.message));
}

/** Answers a parser error with the contract's error envelope (Node's default has no body) and closes the socket. */
function answerClientError(error: Error & { code?: string; rawPacket?: Buffer }, socket: Socket, options: ReferenceServerOptions): void {
  const started = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
  if (error.code === 'ECONNRESET' || !socket.writable || started) {
    socket.destroy();
    return;
  }
  const response = parserErrorResponse(error);
  // A HEAD request gets the headers only (its answer has no body); rawPacket holds the bytes being parsed.
  const head = (error as { rawPacket?: Buffer }).rawPacket?.subarray(0, 5).toString('latin1') === 'HEAD ';
  const body = head ? '' : JSON.stringify(response.body);
  options.logClientError?.(`memberspec reference: HTTP parser -> ${response.status}: ${error.code ?? error.message}`);
  socket.end(
    `HTTP/1.1 ${response.status} ${STATUS_CODES[response.status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export async function startReferenceServer(options: ReferenceServerOptions = {}): Promise<RunningReferenceServer> {
  const host = options.host ?? '127.0.0.1';
  const service = options.service ?? createIdentityService(undefined, options.maxOrgs === undefined ? {} : { maxOrgs: options.maxOrgs });
  const app = createApp(service, {
    logClientError: options.logClientError,
    testControl: options.testControl,
    adminToken: options.adminToken,
    ...(options.unitOfWork ? { unitOfWork: options.unitOfWork } : {}),
  });
  const server = app.listen(options.port ?? 0, host);
  server.on('clientError', (error: Error & { code?: string }, socket: Socket) => answerClientError(error, socket, options));
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets (fetch keeps them) would hold close() open.
        server.closeAllConnections();
      }),
  };
}
