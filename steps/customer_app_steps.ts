// Seed 003 "OAuth2 Sign-in for Customer Apps": the harness plays the partner app (oauth4webapi through the
// driver) and its customer on the landing page; the OTP the customer received is read from the org's
// outbox (test control). Apps, sign-ins, codes and tokens are kept per scenario, by app and customer name.
import { Given, Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import { HarnessError, type CustomerAppClient, type OAuthResult, type Result, type TokenSet } from '../driver/driver.ts';
import type { IdentifierSpec } from './support/parameter_types.ts';
import { roleKey, type MemberspecWorld } from './support/world.ts';

interface SignInInProgress {
  readonly app: string;
  readonly signInId: string;
  /** The state the app sent (RFC 6749 4.1.1, recommended), if any. */
  readonly state: string | undefined;
  otp?: string;
  redirectTo?: string;
  callback?: URLSearchParams;
}

interface CustomerAppState {
  readonly apps: Map<string, CustomerAppClient>;
  /** By customer name: the sign-in under way (or done). */
  readonly signIns: Map<string, SignInInProgress>;
  /** By customer name: the tokens the app holds for them, oldest first (a refresh adds a pair). */
  readonly tokens: Map<string, TokenSet[]>;
}

const STATES = new WeakMap<MemberspecWorld, CustomerAppState>();

function stateOf(world: MemberspecWorld): CustomerAppState {
  let state = STATES.get(world);
  if (!state) STATES.set(world, (state = { apps: new Map(), signIns: new Map(), tokens: new Map() }));
  return state;
}

function appNamed(world: MemberspecWorld, name: string): CustomerAppClient {
  const app = stateOf(world).apps.get(roleKey(name));
  if (!app) throw new HarnessError(`no partner app "${name}" in this scenario`);
  return app;
}

function signInOf(world: MemberspecWorld, customer: string): SignInInProgress {
  const signIn = stateOf(world).signIns.get(roleKey(customer));
  if (!signIn) throw new HarnessError(`"${customer}" has not opened a sign-in page in this scenario`);
  return signIn;
}

/** The newest token pair the app holds for the customer (`which`: the first one, before any refresh). */
function tokensOf(world: MemberspecWorld, customer: string, which: 'latest' | 'first' = 'latest'): TokenSet {
  const list = stateOf(world).tokens.get(roleKey(customer)) ?? [];
  const tokens = which === 'first' ? list[0] : list[list.length - 1];
  if (!tokens) throw new HarnessError(`the partner app holds no token for "${customer}" in this scenario`);
  return tokens;
}

function keepTokens(world: MemberspecWorld, customer: string, tokens: TokenSet): void {
  const state = stateOf(world);
  state.tokens.set(roleKey(customer), [...(state.tokens.get(roleKey(customer)) ?? []), tokens]);
}

function mustSucceed<T>(result: Result<T> | OAuthResult<T>, what: string): T {
  if (!result.ok) expect.fail(`${what} was refused: ${result.error.code} ${result.error.message}`);
  return result.value;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function registerApp(world: MemberspecWorld, name: string, redirectUri: string, lifetimes: { accessTokenLifetimeSeconds?: number; refreshTokenLifetimeSeconds?: number } = {}): Promise<void> {
  const session = await world.session();
  const credentials = mustSucceed(await session.registerPartnerApp({ name, redirectUri, ...lifetimes }), `registering partner app "${name}"`);
  expect(credentials.clientKey, 'the partner app gets a client key').to.be.a('string').and.not.equal('');
  expect(credentials.clientSecret, 'the partner app gets a client secret').to.be.a('string').and.not.equal('');
  stateOf(world).apps.set(roleKey(name), session.partnerApp(credentials));
}

/** The newest sign-in OTP the org sent to `to`; the code is the message's run of 4 to 8 digits. */
async function otpSentTo(world: MemberspecWorld, to: string): Promise<{ otp: string; channel: string }> {
  const messages = (await (await world.session()).sentMessages()).filter((message) => message.purpose === 'SIGN_IN_OTP' && message.to === to);
  const last = messages[messages.length - 1];
  expect(last, `a sign-in OTP should have been sent to ${world.describe(to)}`).to.not.equal(undefined);
  const otp = /\b(\d{4,8})\b/.exec(last!.body)?.[1];
  if (!otp) expect.fail(`the OTP message to ${world.describe(to)} carries no code: "${last!.body}"`);
  return { otp, channel: last!.channel };
}

/** `withState`: true for a state of the harness's own, false for none, or the state to send. */
async function openSignIn(world: MemberspecWorld, customer: string, app: string, redirectUri?: string, withState: boolean | string = true): Promise<void> {
  const state = typeof withState === 'string' ? withState : withState ? `state-${roleKey(customer).replace(/\W/g, '')}-${Date.now()}` : undefined;
  world.last = await appNamed(world, app).openSignIn({ ...(state !== undefined ? { state } : {}), ...(redirectUri ? { redirectUri } : {}) });
  if (world.last.ok) {
    const { signInId } = world.last.value as { signInId: string };
    stateOf(world).signIns.set(roleKey(customer), { app: roleKey(app), signInId, state });
  }
}

async function requestOtp(world: MemberspecWorld, customer: string, identifier: IdentifierSpec): Promise<void> {
  const signIn = signInOf(world, customer);
  const [resolved] = world.identifiers([identifier]);
  world.last = await appNamed(world, signIn.app).sendOtp(signIn.signInId, resolved);
}

async function enterOtp(world: MemberspecWorld, customer: string, otp: string): Promise<void> {
  const signIn = signInOf(world, customer);
  world.last = await appNamed(world, signIn.app).confirmOtp(signIn.signInId, otp);
  if (world.last.ok) signIn.redirectTo = (world.last.value as { redirectTo: string }).redirectTo;
}

async function receivedOtp(world: MemberspecWorld, customer: string, identifier: IdentifierSpec): Promise<string> {
  const [resolved] = world.identifiers([identifier]);
  const { otp } = await otpSentTo(world, resolved.value);
  signInOf(world, customer).otp = otp;
  return otp;
}

/** The app's side of the redirect, checked by the OAuth2 client library (state, error parameters). */
function receiveCode(world: MemberspecWorld, customer: string): URLSearchParams {
  const signIn = signInOf(world, customer);
  if (!signIn.redirectTo) expect.fail(`the sign-in page did not redirect "${customer}" to the partner app`);
  if (!signIn.callback) {
    try {
      signIn.callback = appNamed(world, signIn.app).receiveRedirect(signIn.redirectTo, signIn.state);
    } catch (error) {
      // A redirect the app cannot accept (a state it did not send, an error parameter) is the target's fault.
      expect.fail(`the redirect ${signIn.redirectTo} is no valid answer to the app's request: ${(error as Error).message}`);
    }
  }
  return signIn.callback;
}

async function exchangeCode(world: MemberspecWorld, app: string, customer: string): Promise<void> {
  const callback = receiveCode(world, customer);
  const result = await appNamed(world, app).exchangeCode(callback);
  world.last = result;
  if (result.ok) keepTokens(world, customer, result.value);
}

/** The whole flow, every step checked: the customer ends signed in and the app holds their tokens. */
async function signIn(world: MemberspecWorld, customer: string, app: string, identifier: IdentifierSpec): Promise<void> {
  await openSignIn(world, customer, app);
  mustSucceed(world.last!, `opening the sign-in page of "${app}"`);
  await requestOtp(world, customer, identifier);
  mustSucceed(world.last!, `sending "${customer}" an OTP`);
  await enterOtp(world, customer, await receivedOtp(world, customer, identifier));
  mustSucceed(world.last!, `entering the OTP of "${customer}"`);
  await exchangeCode(world, app, customer);
  mustSucceed(world.last!, `exchanging the auth code of "${customer}"`);
}

function expectOAuthRefusal(world: MemberspecWorld, error: string): void {
  const last = world.last as OAuthResult<unknown> | undefined;
  expect(last?.ok, `the partner app should be refused with ${error}`).to.equal(false);
  if (last && !last.ok) {
    expect(last.oauthError, `the OAuth2 error (${last.error.message})`).to.equal(error);
    expect(last.status, 'a refusal is never a server error').to.be.within(400, 499);
  }
}

// ---- partner apps

Given('a partner app {string} registered with the redirect URL {string}', async function (this: MemberspecWorld, name: string, url: string) {
  await registerApp(this, name, url);
});

Given(
  'a partner app {string} registered with the redirect URL {string} and access tokens valid for {int} second(s)',
  async function (this: MemberspecWorld, name: string, url: string, seconds: number) {
    await registerApp(this, name, url, { accessTokenLifetimeSeconds: seconds });
  },
);

Given(
  'a partner app {string} registered with the redirect URL {string} and refresh tokens valid for {int} second(s)',
  async function (this: MemberspecWorld, name: string, url: string, seconds: number) {
    await registerApp(this, name, url, { refreshTokenLifetimeSeconds: seconds });
  },
);

// ---- steps 1-3: the landing page

When('{string} opens the sign-in page of {string}', async function (this: MemberspecWorld, customer: string, app: string) {
  await openSignIn(this, customer, app);
});

// RFC 6749 4.1.1: the state is recommended, not required.
When('{string} opens the sign-in page of {string} without a state', async function (this: MemberspecWorld, customer: string, app: string) {
  await openSignIn(this, customer, app, undefined, false);
});

// The sign-in as far as it goes: refused when the page opens, or through the OTP to the redirect.
When(
  '{string} signs in to {string} with the state {string} and the OTP sent to {identifiers}',
  async function (this: MemberspecWorld, customer: string, app: string, state: string, ids: IdentifierSpec[]) {
    await openSignIn(this, customer, app, undefined, state);
    if (!this.last?.ok) return;
    await requestOtp(this, customer, ids[0]);
    if (!this.last?.ok) return;
    await enterOtp(this, customer, await receivedOtp(this, customer, ids[0]));
  },
);

When('{string} opens the sign-in page of an app with a client key no app has', async function (this: MemberspecWorld, customer: string) {
  const unknown = { clientKey: `unregistered-${Date.now()}`, clientSecret: 'none', name: 'Unregistered', redirectUri: 'https://unregistered.example/cb' };
  stateOf(this).apps.set(roleKey('an unregistered app'), (await this.session()).partnerApp(unknown));
  await openSignIn(this, customer, 'an unregistered app');
});

When(
  '{string} opens the sign-in page of {string} with the redirect URL {string}',
  async function (this: MemberspecWorld, customer: string, app: string, url: string) {
    await openSignIn(this, customer, app, url);
  },
);

When('{string} asks for an OTP with {identifiers}', async function (this: MemberspecWorld, customer: string, ids: IdentifierSpec[]) {
  await requestOtp(this, customer, ids[0]);
});

Then(/^an OTP was sent by (SMS|email) to (?:mobile|email) (\w+)$/, async function (this: MemberspecWorld, channel: string, token: string) {
  const to = this.value(token);
  if (to === undefined) throw new HarnessError(`${token} has no value`);
  expect((await otpSentTo(this, to)).channel, 'the OTP channel').to.equal(channel.toUpperCase());
});

Then('no sign-in OTP was sent', async function (this: MemberspecWorld) {
  const sent = (await (await this.session()).sentMessages()).filter((message) => message.purpose === 'SIGN_IN_OTP');
  expect(sent, 'sign-in OTPs the org sent').to.deep.equal([]);
});

/** A sign-in id the landing page never gave out. */
const neverOpened = () => `never-opened-${Date.now()}`;

When(
  '{string} asks for an OTP with {identifiers} on a sign-in page of {string} that was never opened',
  async function (this: MemberspecWorld, _customer: string, ids: IdentifierSpec[], app: string) {
    const [resolved] = this.identifiers([ids[0]]);
    this.last = await appNamed(this, app).sendOtp(neverOpened(), resolved);
  },
);

When('{string} enters a code on a sign-in page of {string} that was never opened', async function (this: MemberspecWorld, _customer: string, app: string) {
  this.last = await appNamed(this, app).confirmOtp(neverOpened(), '123456');
});

When('{string} enters the OTP sent to {identifiers}', async function (this: MemberspecWorld, customer: string, ids: IdentifierSpec[]) {
  await enterOtp(this, customer, await receivedOtp(this, customer, ids[0]));
});

When('{string} enters the same OTP again', async function (this: MemberspecWorld, customer: string) {
  const otp = signInOf(this, customer).otp;
  if (!otp) throw new HarnessError(`"${customer}" has entered no OTP yet`);
  await enterOtp(this, customer, otp);
});

When('{string} enters a code before any OTP was sent', async function (this: MemberspecWorld, customer: string) {
  await enterOtp(this, customer, '123456');
});

When('{string} enters another code than the OTP sent to {identifiers}', async function (this: MemberspecWorld, customer: string, ids: IdentifierSpec[]) {
  const sent = await receivedOtp(this, customer, ids[0]);
  // Six digits that differ from the code sent in every place, so the wrong one is never right by chance.
  const wrong = [...sent].map((digit) => String((Number(digit) + 5) % 10)).join('');
  await enterOtp(this, customer, wrong);
});

Then(
  'the sign-in page sends {string} back to {string} with an auth code',
  function (this: MemberspecWorld, customer: string, url: string) {
    const signIn = signInOf(this, customer);
    const last = this.last;
    if (!last?.ok) expect.fail(`expected a redirect, but the OTP was refused: ${last?.error.code} ${last?.error.message}`);
    const redirect = new URL(signIn.redirectTo ?? '');
    expect(`${redirect.origin}${redirect.pathname}`, 'the redirect goes to the registered URL only').to.equal(url);
    const callback = receiveCode(this, customer);
    expect(callback.get('code'), 'the redirect carries an auth code').to.be.a('string').and.not.equal('');
  },
);

Given(
  '{string} has signed in to {string} with {identifiers}',
  async function (this: MemberspecWorld, customer: string, app: string, ids: IdentifierSpec[]) {
    await signIn(this, customer, app, ids[0]);
  },
);

// ---- step 4: the code exchange

When('{string} exchanges the auth code of {string} with its client key and secret', async function (this: MemberspecWorld, app: string, customer: string) {
  await exchangeCode(this, app, customer);
});

When('{string} exchanges the auth code of {string} again', async function (this: MemberspecWorld, app: string, customer: string) {
  await exchangeCode(this, app, customer);
});

When('{string} exchanges the auth code of {string} with a client key no app has', async function (this: MemberspecWorld, app: string, customer: string) {
  const real = appNamed(this, app);
  const unknown = (await this.session()).partnerApp({ ...real.credentials, clientKey: `unregistered-${Date.now()}` });
  this.last = await unknown.exchangeCode(receiveCode(this, customer));
});

When(
  '{string} exchanges the auth code of {string} with a wrong client secret',
  async function (this: MemberspecWorld, app: string, customer: string) {
    const real = appNamed(this, app);
    const impostor = (await this.session()).partnerApp({ ...real.credentials, clientSecret: `${real.credentials.clientSecret}-wrong` });
    this.last = await impostor.exchangeCode(receiveCode(this, customer));
  },
);

Then('{string} receives an access token and a refresh token', function (this: MemberspecWorld, app: string) {
  const tokens = mustSucceed(this.last as OAuthResult<TokenSet>, `the code exchange of "${app}"`);
  expect(tokens.accessToken, 'access token').to.be.a('string').and.not.equal('');
  expect(tokens.refreshToken, 'refresh token').to.be.a('string').and.not.equal('');
  expect(tokens.refreshToken, 'the refresh token is not the access token').to.not.equal(tokens.accessToken);
});

// RFC 6749 5.1: "The authorization server MUST include the HTTP "Cache-Control" response header field with a
// value of "no-store" in any response containing tokens".
Then('{string} is told not to store the answer that holds the tokens', function (this: MemberspecWorld, app: string) {
  const tokens = mustSucceed(this.last as OAuthResult<TokenSet>, `the token request of "${app}"`);
  const directives = (tokens.cacheControl ?? '').split(',').map((directive) => directive.trim().toLowerCase());
  expect(directives, `the Cache-Control header of the token answer ("${tokens.cacheControl ?? ''}")`).to.include('no-store');
});

Then('the partner app is refused with {word}', function (this: MemberspecWorld, error: string) {
  expectOAuthRefusal(this, error);
});

// RFC 6749 5.2: a client that authenticated with the Authorization header is answered 401 with a WWW-Authenticate
// header of the scheme it used.
Then('the partner app is refused with {word} and challenged to authenticate with Basic', function (this: MemberspecWorld, error: string) {
  expectOAuthRefusal(this, error);
  const last = this.last as OAuthResult<unknown>;
  expect(last.ok ? undefined : { status: last.status, scheme: last.challengeScheme?.toLowerCase() }, 'the refusal').to.deep.equal({ status: 401, scheme: 'basic' });
});

// ---- step 5: customer calls with the access token, expiry, refresh, invalidation

When(
  /^"([^"]+)" reads the points of "([^"]+)" with the (access token|first access token|refreshed access token) of "([^"]+)"( in the query string)?$/,
  async function (this: MemberspecWorld, app: string, owner: string, which: string, holder: string, inQuery?: string) {
    const tokens = tokensOf(this, holder, which === 'first access token' ? 'first' : 'latest');
    this.last = await appNamed(this, app).readPoints(tokens.accessToken, this.customerId(owner), inQuery ? 'query' : 'header');
  },
);

