import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import type { ApiRequest, ApiResponse } from '../../driver/transport.ts';
import { createIdentityService } from '../service/create_identity_service.ts';
import type { IdentityService } from '../service/identity_service.ts';
import { createDispatcher, type Dispatcher } from './create_dispatcher.ts';
import { handleRoute, md5Hex } from './handle_request.ts';
import { MAX_BODY_BYTES } from './parse_body.ts';
import { ROUTES } from './routes.ts';
import { startReferenceServer, type RunningReferenceServer } from './start_server.ts';
import { OPERATIONS } from '../../contract/contract.ts';

const JSON_TYPE = { 'content-type': 'application/json' };
const FIXED_NOW = () => '2024-01-01T00:00:00.000Z';

function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${md5Hex(password)}`).toString('base64')}`;
}

async function newOrg(
  send: Dispatcher,
  configs: Record<string, unknown> = {},
): Promise<{ orgId: number; username: string; auth: Record<string, string> }> {
  const response = await send({ method: 'POST', path: '/x-memberspec/orgs', headers: JSON_TYPE, body: { configs } });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  const { orgId, till } = (response.body as { entity: { orgId: number; till: { username: string; password: string } } }).entity;
  return { orgId, username: till.username, auth: { ...JSON_TYPE, authorization: basic(till.username, till.password) } };
}

function registration(mobile: string, email?: string) {
  const identifiers = [{ type: 'mobile', value: mobile }, ...(email ? [{ type: 'email', value: email }] : [])];
  return { loyaltyInfo: { loyaltyType: 'loyalty' }, profiles: [{ firstName: 'Ana', identifiers, source: 'INSTORE' }] };
}

function firstError(response: ApiResponse): { code: number; message: string } {
  return (response.body as { errors: { code: number; message: string }[] }).errors[0];
}

/** The same requests over a real socket, for parity checks. */
function httpSender(url: string): Dispatcher {
  return async (request: ApiRequest) => {
    const query = new URLSearchParams(request.query ?? {}).toString();
    const body = request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
    const response = await fetch(`${url}${request.path}${query ? `?${query}` : ''}`, { method: request.method, headers: { ...request.headers }, body });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: Object.fromEntries(response.headers) };
  };
}

describe('routes table', () => {
  it('has exactly one route per contract operation, with the contract method and path', () => {
    assert.equal(ROUTES.length, OPERATIONS.size);
    for (const route of ROUTES) {
      const op = OPERATIONS.get(route.operationId);
      assert.ok(op, `route ${route.operationId} is not in the contract`);
      assert.equal(route.method, op.method);
      assert.equal(route.path.replace(/:(\w+)/g, '{$1}'), op.path);
      assert.equal(route.auth, op.authenticated, `${route.operationId} auth`);
    }
  });
});

