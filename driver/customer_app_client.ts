// The harness as a partner app of seed 003's "OAuth2 Sign-in for Customer Apps". The OAuth2 client side
// (reading the redirect, the code exchange with client_secret_basic, refresh, revocation, RFC 6749 error
// bodies) is oauth4webapi's; its requests go through the driver's contract calls, so they are validated
// against the contract, recorded in the transcript and reach the in-process reference as well as HTTP.
import * as oauth from 'oauth4webapi';
import type { ApiMessage, Identifier, PointsSummaryView, Result } from './driver.ts';
import { toResult, type OperationResponse } from './results.ts';
import type { ApiRequest } from './transport.ts';

/** The issuer the harness gives oauth4webapi when the target has no URL (the in-process reference). */
export const IN_PROCESS_ISSUER = 'http://reference.memberspec.invalid';

export interface PartnerAppCredentials {
  readonly clientKey: string;
  readonly clientSecret: string;
  readonly name: string;
  readonly redirectUri: string;
}

export interface TokenSet {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
  /** The answer's Cache-Control header (RFC 6749 5.1: no-store), as given; null without one. */
  readonly cacheControl: string | null;
}

/**
 * An OAuth2 endpoint's refusal carries the RFC 6749 error name (invalid_grant, invalid_client...) and, when the
 * answer challenged the client to authenticate (a WWW-Authenticate header, RFC 6749 5.2), the challenge's scheme.
 */
export type OAuthResult<T> =
  | Extract<Result<T>, { ok: true }>
  | (Extract<Result<T>, { ok: false }> & { readonly oauthError: string; readonly challengeScheme?: string });

/** Where a customer call puts the access token: the Authorization header (RFC 6750 2.1), or wrongly the query. */
export type TokenPlacement = 'header' | 'query';

export interface CustomerAppClient {
  readonly credentials: PartnerAppCredentials;
  /** Step 1: the customer arrives on the landing page with the app's client key; `redirectUri` defaults to the registered one. */
  openSignIn(options?: { redirectUri?: string; state?: string }): Promise<Result<{ signInId: string; appName: string }>>;
  /** Step 2: the customer names themselves; the OTP goes to their mobile or email. */
  sendOtp(signInId: string, identifier: Identifier): Promise<Result<{ channel: string }>>;
  /** Steps 2-3: the customer types the OTP; the landing page redirects to the app's URL with the code. */
  confirmOtp(signInId: string, otp: string): Promise<Result<{ redirectTo: string }>>;
  /**
   * Step 3, the app's side: the redirect as the app receives it, checked by oauth4webapi (state, error
   * parameters; no state when the sign-in sent none); the code is then exchangeable with `exchangeCode`.
   * Throws when the redirect is not a valid answer.
   */
  receiveRedirect(redirectTo: string, expectedState: string | undefined): URLSearchParams;
  /** Step 4: the code with the client key and secret for the token pair. */
  exchangeCode(callback: URLSearchParams): Promise<OAuthResult<TokenSet>>;
  refresh(refreshToken: string): Promise<OAuthResult<TokenSet>>;
  /** Step 5: "the partner app can also invalidate these tokens"; `'none'` sends only the client key, no secret. */
  revoke(token: string, authentication?: 'secret' | 'none'): Promise<OAuthResult<null>>;
  // Step 5: the customer calls a token opens.
  readPoints(accessToken: string, customerId: number, placement?: TokenPlacement): Promise<Result<PointsSummaryView>>;
  redeemPoints(accessToken: string, customerId: number, points: number): Promise<Result<{ balance: number }>>;
  transferPoints(accessToken: string, customerId: number, points: number, to: Identifier): Promise<Result<{ balance: number; toCustomerId: number }>>;
}

export type ContractCall = (operationId: string, request: ApiRequest) => Promise<OperationResponse>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const OPERATION_OF_PATH: Readonly<Record<string, string>> = { '/oauth2/token': 'exchangeOAuthToken', '/oauth2/revoke': 'revokeOAuthToken' };

function tokenSet(response: oauth.TokenEndpointResponse, headers: Headers): TokenSet {
  if (!response.refresh_token) throw new oauth.UnsupportedOperationError('the token endpoint answered no refresh token', { cause: response });
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token,
    expiresIn: response.expires_in ?? 0,
    cacheControl: headers.get('cache-control'),
  };
}

function refusal(operation: string, status: number, name: string, description: string | undefined, challengeScheme?: string): OAuthResult<never> {
  const message = { code: status, message: `${name}: ${description ?? ''}` };
  return { ok: false, operation, status, error: message, errors: [message], oauthError: name, ...(challengeScheme ? { challengeScheme } : {}) };
}

/**
 * An RFC 6749 error from the token or revocation endpoint as a refusal; anything else is rethrown. A 401
 * with a WWW-Authenticate challenge (invalid_client over Basic, RFC 6749 5.2) still carries its error body.
 */
async function oauthRefusal(operation: string, error: unknown): Promise<OAuthResult<never>> {
  if (error instanceof oauth.ResponseBodyError) return refusal(operation, error.status, error.error, error.error_description);
  if (error instanceof oauth.WWWAuthenticateChallengeError) {
    const body = (await error.response.json().catch(() => ({}))) as { error?: string; error_description?: string };
    return refusal(operation, error.status, body.error ?? 'invalid_client', body.error_description, error.cause[0]?.scheme);
  }
  throw error;
}

