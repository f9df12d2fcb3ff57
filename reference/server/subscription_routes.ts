// Routes of the subscription and test/control operations; translation between contract bodies and the service.
import type { Subscription, SubscriptionInput } from '../domain/types.ts';
import { ok, type RouteDefinition } from './route_support.ts';

interface SubscriptionBody {
  channel: string;
  accountId?: string;
  priority: string;
  type: string;
  sourceName: string;
}

/** The platform echoes the mobile channel as SMS and every channel in upper case. */
export function apiChannelName(channel: string): string {
  return channel === 'mobile' ? 'SMS' : channel.toUpperCase();
}

function subscriptionBody(subscription: Subscription): Record<string, string> {
  return {
    channel: apiChannelName(subscription.channel),
    priority: subscription.priority,
    type: subscription.type,
    sourceName: subscription.source,
    accountId: subscription.accountId,
  };
}

function subscriptionInput(body: SubscriptionBody): SubscriptionInput {
  return {
    source: body.sourceName,
    ...(body.accountId !== undefined ? { accountId: body.accountId } : {}),
    channel: body.channel,
    priority: body.priority,
    type: body.type,
  };
}

export const SUBSCRIPTION_ROUTES: readonly RouteDefinition[] = [
  {
    method: 'GET',
    path: '/v2/customers/:customerId/subscriptions',
    operationId: 'getSubscriptions',
    auth: true,
    handler: ({ service, org, path, query }) => {
      const filter = {
        ...(query.source !== undefined ? { source: String(query.source) } : {}),
        ...(query.accountId !== undefined ? { accountId: String(query.accountId) } : {}),
      };
      const outcome = service.getSubscriptions(org.id, path.customerId as number, filter);
      return ok({ subscriptions: outcome.value.map(subscriptionBody), warnings: outcome.warnings });
    },
  },
  {
    method: 'POST',
    path: '/v2/customers/:customerId/subscriptions',
    operationId: 'updateSubscriptions',
    auth: true,
    handler: ({ service, org, path, body }) => {
      const inputs = (body.subscriptions as SubscriptionBody[]).map(subscriptionInput);
      const outcome = service.updateSubscriptions(org.id, path.customerId as number, inputs);
      return ok({
        subscriptions: outcome.value.map(subscriptionBody),
        ...(typeof body.reason === 'string' ? { reason: body.reason } : {}),
        warnings: outcome.warnings,
      });
    },
  },
  {
    method: 'PUT',
    path: '/v2/customers/:customerId/testControl',
    operationId: 'changeTestControl',
    auth: true,
    handler: ({ service, org, path, body }) => {
      const outcome = service.changeTestControl(org.id, path.customerId as number, String(body.status));
      return ok({ createdId: outcome.value.customerId, warnings: outcome.warnings });
    },
  },
];
