// The audience query over customers' line items (seed 003 "New filters in Audience Manager"), a memberspec design.
import { ok, type RouteDefinition } from './route_support.ts';

export const AUDIENCE_ROUTES: readonly RouteDefinition[] = [
  {
    method: 'POST',
    path: '/v2/audiences/query',
    operationId: 'queryAudience',
    auth: true,
    handler: ({ service, org, body }) => {
      const customerIds = service.queryAudience(org.id, { from: body.from, to: body.to, loyaltyType: body.loyaltyType, filters: body.filters });
      return ok({ entity: { count: customerIds.length, customerIds }, warnings: [] });
    },
  },
];
