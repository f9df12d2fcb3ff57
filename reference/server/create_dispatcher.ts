// The reference without a socket: the same routes and pipeline as the Express app, called directly.
import { match, type MatchFunction } from 'path-to-regexp';
import type { ApiRequest, ApiResponse } from '../../driver/transport.ts';
import type { IdentityService } from '../service/identity_service.ts';
import {
  checkRequestPath,
  handleRoute,
  notFoundResponse,
  requestErrorResponse,
  type ServerResponse,
  type TestControlOptions,
} from './handle_request.ts';
import { checkBodySize } from './parse_body.ts';
import { type RouteDefinition } from './route_support.ts';
import { ROUTES } from './routes.ts';

export type Dispatcher = (request: ApiRequest) => Promise<ApiResponse>;

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' } as const;

// Express's defaults: case-insensitive, optional trailing slash, decoded params.
const MATCHERS: readonly [RouteDefinition, MatchFunction<Record<string, string>>][] = ROUTES.map((route) => [
  route,
  match<Record<string, string>>(route.path, { decode: decodeURIComponent, sensitive: false, trailing: true }),
]);

function lowerCaseKeys(headers: Readonly<Record<string, string>> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
}

function answer(response: ServerResponse): ApiResponse {
  // A JSON round trip, as over HTTP: the caller never shares objects with the service.
  return { status: response.status, body: JSON.parse(JSON.stringify(response.body)), headers: { ...JSON_HEADERS, ...response.headers } };
}

/** Answers a contract request exactly as the Express app would. */
export function createDispatcher(service: IdentityService, options: TestControlOptions = {}): Dispatcher {
  return async (request) => {
    const rawBody = request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
    // The Express app refuses a malformed path and an oversized body before any route is chosen; so do we.
    try {
      checkRequestPath(request.path);
      checkBodySize(rawBody);
    } catch (error) {
      return answer(requestErrorResponse('dispatcher', error));
    }
    for (const [route, matcher] of MATCHERS) {
      if (route.method !== request.method) continue;
      const matched = matcher(request.path);
      if (!matched) continue;
      return answer(
        await handleRoute(service, route, {
          method: request.method,
          path: request.path,
          params: matched.params,
          query: { ...request.query },
          headers: lowerCaseKeys(request.headers),
          rawBody,
        }, options),
      );
    }
    return answer(notFoundResponse(request.method, request.path));
  };
}
