// The reference over HTTP: Express 5 serving the routes table through the shared pipeline.
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { DomainError } from '../domain/errors.ts';
import type { IdentityService } from '../service/identity_service.ts';
import {
  checkRequestPath,
  errorResponse,
  handleRoute,
  notFoundResponse,
  requestErrorResponse,
  type ServerResponse,
  type TestControlOptions,
  unexpectedErrorResponse,
} from './handle_request.ts';
import { MAX_BODY_BYTES } from './parse_body.ts';
import { type RouteDefinition } from './route_support.ts';
import { ROUTES } from './routes.ts';

export interface AppOptions extends TestControlOptions {
  /** Where each client error (4xx) goes, as one line without a stack; not logged when absent. */
  readonly logClientError?: (line: string) => void;
  /** Runs each request as one unit (the PostgreSQL store: one log row, committed before the answer). */
  readonly unitOfWork?: <T>(work: () => Promise<T>) => Promise<T>;
}

/** `POST /v2/customers -> 400 8203: ...`: one line, the client's text quoted so it cannot forge log lines. */
export function clientErrorLine(method: string, path: string, response: ServerResponse): string {
  const first = (response.body as { errors?: { code?: number; message?: string }[] }).errors?.[0];
  const quotedPath = JSON.stringify(path.length > 200 ? `${path.slice(0, 200)}…` : path);
  return `memberspec reference: ${JSON.stringify(method).slice(1, -1)} ${quotedPath} -> ${response.status} ${first?.code ?? ''}: ${JSON.stringify(first?.message ?? '')}`;
}

function sender(options: AppOptions) {
  return (req: Request, res: Response, response: ServerResponse): void => {
    if (options.logClientError && response.status >= 400 && response.status < 500) {
      options.logClientError(clientErrorLine(req.method, req.originalUrl.split('?')[0], response));
    }
    if (response.headers) res.set(response.headers);
    // Answered before the body was read (too large, undecodable...): the rest of it would be taken
    // as the next request, so the connection closes and the client knows not to reuse it.
    if (!req.complete) res.set('connection', 'close');
    res.status(response.status).json(response.body);
  };
}

function flatten(values: Record<string, unknown>): Record<string, string> {
  // Express's simple query parser gives arrays for repeated keys; join them like a comma list.
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    flat[name] = Array.isArray(value) ? value.map(String).join(',') : String(value);
  }
  return flat;
}

function headersOf(req: Request): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function routeHandler(service: IdentityService, route: RouteDefinition, send: ReturnType<typeof sender>, options: AppOptions) {
  return async (req: Request, res: Response): Promise<void> => {
    const answer = () =>
      handleRoute(service, route, {
        method: req.method,
        path: req.path,
        params: flatten(req.params as Record<string, unknown>),
        query: flatten(req.query as Record<string, unknown>),
        headers: headersOf(req),
        rawBody: typeof req.body === 'string' ? req.body : undefined,
        remoteAddress: req.socket.remoteAddress,
      }, options);
    let response: ServerResponse;
    try {
      response = options.unitOfWork ? await options.unitOfWork(answer) : await answer();
    } catch (error) {
      response = unexpectedErrorResponse(`${route.operationId} (store)`, error);
    }
    send(req, res, response);
  };
}

/** Body-reader failures (raised before any route runs) as contract errors. */
function bodyReadError(req: Request, error: unknown): ServerResponse {
  const { type, code, status } = error as { type?: string; code?: string; status?: number };
  // zlib's errors for a Content-Encoding body that does not decode (Z_DATA_ERROR, Z_BUF_ERROR...).
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return errorResponse(8302, `Content-Encoding ${req.headers['content-encoding'] ?? ''}`.trim(), (error as Error).message);
  }
  if (error instanceof URIError) return errorResponse(8300, req.path);
  switch (type) {
    case 'entity.too.large':
      return errorResponse(8202, MAX_BODY_BYTES);
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return errorResponse(415);
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return errorResponse(8201, (error as Error).message);
    default:
      // Any other refusal Express raises for a client (http-errors with a 4xx status).
      if (!(error instanceof DomainError) && typeof status === 'number' && status >= 400 && status < 500) {
        return errorResponse(8305, (error as Error).message);
      }
      return requestErrorResponse('express', error);
  }
}

export function createApp(service: IdentityService, options: AppOptions = {}): Express {
  const send = sender(options);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // Before routing, which would throw decoding the parameters, and before authentication.
  app.use((req: Request, res: Response, next: NextFunction) => {
    try {
      checkRequestPath(req.path);
      next();
    } catch (error) {
      send(req, res, requestErrorResponse('path check', error));
    }
  });
  // Collect every body as text (any content type); parse_body.ts decides what it means.
  app.use(express.text({ type: () => true, limit: MAX_BODY_BYTES, defaultCharset: 'utf-8' }));
  for (const route of ROUTES) {
    const handler = routeHandler(service, route, send, options);
    switch (route.method) {
      case 'GET':
        app.get(route.path, handler);
        break;
      case 'POST':
        app.post(route.path, handler);
        break;
      case 'PUT':
        app.put(route.path, handler);
        break;
      case 'DELETE':
        app.delete(route.path, handler);
        break;
    }
  }
  app.use((req: Request, res: Response) => send(req, res, notFoundResponse(req.method, req.path)));
  // Express 5 needs the four-argument signature to see an error handler.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => send(req, res, bodyReadError(req, error)));
  return app;
}
