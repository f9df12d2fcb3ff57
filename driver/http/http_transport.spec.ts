import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import nock from 'nock';
import { startReferenceServer, type RunningReferenceServer } from '../../reference/server/start_server.ts';
import { createContractDriver } from '../contract_driver.ts';
import { ContractViolationError, HarnessError } from '../driver.ts';
import { makeDriver } from '../make_driver.ts';
import { createHttpTransport } from './http_transport.ts';

const BROKEN = 'http://broken-vendor.test';
const till = { username: 'till', password: 'secret' };

/** A driver on a fake target that offers test control, so createOrg works and the next call is the one under test. */
function brokenDriver(timeoutMs = 5000) {
  nock(BROKEN).post('/x-memberspec/orgs').reply(201, { entity: { orgId: 7, till }, warnings: [] });
  return createContractDriver({ name: 'http', transport: createHttpTransport({ baseUrl: BROKEN, timeoutMs }) });
}

const registration = { source: 'INSTORE', identifiers: [{ type: 'mobile', value: '919812349999' }] };

describe('http transport against a broken target (nock)', () => {
  afterEach(() => nock.cleanAll());
  after(() => nock.restore());

  it('throws ContractViolationError naming the operation and field of a wrong type', async () => {
    const driver = brokenDriver();
    const org = await driver.createOrg({});
    nock(BROKEN).post('/v2/customers').reply(200, { createdId: 'abc', warnings: [] });
    await assert.rejects(org.register(registration), (error: Error) => {
      assert.ok(error instanceof ContractViolationError);
      assert.equal(error.message, 'registerCustomer answered 200 outside the contract: /createdId must be integer (received "abc")');
      return true;
    });
    // The exchange is in the transcript for the report, credentials redacted.
    const transcript = driver.takeTranscript();
    assert.equal(transcript.at(-1)?.responseBody && (transcript.at(-1)?.responseBody as { createdId: string }).createdId, 'abc');
    assert.equal(transcript.at(-1)?.url, `${BROKEN}/v2/customers`);
    assert.match(transcript.at(-1)?.requestHeaders.authorization ?? '', /^Basic \[redacted\]$/);
  });

  it('treats a 500 as outside the contract', async () => {
    const org = await brokenDriver().createOrg({});
    nock(BROKEN).get('/v2/customers/5').query(true).reply(500, 'java.lang.NullPointerException\n\tat com.vendor.Thing');
    await assert.rejects(org.getCustomer(5), (error: Error) => {
      assert.ok(error instanceof ContractViolationError);
      assert.match(error.message, /^getCustomer answered 500 outside the contract: no 500 answer is defined/);
      return true;
    });
  });

  it('treats an error envelope without errors as a violation', async () => {
    const org = await brokenDriver().createOrg({});
    nock(BROKEN).get('/v2/customers/lookup').query(true).reply(404, { message: 'not found' });
    await assert.rejects(
      org.lookUp({ source: 'INSTORE', identifiers: [{ type: 'mobile', value: '91' }] }),
      /lookupCustomer answered 404 outside the contract: \/errors is required/,
    );
  });

  it('turns a timeout into a one-line HarnessError', async () => {
    const org = await brokenDriver(100).createOrg({});
    nock(BROKEN).post('/v2/customers').delay(1000).reply(200, { createdId: 1, warnings: [] });
    await assert.rejects(org.register(registration), (error: Error) => {
      assert.ok(error instanceof HarnessError);
      assert.equal(error.message, `registerCustomer: POST ${BROKEN}/v2/customers: no answer within 100 ms`);
      return true;
    });
  });
});

describe('http transport against the reference server', () => {
  let server: RunningReferenceServer;
  before(async () => {
    server = await startReferenceServer();
  });
  after(() => server.close());

  it('registers, reads back, refuses an oversized body with 8202 (413), and shortens it in the transcript', async () => {
    const driver = makeDriver({ driver: 'http', target: server.url, requestTimeoutMs: 2000 });
    const org = await driver.createOrg({});
    const created = await org.register(registration);
    assert.ok(created.ok, JSON.stringify(created));
    const view = await org.getCustomer(created.value.customerId);
    assert.ok(view.ok);
    assert.deepEqual(view.value.identifiers, [{ type: 'mobile', value: '919812349999' }]);
    const oversized = await org.registerRaw(JSON.stringify({ pad: 'z'.repeat(200 * 1024) }));
    assert.equal(!oversized.ok && oversized.error.code, 8202);
    assert.equal(!oversized.ok && oversized.status, 413);
    const transcript = driver.takeTranscript();
    assert.match(String(transcript.at(-1)?.requestBody), /characters in all\]$/);
    await driver.close();
  });

  it('reports a target that is not listening as a HarnessError', async () => {
    const closed = await startReferenceServer();
    await closed.close();
    const driver = makeDriver({ driver: 'http', target: closed.url, requestTimeoutMs: 2000 });
    await assert.rejects(driver.createOrg({}), (error: Error) => {
      assert.ok(error instanceof HarnessError);
      assert.match(error.message, /^createTestOrg: POST http:\/\/127\.0\.0\.1:\d+\/x-memberspec\/orgs: request failed: connection refused: nothing listens on that host and port \(ECONNREFUSED\)$/);
      return true;
    });
  });
});
