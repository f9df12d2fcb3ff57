// The reference over HTTP: Express 5 serving the routes table through the shared pipeline.
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { DomainError } from '../domain/errors.ts';
import type { IdentityService } from '../service/identity_service.ts';
import {
  domainErrorResponse,
  errorResponse,
  handleRoute,
  notFoundResponse,
  unexpectedErrorResponse,
  type ServerResponse,
} from './handle_request.ts';
import { MAX_BODY_BYTES } from './parse_body.ts';
import { type RouteDefinition } from './route_support.ts';
import { ROUTES } from './routes.ts';

function send(res: Response, response: ServerResponse): void {
  for (const [name, value] of Object.entries(response.headers ?? {})) res.setHeader(name, value);
  res.status(response.status).json(response.body);
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

function routeHandler(service: IdentityService, route: RouteDefinition) {
  return async (req: Request, res: Response): Promise<void> => {
    send(
      res,
      await handleRoute(service, route, {
        method: req.method,
        path: req.path,
        params: flatten(req.params as Record<string, unknown>),
        query: flatten(req.query as Record<string, unknown>),
        headers: headersOf(req),
        rawBody: typeof req.body === 'string' ? req.body : undefined,
      }),
    );
  };
}

/** Body-reader failures (raised before any route runs) as contract errors. */
function bodyReadError(error: unknown): ServerResponse {
  const type = (error as { type?: string }).type;
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
      if (error instanceof DomainError) return domainErrorResponse(error);
      return unexpectedErrorResponse('express', error);
  }
}

export function createApp(service: IdentityService): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // Collect every body as text (any content type); parse_body.ts decides what it means.
  app.use(express.text({ type: () => true, limit: MAX_BODY_BYTES, defaultCharset: 'utf-8' }));
  for (const route of ROUTES) {
    const handler = routeHandler(service, route);
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
  app.use((req: Request, res: Response) => send(res, notFoundResponse(req.method, req.path)));
  // Express 5 needs the four-argument signature to see an error handler.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => send(res, bodyReadError(error)));
  return app;
}
