// OAuth2 sign-in state for customer apps (seed 003 "OAuth2 Sign-in for Customer Apps"): partner apps,
// sign-in requests waiting for their OTP, authorization codes and tokens. In memory, behind a port like
// the other stores; codes and tokens are opaque random strings, so they are global keys.

export interface PartnerApp {
  readonly orgId: number;
  readonly clientKey: string;
  readonly clientSecret: string;
  readonly name: string;
  /** The one pre-configured URL the auth code goes to. */
  readonly redirectUri: string;
  readonly accessTokenLifetimeSeconds: number;
  readonly refreshTokenLifetimeSeconds: number;
}

/** A customer on the landing page: the partner app's request, then the OTP sent and who it was sent to. */
export interface SignInRequest {
  readonly id: string;
  readonly clientKey: string;
  readonly redirectUri: string;
  readonly state?: string;
  readonly customerId?: number;
  readonly otp?: string;
  /** Set once the OTP was accepted: the request (and its OTP) cannot be used again. */
  readonly used?: boolean;
}

export interface StoredCode {
  readonly code: string;
  readonly clientKey: string;
  readonly orgId: number;
  readonly customerId: number;
  readonly redirectUri: string;
  readonly expiresAt: Date;
}

export interface StoredToken {
  readonly accessToken: string;
  readonly accessTokenExpiresAt: Date;
  readonly refreshToken: string;
  readonly refreshTokenExpiresAt: Date;
  readonly clientKey: string;
  readonly orgId: number;
  readonly customerId: number;
}

export interface SignInStore {
  savePartnerApp(app: PartnerApp): void;
  partnerApp(clientKey: string): PartnerApp | undefined;
  saveSignIn(request: SignInRequest): void;
  signIn(id: string): SignInRequest | undefined;
  saveCode(code: StoredCode): void;
  code(code: string): StoredCode | undefined;
  /** Removes the code; false when it was not there (already exchanged). */
  removeCode(code: string): boolean;
  saveToken(token: StoredToken): void;
  byAccessToken(accessToken: string): StoredToken | undefined;
  byRefreshToken(refreshToken: string): StoredToken | undefined;
  /** Removes the token pair; false when it was not there. */
  removeToken(token: StoredToken): boolean;
}

export function createMemorySignInStore(): SignInStore {
  const apps = new Map<string, PartnerApp>();
  const signIns = new Map<string, SignInRequest>();
  const codes = new Map<string, StoredCode>();
  const accessTokens = new Map<string, StoredToken>();
  const refreshTokens = new Map<string, StoredToken>();
  return {
    savePartnerApp: (app) => void apps.set(app.clientKey, app),
    partnerApp: (clientKey) => apps.get(clientKey),
    saveSignIn: (request) => void signIns.set(request.id, request),
    signIn: (id) => signIns.get(id),
    saveCode: (code) => void codes.set(code.code, code),
    code: (code) => codes.get(code),
    removeCode: (code) => codes.delete(code),
    saveToken(token) {
      accessTokens.set(token.accessToken, token);
      refreshTokens.set(token.refreshToken, token);
    },
    byAccessToken: (accessToken) => accessTokens.get(accessToken),
    byRefreshToken: (refreshToken) => refreshTokens.get(refreshToken),
    removeToken(token) {
      const had = accessTokens.delete(token.accessToken);
      return refreshTokens.delete(token.refreshToken) || had;
    },
  };
}