describe('reference server (in-process dispatcher)', () => {
  const send = createDispatcher(createIdentityService());

  it('answers 401 code 401 without credentials and with wrong ones', async () => {
    const { auth, username } = await newOrg(send);
    const none = await send({ method: 'POST', path: '/v2/customers', headers: JSON_TYPE, body: registration('919812345601') });
    assert.equal(none.status, 401);
    assert.equal(firstError(none).code, 401);
    const wrong = await send({
      method: 'POST',
      path: '/v2/customers',
      headers: { ...auth, authorization: basic(username, 'not-the-password') },
      body: registration('919812345601'),
    });
    assert.equal(wrong.status, 401);
    assert.equal(firstError(wrong).code, 401);
    const garbage = await send({ method: 'GET', path: '/v2/customers/1', headers: { authorization: 'Bearer abc' } });
    assert.equal(garbage.status, 401);
  });

  it('accepts a till again from its remembered header, and still refuses a wrong one after a good one', async () => {
    const { auth } = await newOrg(send);
    for (const mobile of ['919812345611', '919812345612']) {
      const ok = await send({ method: 'POST', path: '/v2/customers', headers: auth, body: registration(mobile) });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
    }
    const username = Buffer.from(auth.authorization.slice('Basic '.length), 'base64').toString().split(':')[0];
    const wrong = await send({
      method: 'POST',
      path: '/v2/customers',
      headers: { ...auth, authorization: basic(username, 'not-the-password') },
      body: registration('919812345613'),
    });
    assert.equal(wrong.status, 401);
  });

  it("answers 8015 for another org's customer, never showing it", async () => {
    const a = await newOrg(send);
    const b = await newOrg(send);
    const created = await send({ method: 'POST', path: '/v2/customers', headers: a.auth, body: registration('919812345602') });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const id = (created.body as { createdId: number }).createdId;
    const foreign = await send({ method: 'GET', path: `/v2/customers/${id}`, query: { source: 'ALL' }, headers: b.auth });
    assert.equal(firstError(foreign).code, 8015);
    assert.equal(foreign.status, 404);
    assert.doesNotMatch(JSON.stringify(foreign.body), /919812345602/);
    const listing = await send({ method: 'GET', path: `/x-memberspec/orgs/${a.orgId}/customers`, headers: b.auth });
    assert.equal(firstError(listing).code, 1064);
  });

  it('answers malformed JSON with 8201', async () => {
    const { auth } = await newOrg(send);
    const response = await send({ method: 'POST', path: '/v2/customers', headers: auth, rawBody: '{"profiles": [' });
    assert.equal(response.status, 400);
    assert.equal(firstError(response).code, 8201);
  });

  it('answers a body over 100 kB with 8202 (413)', async () => {
    const { auth } = await newOrg(send);
    const response = await send({ method: 'POST', path: '/v2/customers', headers: auth, rawBody: `"${'x'.repeat(MAX_BODY_BYTES)}"` });
    assert.equal(response.status, 413);
    assert.equal(firstError(response).code, 8202);
  });

  it('answers a non-JSON content type with 415', async () => {
    const { auth } = await newOrg(send);
    const response = await send({ method: 'POST', path: '/v2/customers', headers: { ...auth, 'content-type': 'text/plain' }, rawBody: 'hello' });
    assert.equal(response.status, 415);
    assert.equal(firstError(response).code, 415);
  });

  it('answers a schema violation with 8203 naming the field', async () => {
    const { auth } = await newOrg(send);
    const body = { profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: 919812345603 }] }] };
    const response = await send({ method: 'POST', path: '/v2/customers', headers: auth, body });
    assert.equal(response.status, 400);
    assert.equal(firstError(response).code, 8203);
    assert.match(firstError(response).message, /\/profiles\/0\/identifiers\/0\/value must be string/);
    const badId = await send({ method: 'GET', path: '/v2/customers/abc', headers: auth });
    assert.match(firstError(badId).message, /path\.customerId must be integer/);
  });

  it('answers an unknown route with 404 code 404', async () => {
    const response = await send({ method: 'GET', path: '/v2/nothing/here' });
    assert.equal(response.status, 404);
    assert.equal(firstError(response).code, 404);
    const wrongMethod = await send({ method: 'DELETE', path: '/v2/customers' });
    assert.equal(wrongMethod.status, 404);
  });

  it('serves the contract at /openapi.json without credentials', async () => {
    const response = await send({ method: 'GET', path: '/openapi.json' });
    assert.equal(response.status, 200);
    assert.equal((response.body as { openapi: string }).openapi, '3.1.0');
  });

  it('answers an unexpected exception with a 500 envelope without a stack, logged to stderr', async (t) => {
    const broken = { ...createIdentityService(), authenticate: () => { throw new TypeError('boom'); } } as IdentityService;
    const logged = t.mock.method(console, 'error', () => {});
    const response = await createDispatcher(broken)({ method: 'GET', path: '/v2/customers/1', headers: { authorization: basic('a', 'b') } });
    assert.equal(response.status, 500);
    assert.equal(firstError(response).code, 500);
    assert.doesNotMatch(JSON.stringify(response.body), /boom|at .*\.ts/);
    assert.equal(logged.mock.callCount(), 1);
    mock.restoreAll();
  });
});

