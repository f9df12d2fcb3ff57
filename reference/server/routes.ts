// The routes table: one entry per contract operation, shared by the Express app and the in-process
// dispatcher. Handlers only translate contract bodies and queries to IdentityService calls and back.
import { CONTRACT } from '../../contract/contract.ts';
import { DomainError, type ApiMessage } from '../domain/errors.ts';
import type { CustomerView, FieldValues, LoyaltyType, MergeRecord } from '../domain/types.ts';
import { SUBSCRIPTION_ROUTES } from './subscription_routes.ts';
import { LOYALTY_ROUTES, pointsSummaryBody } from './loyalty_routes.ts';
import { STATUS_ROUTES } from './status_routes.ts';
import { CARD_ROUTES, cardDetailsBody, splitCardItems } from './card_routes.ts';
import { CUSTOMER_APP_ROUTES } from './customer_app_routes.ts';
import { USER_GROUP_ROUTES } from './user_group_routes.ts';
import { IMPORT_ROUTES } from './import_routes.ts';
import { COMMUNICATION_ROUTES } from './communication_routes.ts';
import { PROMOTION_ROUTES } from './promotion_routes.ts';
import { COUPON_ROUTES } from './coupon_routes.ts';
import { AUDIENCE_ROUTES } from './audience_routes.ts';
import {
  identifiers,
  incomingCustomer,
  lookupQuery,
  messages,
  ok,
  sourceOf,
  withoutUndefined,
  type CustomerBody,
  type HandlerResult,
  type RouteDefinition,
} from './route_support.ts';

/** The contract's customer view (v2 names; identifiers, reachableOn, registeredOn, mergedInto are memberspec's). */
export function customerViewBody(view: CustomerView): Record<string, unknown> {
  return withoutUndefined({
    id: view.id,
    loyaltyInfo: { loyaltyType: view.loyaltyType },
    profiles: view.profiles.map((profile) =>
      withoutUndefined({
        firstName: profile.firstName,
        lastName: profile.lastName,
        source: profile.source,
        accountId: profile.accountId,
        identifiers: profile.identifiers.map(({ type, value }) => ({ type, value })),
        commChannels: profile.commChannels.map((channel) => ({ ...channel })),
        fields: profile.fields ? { ...profile.fields } : undefined,
      }),
    ),
    extendedFields: view.extendedFields ? { ...view.extendedFields } : undefined,
    identifiers: view.identifiers.map(({ type, value }) => ({ type, value })),
    reachableOn: [...view.reachableOn],
    registeredOn: view.registeredOn,
    mergedInto: view.mergedInto,
    testControl: view.testControl === undefined ? undefined : { status: view.testControl },
    customerStatus: view.customerStatus ? { ...view.customerStatus } : undefined,
    fraudDetails: view.fraudDetails ? { ...view.fraudDetails } : undefined,
    cardDetails: view.cards?.map(cardDetailsBody),
  });
}

function mergeRecordBody(record: MergeRecord): Record<string, unknown> {
  return {
    survivorId: record.survivorId,
    victimId: record.victimId,
    trigger: record.trigger,
    moved: record.moved.map(({ type, value }) => ({ type, value })),
  };
}

/** The customer view with the service's warnings (8069 on a merge victim). */
function viewResponse(view: CustomerView, warnings: readonly ApiMessage[]): HandlerResult {
  return ok({ ...customerViewBody(view), warnings: messages(warnings) });
}


// ---- the table -------------------------------------------------------------------------------------

