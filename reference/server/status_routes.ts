// Routes of the customer status operations (contract: changeCustomerStatus, getCustomerStatusLog,
// requestPiiDeletion, setFraudStatus). The till that calls is recorded as the author of a change.
import type { StatusLogEntry } from '../domain/customer_status.ts';
import { lookupQuery, type RouteDefinition } from './route_support.ts';

function statusLogEntryBody(entry: StatusLogEntry, customerId: number, isActive: boolean): Record<string, unknown> {
  return {
    status: entry.status,
    label: entry.label,
    reason: entry.reason,
    createdByUser: entry.changedBy,
    createdOn: entry.changedOn,
    entityId: customerId,
    isActive,
    actions: [],
  };
}

export const STATUS_ROUTES: readonly RouteDefinition[] = [
  {
    method: 'PUT',
    path: '/v2/customers/lookup/status',
    operationId: 'changeCustomerStatus',
    auth: true,
    handler: ({ service, org, query, body }) => {
      const change = { label: String(body.label), reason: String(body.reason) };
      const outcome = service.changeStatusLabel(org.id, lookupQuery(query), change, org.till.username);
      return { status: 200, body: { createdId: outcome.value.customerId, warnings: outcome.warnings } };
    },
  },
  {
    method: 'GET',
    path: '/v2/customers/:customerId/statusLog',
    operationId: 'getCustomerStatusLog',
    auth: true,
    handler: ({ service, org, path }) => {
      const outcome = service.statusLog(org.id, path.customerId as number);
      const { customerId, entries } = outcome.value;
      // Newest first: the first entry is the customer's current label.
      const data = entries.map((entry, index) => statusLogEntryBody(entry, customerId, index === 0));
      return { status: 200, body: { data, warnings: outcome.warnings, errors: [] } };
    },
  },
  {
    method: 'POST',
    path: '/v2/customers/:customerId/piiDeletionRequest',
    operationId: 'requestPiiDeletion',
    auth: true,
    handler: ({ service, org, path, body }) => {
      const reason = typeof body?.reason === 'string' ? body.reason : 'PII deletion request';
      const outcome = service.requestPiiDeletion(org.id, path.customerId as number, reason, org.till.username);
      return { status: 200, body: { createdId: outcome.value.customerId, warnings: outcome.warnings } };
    },
  },
  {
    method: 'PUT',
    path: '/v2/customers/:customerId/fraudStatus',
    operationId: 'setFraudStatus',
    auth: true,
    handler: ({ service, org, path, body }) => {
      const outcome = service.setFraudStatus(org.id, path.customerId as number, { status: body.status, reason: String(body.reason) }, org.till.username);
      return { status: 200, body: { createdId: outcome.value.customerId, warnings: outcome.warnings } };
    },
  },
];