describe('reference server over HTTP, same answers as in-process', () => {
  let server: RunningReferenceServer;
  const inProcess = createDispatcher(createIdentityService(undefined, { now: FIXED_NOW }));
  let overHttp: Dispatcher;

  before(async () => {
    server = await startReferenceServer({ service: createIdentityService(undefined, { now: FIXED_NOW }) });
    overHttp = httpSender(server.url);
  });
  after(() => server.close());

  it('gives the same status and envelope for the same requests', async () => {
    const [a, b] = [await newOrg(inProcess), await newOrg(overHttp)];
    assert.deepEqual(a.orgId, b.orgId);
    const script = (auth: Record<string, string>): ApiRequest[] => [
      { method: 'POST', path: '/v2/customers', headers: auth, body: registration('919812345604', 'ana@example.com') },
      { method: 'POST', path: '/v2/customers', headers: auth, body: registration('919812345604') },
      { method: 'GET', path: '/v2/customers/1', query: { source: 'ALL' }, headers: auth },
      { method: 'GET', path: '/v2/customers/lookup', query: { source: 'INSTORE', identifierName: 'email', identifierValue: 'ana@example.com' }, headers: auth },
      { method: 'GET', path: '/v2/customers/lookup', query: { source: 'INSTORE', identifierName: 'email' }, headers: auth },
      { method: 'POST', path: '/v2/customers', headers: { 'content-type': 'application/json' }, body: registration('919812345605') },
      { method: 'POST', path: '/v2/customers', headers: auth, rawBody: '{not json' },
      { method: 'POST', path: '/v2/customers', headers: auth, rawBody: JSON.stringify({ pad: 'y'.repeat(MAX_BODY_BYTES) }) },
      { method: 'POST', path: '/v2/customers', headers: { ...auth, 'content-type': 'text/csv' }, rawBody: 'a,b' },
      { method: 'POST', path: '/v2/customers', headers: auth, body: { profiles: 'none' } },
      { method: 'PUT', path: '/v2/customers/lookup', query: { source: 'INSTORE' }, headers: auth, body: {} },
      { method: 'GET', path: '/no/such/route', headers: auth },
      { method: 'GET', path: '/v2/customers/%zz' },
      { method: 'GET', path: '/v2/customers/%E0%A4%A/subscriptions', headers: auth },
      { method: 'POST', path: '/x-memberspec/orgs', headers: auth, rawBody: `{"configs":{"CONF_SKIP_SECONDARY":${'['.repeat(5000)}${']'.repeat(5000)}}}` },
      { method: 'POST', path: '/v2/customers', headers: auth, rawBody: '{"__proto__":{"admin":true},"profiles":[]}' },
      { method: 'GET', path: `/x-memberspec/orgs/${a.orgId}/customers`, headers: auth },
    ];
    const left = script(a.auth);
    const right = script(b.auth);
    for (let i = 0; i < left.length; i++) {
      const x = await inProcess(left[i]);
      const y = await overHttp(right[i]);
      const what = `${left[i].method} ${left[i].path}`;
      assert.equal(y.status, x.status, `${what}: status`);
      assert.deepEqual(y.body, x.body, `${what}: body`);
      assert.match(y.headers['content-type'] ?? '', /^application\/json/, `${what}: content type`);
      assert.equal(y.headers['www-authenticate'], x.headers['www-authenticate'], `${what}: WWW-Authenticate`);
    }
  });

  it('refuses a body whose Content-Encoding does not decode (400, 8302) and reads a good one', async () => {
    const { gzipSync } = await import('node:zlib');
    const post = (body: Buffer) =>
      fetch(`${server.url}/x-memberspec/orgs`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: new Uint8Array(body) });
    const bad = await post(Buffer.from('not gzip'));
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { errors: { code: number }[] }).errors[0].code, 8302);
    assert.equal((await post(gzipSync(JSON.stringify({ configs: {} })))).status, 201);
  });

  it('answers oversized headers with 431 and the error envelope, and a 401 with its challenge', async () => {
    const big = await fetch(`${server.url}/v2/customers/1`, { headers: { 'x-big': 'b'.repeat(20_000) } });
    assert.equal(big.status, 431);
    assert.equal(((await big.json()) as { errors: { code: number }[] }).errors[0].code, 8304);
    const anonymous = await fetch(`${server.url}/v2/customers/1`);
    assert.equal(anonymous.status, 401);
    assert.match(anonymous.headers.get('www-authenticate') ?? '', /^Basic realm=/);
  });
});

