import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { M1, orgWith, seedCustomer } from './spec_support.ts';

/** A sign-in through the service up to the redirect; answers the app and the code. */
async function signedIn(clientKeyEncoding: (text: string) => string) {
  const { service, orgId } = orgWith();
  const customerId = seedCustomer(service, orgId, 'loyalty', { mobile: M1 });
  const app = service.registerPartnerApp(orgId, { name: 'CarDash', redirectUri: 'https://cardash.example/cb' });
  const { signInId } = service.openSignIn({ clientKey: app.clientKey, redirectUri: app.redirectUri, state: 's' });
  service.sendOtp(signInId, { type: 'mobile', value: M1 });
  const otp = /\d{6}/.exec(service.sentMessages(orgId).at(-1)!.body)![0];
  const { redirectTo } = await service.confirmOtp(signInId, otp);
  const code = new URL(redirectTo).searchParams.get('code')!;
  const basic = Buffer.from(`${clientKeyEncoding(app.clientKey)}:${clientKeyEncoding(app.clientSecret)}`).toString('base64');
  const exchange = () =>
    service.token({
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      query: {},
      body: { grant_type: 'authorization_code', code, redirect_uri: app.redirectUri },
    });
  return { service, customerId, exchange };
}

// RFC 6749 2.3.1: the key and secret are form-encoded before base64; oauth4webapi escapes even "-".
const formEncodeAll = (text: string) => [...text].map((c) => (/[A-Za-z0-9]/.test(c) ? c : `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('');

describe('OAuth2 sign-in (reference service)', () => {
  it('accepts client credentials form-encoded in the Basic header, as RFC 6749 2.3.1 sends them', async () => {
    const { exchange } = await signedIn(formEncodeAll);
    const answer = await exchange();
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(typeof answer.body.access_token, 'string');
  });

  it('answers a replayed code with invalid_grant and issues no second token', async () => {
    const { exchange } = await signedIn((text) => text);
    assert.equal((await exchange()).status, 200);
    const replay = await exchange();
    assert.equal(replay.status, 400);
    assert.equal(replay.body.error, 'invalid_grant');
  });

  it("limits a token to its customer: another customer's id is refused with 8405", async () => {
    const { service, customerId, exchange } = await signedIn((text) => text);
    const token = String((await exchange()).body.access_token);
    const call = (id: number) => service.authorizeCustomerCall({ method: 'GET', headers: { authorization: `Bearer ${token}` }, query: {} }, id);
    assert.equal((await call(customerId)).customerId, customerId);
    await assert.rejects(call(customerId + 1), (error: { code?: number }) => error.code === 8405);
  });
});