export function createCustomerAppClient(call: ContractCall, baseUrl: string, credentials: PartnerAppCredentials): CustomerAppClient {
  const issuer = baseUrl === '' ? IN_PROCESS_ISSUER : baseUrl;
  const as: oauth.AuthorizationServer = {
    issuer,
    authorization_endpoint: `${issuer}/oauth2/authorize`,
    token_endpoint: `${issuer}/oauth2/token`,
    revocation_endpoint: `${issuer}/oauth2/revoke`,
  };
  const client: oauth.Client = { client_id: credentials.clientKey };
  const clientAuth = oauth.ClientSecretBasic(credentials.clientSecret);

  // oauth4webapi's requests, sent as contract calls (so the in-process reference is reached without a socket).
  const fetchThroughContract = async (url: string, init: RequestInit): Promise<Response> => {
    const path = new URL(url).pathname;
    const operation = OPERATION_OF_PATH[path];
    if (!operation) throw new Error(`oauth4webapi asked for ${url}, which is no OAuth2 operation of the contract`);
    const answer = await call(operation, {
      method: 'POST',
      path,
      headers: Object.fromEntries(new Headers(init.headers)),
      rawBody: String(init.body ?? ''),
    });
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status, headers: answer.headers });
  };
  const options = { [oauth.customFetch]: fetchThroughContract, [oauth.allowInsecureRequests]: true };

  const customerPath = (customerId: number, rest: string) => `/oauth2/customers/${encodeURIComponent(String(customerId))}${rest}`;
  const bearer = (accessToken: string) => ({ authorization: `Bearer ${accessToken}` });

  return {
    credentials,
    async openSignIn(request = {}) {
      const query: Record<string, string> = {
        response_type: 'code',
        client_id: credentials.clientKey,
        redirect_uri: request.redirectUri ?? credentials.redirectUri,
        ...(request.state !== undefined ? { state: request.state } : {}),
      };
      return toResult(await call('openSignIn', { method: 'GET', path: '/oauth2/authorize', query }), (b) => ({ signInId: b.entity.signInId, appName: b.entity.appName }));
    },
    async sendOtp(signInId, identifier) {
      const body = { signInId, identifierName: identifier.type, identifierValue: identifier.value };
      return toResult(await call('sendSignInOtp', { method: 'POST', path: '/oauth2/otp/generate', body }), (b) => ({ channel: b.entity.channel }));
    },
    async confirmOtp(signInId, otp) {
      const response = await call('validateSignInOtp', { method: 'POST', path: '/oauth2/otp/validate', body: { signInId, otp } });
      // The redirect is the Location header; the JSON body only repeats it.
      return toResult(response, () => ({ redirectTo: response.headers.location ?? '' }));
    },
    receiveRedirect(redirectTo, expectedState) {
      return oauth.validateAuthResponse(as, client, new URL(redirectTo), expectedState ?? oauth.expectNoState);
    },
    async exchangeCode(callback) {
      try {
        const response = await oauth.authorizationCodeGrantRequest(as, client, clientAuth, callback, credentials.redirectUri, oauth.nopkce, options);
        const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
        return { ok: true, operation: 'exchangeOAuthToken', value: tokenSet(tokens, response.headers), warnings: [] };
      } catch (error) {
        return oauthRefusal('exchangeOAuthToken', error);
      }
    },
    async refresh(refreshToken) {
      try {
        const response = await oauth.refreshTokenGrantRequest(as, client, clientAuth, refreshToken, options);
        const tokens = await oauth.processRefreshTokenResponse(as, client, response);
        return { ok: true, operation: 'exchangeOAuthToken', value: tokenSet(tokens, response.headers), warnings: [] };
      } catch (error) {
        return oauthRefusal('exchangeOAuthToken', error);
      }
    },
    async revoke(token, authentication = 'secret') {
      try {
        const auth = authentication === 'secret' ? clientAuth : oauth.None();
        await oauth.processRevocationResponse(await oauth.revocationRequest(as, client, auth, token, options));
        return { ok: true, operation: 'revokeOAuthToken', value: null, warnings: [] };
      } catch (error) {
        return oauthRefusal('revokeOAuthToken', error);
      }
    },
    async readPoints(accessToken, customerId, placement = 'header') {
      const request: ApiRequest =
        placement === 'header'
          ? { method: 'GET', path: customerPath(customerId, '/points'), headers: bearer(accessToken) }
          : { method: 'GET', path: customerPath(customerId, '/points'), query: { access_token: accessToken } };
      return toResult(await call('getOwnPoints', request), (b) => ({
        balance: b.entity.loyaltyPoints,
        lifetimePoints: b.entity.lifetimePoints,
        redeemed: b.entity.redeemed,
        tier: b.entity.currentSlab,
      }));
    },
    async redeemPoints(accessToken, customerId, points) {
      const response = await call('redeemOwnPoints', { method: 'POST', path: customerPath(customerId, '/points/redeem'), headers: bearer(accessToken), body: { points } });
      return toResult(response, (b) => ({ balance: b.entity.balance }));
    },
    async transferPoints(accessToken, customerId, points, to) {
      const response = await call('transferOwnPoints', {
        method: 'POST',
        path: customerPath(customerId, '/points/transfer'),
        headers: bearer(accessToken),
        body: { points, toIdentifierName: to.type, toIdentifierValue: to.value },
      });
      return toResult(response, (b) => ({ balance: b.entity.balance, toCustomerId: b.entity.toCustomerId }));
    },
  };
}