describe('test-control extension: switchable, guarded by an admin token, loopback-only without one, limited', () => {
  const createOrg = (headers: Record<string, string> = {}): ApiRequest => ({ method: 'POST', path: '/x-memberspec/orgs', headers: { ...JSON_TYPE, ...headers }, body: { configs: {} } });

  it('answers 404 on every extension route with the extension switched off, and serves the rest', async () => {
    const service = createIdentityService();
    const open = await newOrg(createDispatcher(service));
    const off = createDispatcher(service, { testControl: false });
    assert.equal((await off(createOrg())).status, 404);
    assert.equal((await off({ method: 'GET', path: `/x-memberspec/orgs/${open.orgId}/customers`, headers: open.auth })).status, 404);
    assert.equal((await off({ method: 'POST', path: '/v2/customers', headers: open.auth, body: registration('919812345690') })).status, 200);
  });

  it('needs the admin token for org creation and the customer listing (401, 8307, with a challenge), a till is not enough', async () => {
    const service = createIdentityService();
    const send = createDispatcher(service, { adminToken: 's3cret-token' });
    for (const headers of [{}, { 'x-memberspec-admin-token': 'wrong' }, { 'x-memberspec-admin-token': 's3cret-token ' }] as Record<string, string>[]) {
      const refused = await send(createOrg(headers));
      assert.equal(refused.status, 401);
      assert.equal(firstError(refused).code, 8307);
      assert.match(refused.headers['www-authenticate'] ?? '', /^X-Memberspec-Admin-Token /);
    }
    const created = await send(createOrg({ 'x-memberspec-admin-token': 's3cret-token' }));
    assert.equal(created.status, 201);
    const { orgId, till } = (created.body as { entity: { orgId: number; till: { username: string; password: string } } }).entity;
    const till401 = await send({ method: 'GET', path: `/x-memberspec/orgs/${orgId}/customers`, headers: { authorization: basic(till.username, till.password) } });
    assert.equal(firstError(till401).code, 8307);
    const both = await send({ method: 'GET', path: `/x-memberspec/orgs/${orgId}/customers`, headers: { authorization: basic(till.username, till.password), 'x-memberspec-admin-token': 's3cret-token' } });
    assert.equal(both.status, 200);
  });

  it('without an admin token, serves the extension to loopback clients only (403, 8308)', async () => {
    const service = createIdentityService();
    const route = ROUTES.find((r) => r.operationId === 'createTestOrg')!;
    const request = { method: 'POST', path: '/x-memberspec/orgs', params: {}, query: {}, headers: JSON_TYPE, rawBody: '{"configs":{}}' };
    for (const remoteAddress of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) assert.equal((await handleRoute(service, route, { ...request, remoteAddress })).status, 201, remoteAddress);
    for (const remoteAddress of ['10.1.2.3', '::ffff:192.168.1.9', '2001:db8::1']) {
      const refused = await handleRoute(service, route, { ...request, remoteAddress });
      assert.equal(refused.status, 403, remoteAddress);
      assert.equal((refused.body as { errors: { code: number }[] }).errors[0].code, 8308);
    }
    assert.equal((await handleRoute(service, route, { ...request, remoteAddress: '10.1.2.3' }, { adminToken: 't' })).status, 401);
  });

  it('refuses orgs past the limit with 429, code 8309, and creates nothing', async () => {
    const service = createIdentityService(undefined, { maxOrgs: 2 });
    const send = createDispatcher(service);
    assert.equal((await send(createOrg())).status, 201);
    assert.equal((await send(createOrg())).status, 201);
    const refused = await send(createOrg());
    assert.equal(refused.status, 429);
    assert.equal(firstError(refused).code, 8309);
    assert.match(firstError(refused).message, /at most 2 orgs/);
    assert.equal(service.authenticate('org3.till', '0'.repeat(32)), undefined);
  });
});