Then('the app is shown {int} points and the tier {string}', function (this: MemberspecWorld, points: number, tier: string) {
  const view = mustSucceed(this.last as Result<{ balance: number; tier: string }>, 'reading points with the access token');
  expect(view.balance, 'points').to.equal(points);
  expect(view.tier, 'tier').to.equal(tier);
});

When(
  '{string} redeems {int} points of {string} with the access token of {string}',
  async function (this: MemberspecWorld, app: string, points: number, owner: string, holder: string) {
    this.last = await appNamed(this, app).redeemPoints(tokensOf(this, holder).accessToken, this.customerId(owner), points);
  },
);

When(
  '{string} transfers {int} points of {string} to {identifiers} with the access token of {string}',
  async function (this: MemberspecWorld, app: string, points: number, owner: string, ids: IdentifierSpec[], holder: string) {
    const [to] = this.identifiers(ids);
    this.last = await appNamed(this, app).transferPoints(tokensOf(this, holder).accessToken, this.customerId(owner), points, to);
  },
);

Then('the app is told {string} has {int} points left', function (this: MemberspecWorld, name: string, points: number) {
  const answer = mustSucceed(this.last as Result<{ balance: number }>, `the app's request for "${name}"`);
  expect(answer.balance, `the balance the app was told for "${name}"`).to.equal(points);
});

When('{int} second(s) pass(es)', async function (this: MemberspecWorld, seconds: number) {
  // Token lifetimes are whole seconds: wait a little past the mark so the expiry is certain.
  await sleep(seconds * 1000 + 200);
});

When('{string} refreshes the tokens of {string}', async function (this: MemberspecWorld, app: string, customer: string) {
  const result = await appNamed(this, app).refresh(tokensOf(this, customer).refreshToken);
  this.last = result;
  if (result.ok) keepTokens(this, customer, result.value);
});

When('{string} refreshes the tokens of {string} with the first refresh token', async function (this: MemberspecWorld, app: string, customer: string) {
  this.last = await appNamed(this, app).refresh(tokensOf(this, customer, 'first').refreshToken);
});

When(
  /^"([^"]+)" invalidates the (access|refresh) token of "([^"]+)"( without its client secret)?$/,
  async function (this: MemberspecWorld, app: string, kind: string, customer: string, withoutSecret?: string) {
    const tokens = tokensOf(this, customer);
    this.last = await appNamed(this, app).revoke(kind === 'access' ? tokens.accessToken : tokens.refreshToken, withoutSecret ? 'none' : 'secret');
  },
);
