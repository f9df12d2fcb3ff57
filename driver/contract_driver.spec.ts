import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createContractDriver } from './contract_driver.ts';
import { ContractViolationError, HarnessError, NotApplicableError, type Driver } from './driver.ts';
import { createInProcessTransport } from './in_process/in_process_transport.ts';
import { makeDriver } from './make_driver.ts';
import type { ApiResponse, Transport } from './transport.ts';
import type { VendorProfile } from './vendor_profile.ts';

const customer = (mobile: string, email?: string) => ({
  source: 'INSTORE',
  loyaltyType: 'loyalty' as const,
  firstName: 'Ana',
  identifiers: [{ type: 'mobile', value: mobile }, ...(email ? [{ type: 'email', value: email }] : [])],
});

describe('contract driver, in-process', () => {
  const driver: Driver = makeDriver({ driver: 'in-process' });
  after(() => driver.close());

  it('registers, reads and looks up a customer through the contract', async () => {
    const org = await driver.createOrg({ configs: { CONF_REGISTRATION_PRIMARY_KEY: 'mobile' } });
    const created = await org.register(customer('919812340001', 'ana.1@example.com'));
    assert.ok(created.ok, JSON.stringify(created));
    const view = await org.getCustomer(created.value.customerId);
    assert.ok(view.ok);
    assert.equal(view.value.loyaltyType, 'loyalty');
    assert.deepEqual(view.value.identifiers, [
      { type: 'mobile', value: '919812340001' },
      { type: 'email', value: 'ana.1@example.com' },
    ]);
    const found = await org.lookUp({ source: 'INSTORE', identifiers: [{ type: 'email', value: 'ana.1@example.com' }] });
    assert.deepEqual(found, { ok: true, operation: 'lookupCustomer', value: { customerId: created.value.customerId }, warnings: [] });
    const listing = await org.listCustomers();
    assert.equal(listing.customers.length, 1);
  });

  it('turns error envelopes into failed Results with the code', async () => {
    const org = await driver.createOrg({});
    const duplicate = customer('919812340002');
    assert.ok((await org.register(duplicate)).ok);
    const again = await org.register(duplicate);
    assert.equal(again.ok, false);
    if (!again.ok) {
      assert.equal(again.error.code, 8006);
      assert.equal(again.status, 400);
    }
    const raw = await org.registerRaw('{"profiles": [');
    assert.equal(!raw.ok && raw.error.code, 8201);
    const anonymous = await org.anonymous().getCustomer(1);
    assert.equal(!anonymous.ok && anonymous.error.code, 401);
  });

  it('keeps a transcript with credentials redacted, and clears it when taken', async () => {
    driver.takeTranscript();
    const org = await driver.createOrg({});
    await org.register(customer('919812340003'));
    const transcript = driver.takeTranscript();
    assert.deepEqual(transcript.map((e) => e.operation), ['createTestOrg', 'registerCustomer']);
    const text = JSON.stringify(transcript);
    assert.match(transcript[1].requestHeaders.authorization, /^Basic \[redacted\]$/);
    assert.doesNotMatch(text, /Basic [A-Za-z0-9+/]{8,}/);
    assert.equal((transcript[0].responseBody as { entity: { till: { password: string } } }).entity.till.password, '[redacted]');
    assert.equal(transcript[1].status, 200);
    assert.deepEqual(driver.takeTranscript(), []);
  });

  it('refuses a bad config at org creation as a harness error', async () => {
    await assert.rejects(driver.createOrg({ configs: { CONF_NOT_A_THING: true } }), (error: Error) => {
      assert.ok(error instanceof HarnessError);
      assert.match(error.message, /8206/);
      return true;
    });
  });

  it('answers an org request with the refusal when a config is unknown (8206) or its value bad (8207)', async () => {
    const unknown = await driver.requestOrg({ configs: { CONF_NOT_A_THING: true } });
    assert.equal(!unknown.ok && unknown.error.code, 8206);
    const bad = await driver.requestOrg({ configs: { CONF_REGISTRATION_PRIMARY_KEY: 'shoeSize' } });
    assert.equal(!bad.ok && bad.error.code, 8207);
    const good = await driver.requestOrg({ configs: { CONF_REGISTRATION_PRIMARY_KEY: 'email' } });
    assert.ok(good.ok);
    assert.ok((await good.value.register({ ...customer('919812340004'), identifiers: [{ type: 'email', value: 'ana.4@example.com' }] })).ok);
  });
});