// Order matters: /v2/customers/lookup must be tried before /v2/customers/:customerId.
export const ROUTES: readonly RouteDefinition[] = [
  // Before /v2/customers/:customerId, which /v2/customers/coupons would otherwise match.
  ...LOYALTY_ROUTES,
  {
    method: 'POST',
    path: '/v2/customers',
    operationId: 'registerCustomer',
    auth: true,
    handler: ({ service, org, body }) => {
      const profile: CustomerBody = body.profiles[0];
      const input = incomingCustomer(
        { ...profile, loyaltyType: body.loyaltyInfo?.loyaltyType },
        withoutUndefined({ createDate: body.createDate as string | undefined, extendedFields: body.extendedFields as FieldValues | undefined }),
      );
      const outcome = service.register(org.id, input);
      return ok({ createdId: outcome.value.customerId, warnings: messages(outcome.warnings), sideEffects: [] });
    },
  },
  {
    method: 'GET',
    path: '/v2/customers/lookup',
    operationId: 'lookupCustomer',
    auth: true,
    handler: ({ service, org, query }) => {
      const outcome = service.lookup(org.id, lookupQuery(query));
      return ok({ entity: outcome.value, warnings: messages(outcome.warnings) });
    },
  },
  {
    method: 'GET',
    path: '/v2/customers/lookup/customerDetails',
    operationId: 'getCustomerByIdentifier',
    auth: true,
    handler: ({ service, org, query }) => {
      const outcome = service.getCustomerByIdentifier(org.id, lookupQuery(query));
      return viewResponse(outcome.value, outcome.warnings);
    },
  },
  {
    method: 'GET',
    path: '/v2/customers/:customerId',
    operationId: 'getCustomer',
    auth: true,
    handler: ({ service, org, path, query }) => {
      const outcome = service.getCustomer(org.id, path.customerId as number);
      const response = viewResponse(outcome.value, outcome.warnings);
      if (!String(query.embed ?? '').split(',').some((part) => part.trim() === 'points')) return response;
      const summary = service.pointsSummary(org.id, outcome.value.id);
      return ok({ ...(response.body as object), pointsSummary: pointsSummaryBody(summary) });
    },
  },
  {
    method: 'PUT',
    path: '/v2/customers/:customerId',
    operationId: 'updateCustomer',
    auth: true,
    handler: ({ service, org, path, query, body }) => {
      const profile = (body.profiles?.[0] ?? {}) as { firstName?: string; lastName?: string };
      const outcome = service.updateCustomer(
        org.id,
        path.customerId as number,
        withoutUndefined({
          ...sourceOf(query),
          loyaltyType: body.loyaltyInfo?.loyaltyType as LoyaltyType | undefined,
          firstName: profile.firstName,
          lastName: profile.lastName,
        }),
      );
      return ok({ createdId: outcome.value.customerId, warnings: messages(outcome.warnings) });
    },
  },
  {
    method: 'POST',
    path: '/v2/customers/:customerId/changeIdentifier',
    operationId: 'changeIdentifier',
    auth: true,
    handler: ({ service, org, path, query, body }) => {
      const outcome = service.changeIdentifier(org.id, path.customerId as number, {
        ...sourceOf(query),
        ...splitCardItems(body.add),
        remove: identifiers(body.remove),
      });
      return ok({ createdId: outcome.value.customerId, warnings: messages(outcome.warnings) });
    },
  },
  {
    method: 'POST',
    path: '/v2/requests',
    operationId: 'createMergeRequest',
    auth: true,
    handler: ({ service, org, body }) => {
      if (body.type !== 'CHANGE_IDENTIFIER') throw new DomainError(9006, String(body.type));
      if (body.baseType !== 'MERGE') throw new DomainError(9008, String(body.baseType));
      const outcome = service.requestMerge(org.id, { survivorId: body.targetCustomer.id, victimId: body.customer.id });
      const result = outcome.value;
      return ok({
        createdId: result.requestId,
        entity: { id: result.requestId, status: result.status, survivorId: result.survivorId, victimId: result.victimId },
        warnings: messages(outcome.warnings),
      });
    },
  },
  {
    method: 'GET',
    path: '/openapi.json',
    operationId: 'getContract',
    auth: false,
    handler: () => ok(CONTRACT),
  },
  {
    method: 'POST',
    path: '/x-memberspec/orgs',
    operationId: 'createTestOrg',
    auth: false,
    handler: ({ service, body }) => {
      const org = service.createOrg(
        withoutUndefined({
          configs: body.configs,
          baseCountry: body.baseCountry,
          supportedCountries: body.supportedCountries,
          statusLabels: body.statusLabels,
          brandContacts: body.brandContacts,
        }),
      );
      return ok({ entity: { orgId: org.id, till: { username: org.till.username, password: org.till.password } }, warnings: [] }, 201);
    },
  },
  {
    method: 'GET',
    path: '/x-memberspec/orgs/:orgId/customers',
    operationId: 'listOrgCustomers',
    auth: true,
    handler: ({ service, org, path }) => {
      // A till sees only its own org.
      if (path.orgId !== org.id) throw new DomainError(1064, String(path.orgId));
      const { customers, merges } = service.listCustomers(org.id);
      return ok({ entity: { customers: customers.map(customerViewBody), merges: merges.map(mergeRecordBody) }, warnings: [] });
    },
  },
  {
    method: 'PUT',
    path: '/x-memberspec/orgs/:orgId/clock',
    operationId: 'setOrgClock',
    auth: true,
    handler: ({ service, org, path, body }) => {
      // A till sets only its own org's clock.
      if (path.orgId !== org.id) throw new DomainError(1064, String(path.orgId));
      return ok({ entity: { orgId: org.id, now: service.setClock(org.id, body.now) }, warnings: [] });
    },
  },
  ...SUBSCRIPTION_ROUTES,
  ...STATUS_ROUTES,
  ...CARD_ROUTES,
  ...CUSTOMER_APP_ROUTES,
  ...USER_GROUP_ROUTES,
  ...IMPORT_ROUTES,
  ...COMMUNICATION_ROUTES,
  ...PROMOTION_ROUTES,
  ...COUPON_ROUTES,
  ...AUDIENCE_ROUTES,
];
