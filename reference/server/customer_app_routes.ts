// Routes of seed 003's "OAuth2 Sign-in for Customer Apps": the landing page (open, OTP, redirect with the
// code), the token and revocation endpoints (RFC 6749 / 7009 shapes, form bodies), the customer calls a
// Bearer token opens, and the test-control reads the flow needs (partner apps, the org's outbox).
import { DomainError } from '../domain/errors.ts';
import type { SentMessage } from '../service/communications.ts';
import type { HandlerContext, HandlerResult, RouteDefinition } from './route_support.ts';
import { messages, ok, withoutUndefined } from './route_support.ts';
import { domainErrorResponse } from './handle_request.ts';
import { pointsSummaryBody } from './loyalty_routes.ts';
import type { TokenOwner } from '../service/customer_app_sign_in.ts';

function messageBody(message: SentMessage): Record<string, unknown> {
  return withoutUndefined({
    id: message.id,
    channel: message.channel,
    to: message.to,
    sender: message.sender,
    subject: message.subject,
    attachments: message.attachments?.map((item) => ({ ...item })),
    body: message.body,
    purpose: message.purpose,
    sentAt: message.sentAt,
  });
}

/** A test-control call reaches only the till's own org. */
function ownOrg(context: HandlerContext): number {
  if (context.path.orgId !== context.org.id) throw new DomainError(1064, String(context.path.orgId));
  return context.org.id;
}

/** Runs a customer call with the Bearer token's owner; a refused token also answers RFC 6750's challenge. */
async function asTokenOwner(context: HandlerContext, call: (owner: TokenOwner) => HandlerResult): Promise<HandlerResult> {
  let owner: TokenOwner;
  try {
    owner = await context.service.authorizeCustomerCall(
      { method: context.method, headers: context.headers, query: context.query },
      context.path.customerId as number,
    );
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const response = domainErrorResponse(error);
    const challenge: Record<string, string> = error.code === 8404 ? { 'www-authenticate': 'Bearer error="invalid_token"' } : {};
    return { ...response, headers: challenge };
  }
  return call(owner);
}

export const CUSTOMER_APP_ROUTES: readonly RouteDefinition[] = [
  {
    method: 'POST',
    path: '/x-memberspec/orgs/:orgId/partnerApps',
    operationId: 'registerPartnerApp',
    auth: true,
    handler: (context) => {
      const app = context.service.registerPartnerApp(ownOrg(context), withoutUndefined({
        name: context.body.name as string,
        redirectUri: context.body.redirectUri as string,
        accessTokenLifetimeSeconds: context.body.accessTokenLifetimeSeconds as number | undefined,
        refreshTokenLifetimeSeconds: context.body.refreshTokenLifetimeSeconds as number | undefined,
      }));
      const { orgId: _orgId, ...entity } = app;
      return ok({ entity, warnings: [] }, 201);
    },
  },
  {
    method: 'GET',
    path: '/x-memberspec/orgs/:orgId/messages',
    operationId: 'listSentMessages',
    auth: true,
    handler: (context) => ok({ entity: { messages: context.service.sentMessages(ownOrg(context)).map(messageBody) }, warnings: [] }),
  },
  {
    method: 'GET',
    path: '/oauth2/authorize',
    operationId: 'openSignIn',
    auth: false,
    handler: ({ service, query }) => {
      const opened = service.openSignIn(withoutUndefined({
        clientKey: String(query.client_id),
        redirectUri: String(query.redirect_uri),
        state: query.state === undefined ? undefined : String(query.state),
      }));
      return ok({ entity: opened, warnings: [] });
    },
  },
  {
    method: 'POST',
    path: '/oauth2/otp/generate',
    operationId: 'sendSignInOtp',
    auth: false,
    handler: ({ service, body }) => {
      const sent = service.sendOtp(body.signInId as string, { type: body.identifierName as string, value: body.identifierValue as string });
      return ok({ entity: sent, warnings: [] });
    },
  },
  {
    method: 'POST',
    path: '/oauth2/otp/validate',
    operationId: 'validateSignInOtp',
    auth: false,
    handler: async ({ service, body }) => {
      const { redirectTo } = await service.confirmOtp(body.signInId as string, body.otp as string);
      return { status: 302, body: { entity: { redirectTo }, warnings: [] }, headers: { location: redirectTo } };
    },
  },
  {
    method: 'POST',
    path: '/oauth2/token',
    operationId: 'exchangeOAuthToken',
    auth: false,
    body: 'form',
    handler: async ({ service, method, headers, query, body }) => service.token({ method, headers, query, body }),
  },
  {
    method: 'POST',
    path: '/oauth2/revoke',
    operationId: 'revokeOAuthToken',
    auth: false,
    body: 'form',
    handler: async ({ service, method, headers, query, body }) => service.revoke({ method, headers, query, body }),
  },
  {
    method: 'GET',
    path: '/oauth2/customers/:customerId/points',
    operationId: 'getOwnPoints',
    auth: false,
    handler: (context) =>
      asTokenOwner(context, (owner) => ok({ entity: pointsSummaryBody(context.service.pointsSummary(owner.orgId, owner.customerId)), warnings: [] })),
  },
  {
    method: 'POST',
    path: '/oauth2/customers/:customerId/points/redeem',
    operationId: 'redeemOwnPoints',
    auth: false,
    handler: (context) =>
      asTokenOwner(context, (owner) => {
        const outcome = context.service.redeemPoints(owner.orgId, { customerId: owner.customerId, points: context.body.points, purpose: 'CUSTOMER_APP' });
        return ok({ entity: { balance: outcome.value.balance }, warnings: messages(outcome.warnings) });
      }),
  },
  {
    method: 'POST',
    path: '/oauth2/customers/:customerId/points/transfer',
    operationId: 'transferOwnPoints',
    auth: false,
    handler: (context) =>
      asTokenOwner(context, (owner) => {
        const toCustomerId = context.service.transferRecipient(owner, {
          type: context.body.toIdentifierName as string,
          value: context.body.toIdentifierValue as string,
        });
        const outcome = context.service.transferCustomerPoints(owner.orgId, { fromId: owner.customerId, toId: toCustomerId, points: context.body.points });
        return ok({ entity: { balance: outcome.value.balance, toCustomerId }, warnings: messages(outcome.warnings) });
      }),
  },
];