describe('contract driver, customer view', () => {
  // A target whose view leaves out memberspec's extension fields: the driver must not fill them in.
  const view = { id: 7, loyaltyInfo: { loyaltyType: 'loyalty' }, profiles: [], registeredOn: '2024-01-01T00:00:00Z', warnings: [] };
  const transport: Transport = {
    target: 'fake',
    send: async (): Promise<ApiResponse> => ({ status: 200, body: view, headers: {} }),
    close: async () => {},
  };
  const driver = createContractDriver({
    name: 'http',
    transport,
    profile: { name: 'fake', till: { username: 'u', password: 'p' }, configs: {}, baseCountry: 'IN', supportedCountries: [] },
  });

  it('treats a view without identifiers or reachableOn as a contract violation naming the field', async () => {
    const org = await driver.createOrg({});
    await assert.rejects(org.getCustomer(7), (error: Error) => {
      assert.ok(error instanceof ContractViolationError);
      assert.match(error.message, /identifiers/);
      assert.match(error.message, /reachableOn/);
      return true;
    });
  });
});

describe('contract driver, profile mode', () => {
  const profile: VendorProfile = {
    name: 'vendor-x',
    till: { username: 'till', password: 'secret' },
    configs: { CONF_USERS_IS_EMAIL_UNIQUE: 'false', CONF_SKIP_SECONDARY: true },
    baseCountry: 'IN',
    supportedCountries: [],
  };
  const driver = createContractDriver({ name: 'http', transport: createInProcessTransport(), profile });

  it('has no test control', () => {
    assert.equal(driver.capabilities.testControl, false);
  });

  it('is not applicable when the scenario needs other configs (unset keys at their defaults)', async () => {
    await assert.rejects(driver.createOrg({}), (error: Error) => {
      assert.ok(error instanceof NotApplicableError);
      assert.match(error.message, /needs CONF_USERS_IS_EMAIL_UNIQUE=true, target has false/);
      return true;
    });
    await assert.rejects(
      driver.createOrg({ configs: { CONF_USERS_IS_EMAIL_UNIQUE: false, CONF_SKIP_SECONDARY_ID_ON_PRIMARY_MISMATCH: 'true' }, baseCountry: 'SG' }),
      /needs baseCountry=SG, target has IN/,
    );
  });

  it('opens a session on the fixed org when the configs agree; listing customers is not applicable', async () => {
    const org = await driver.createOrg({ configs: { CONF_USERS_IS_EMAIL_UNIQUE: '0', CONF_SKIP_SECONDARY_ID_ON_PRIMARY_MISMATCH: '1' } });
    assert.equal(org.orgId, 'vendor-x');
    await assert.rejects(org.listCustomers(), NotApplicableError);
  });

  it('cannot request a new org: that needs the test-control extension', async () => {
    await assert.rejects(driver.requestOrg({}), NotApplicableError);
  });
});

describe('makeDriver', () => {
  const dir = mkdtempSync(join(tmpdir(), 'memberspec-driver-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('explains bad world parameters', () => {
    assert.throws(() => makeDriver({ driver: 'carrier-pigeon' }), /"driver" must be "in-process" or "http"/);
    assert.throws(() => makeDriver({ driver: 'http' }), /needs world parameter "target"/);
    assert.throws(() => makeDriver({ driver: 'http', target: 'ftp://x' }), /http\(s\) URL/);
    assert.throws(() => makeDriver({ driver: 'http', target: 'http://x', requestTimeoutMs: -1 }), /requestTimeoutMs/);
    assert.throws(() => makeDriver({ driver: 'in-process', profile: 'p.json' }), /needs driver "http"/);
  });

  it('reads a vendor profile and checks it', () => {
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ name: 'v', till: { username: 'u', password: 'p' }, configs: { CONF_ALLOW_MOBILE_UPDATE: false } }));
    const driver = makeDriver({ driver: 'http', target: 'http://127.0.0.1:9', profile: good });
    assert.equal(driver.name, 'http');
    assert.equal(driver.capabilities.testControl, false);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ name: 'v', till: { username: 'u', password: 'p' }, configs: { CONF_TYPO: 1 } }));
    assert.throws(() => makeDriver({ driver: 'http', target: 'http://127.0.0.1:9', profile: bad }), /unknown config CONF_TYPO/);
    assert.throws(() => makeDriver({ driver: 'http', target: 'http://127.0.0.1:9', profile: join(dir, 'missing.json') }), HarnessError);
  });
});
