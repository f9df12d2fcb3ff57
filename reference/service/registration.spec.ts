// Rules 1-6 as a registrant notices them: what is refused (and with which code), what is stored.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IncomingCustomer } from '../domain/types.ts';
import { E1, E2, M1, M2, X1, expectCode, ids, orgWith, row, seedCustomer, snapshot, type Person, type Service } from './spec_support.ts';

const instore = (person: Person, extra: Partial<IncomingCustomer> = {}): IncomingCustomer => ({ source: 'INSTORE', identifiers: ids(person), ...extra });

/** Registers and tells whether that created a customer (the org lists one more). */
function createsCustomer(service: Service, orgId: number, input: IncomingCustomer): boolean {
  const before = service.listCustomers(orgId).customers.length;
  service.register(orgId, input);
  return service.listCustomers(orgId).customers.length === before + 1;
}

describe('registration: source and identifiers (rule 1-2)', () => {
  const { service, orgId } = orgWith();

  it('refuses a missing source (8004), an unknown one (3217), and no identifiers (8005)', () => {
    expectCode(() => service.register(orgId, instore({ mobile: M1 }, { source: '' })), 8004);
    expectCode(() => service.register(orgId, instore({ mobile: M1 }, { source: 'FAX' })), 3217);
    expectCode(() => service.register(orgId, { source: 'INSTORE', identifiers: [] }), 8005);
  });

  it('requires an account id for multi-account sources (8045) and accepts seed source names', () => {
    expectCode(() => service.register(orgId, instore({ mobile: M1 }, { source: 'WECHAT' })), 8045);
    const id = service.register(orgId, instore({ mobile: M1 }, { source: 'Web_engage', accountId: 'acc-1' })).value.customerId;
    assert.deepEqual(
      service.getCustomer(orgId, id).value.profiles.map((profile) => [profile.source, profile.accountId]),
      [['WEB_ENGAGE', 'acc-1']],
    );
  });

  it('refuses a malformed email (8055) and an unknown channel type (8010)', () => {
    expectCode(() => service.register(orgId, instore({ mobile: M2, email: 'not-an-email' })), 8055);
    expectCode(() => service.register(orgId, instore({ mobile: M2 }, { commChannels: [{ type: 'fax', value: '1' }] })), 8010);
  });

  it('matches an email whatever its letter case (ruling 10): another source joins, the same source is 8006', () => {
    const byEmail = orgWith({ CONF_REGISTRATION_PRIMARY_KEY: 'email' });
    const id = byEmail.service.register(byEmail.orgId, instore({ email: E1 })).value.customerId;
    const website = byEmail.service.register(byEmail.orgId, instore({ email: E1.toUpperCase() }, { source: 'WEBSITE' }));
    assert.equal(website.value.customerId, id);
    expectCode(() => byEmail.service.register(byEmail.orgId, instore({ email: E1.toUpperCase() })), 8006);
  });

  it('keeps a WeChat or LINE channel to its own source when the org says so (ruling 23, 8010)', () => {
    const own = orgWith({ CONF_CHANNELS_FROM_OWN_SOURCE_ONLY: true });
    const wechat = { commChannels: [{ type: 'wechat', value: 'wx-1' }] };
    expectCode(() => own.service.register(own.orgId, instore({ mobile: M1 }, wechat)), 8010);
    assert.ok(createsCustomer(own.service, own.orgId, instore({ mobile: M1 }, { ...wechat, source: 'WECHAT', accountId: 'wc-1' })));
    const any = orgWith({ CONF_CHANNELS_FROM_OWN_SOURCE_ONLY: false });
    assert.ok(createsCustomer(any.service, any.orgId, instore({ mobile: M1 }, wechat)));
  });

  it('refuses an invalid mobile with 8014 when mobile is the primary key, else 8056', () => {
    expectCode(() => service.register(orgId, instore({ mobile: '12345' })), 8014);
    const byEmail = orgWith({ CONF_REGISTRATION_PRIMARY_KEY: 'email' });
    expectCode(() => byEmail.service.register(byEmail.orgId, instore({ email: E1, mobile: '12345' })), 8056);
  });
});

describe('registration: mandatory identifiers (rule 3)', () => {
  it('requires the primary identifier (8205 names it) unless any identifier is allowed', () => {
    const strict = orgWith();
    const error = expectCode(() => strict.service.register(strict.orgId, instore({ email: E1 })), 8205);
    assert.equal(error.message, 'Mandatory field is missing. Field mobile is mandatory');
    const any = orgWith({ CONF_ALLOW_REGISTRATION_FROM_ANY_IDENTIFIERS: true });
    const id = any.service.register(any.orgId, instore({ email: E1 })).value.customerId;
    assert.deepEqual(row(any.service, any.orgId, id), { EMAIL: E1, MOBILE: 'NULL' });
  });

  it('CONF_USERS_IS_EMAIL_REQUIRED requires an email', () => {
    const { service, orgId } = orgWith({ CONF_USERS_IS_EMAIL_REQUIRED: true });
    expectCode(() => service.register(orgId, instore({ mobile: M1 })), 8205);
    service.register(orgId, instore({ mobile: M1, email: E1 }));
  });

  it('CONF_USERS_IS_MOBILE_REQUIRED requires a mobile when email is the primary key', () => {
    const { service, orgId } = orgWith({ CONF_REGISTRATION_PRIMARY_KEY: 'email', CONF_USERS_IS_MOBILE_REQUIRED: true });
    const error = expectCode(() => service.register(orgId, instore({ email: E1 })), 8205);
    assert.match(error.message, /Field mobile is mandatory/);
  });

  it('CONF_USERS_IS_MOBILE_REQUIRED adds nothing when mobile is the primary key', () => {
    const { service, orgId } = orgWith({ CONF_USERS_IS_MOBILE_REQUIRED: true, CONF_ALLOW_REGISTRATION_FROM_ANY_IDENTIFIERS: true });
    assert.ok(createsCustomer(service, orgId, instore({ email: E1 })));
  });

  it('CONF_USERS_IS_EXTERNAL_ID_REQUIRED requires an external id unless it is the primary key', () => {
    const required = orgWith({ CONF_USERS_IS_EXTERNAL_ID_REQUIRED: true });
    expectCode(() => required.service.register(required.orgId, instore({ mobile: M1 })), 8205);
    required.service.register(required.orgId, instore({ mobile: M1, externalId: X1 }));
    const primary = orgWith({ CONF_REGISTRATION_PRIMARY_KEY: 'externalId', CONF_USERS_IS_EXTERNAL_ID_REQUIRED: true, CONF_ALLOW_REGISTRATION_FROM_ANY_IDENTIFIERS: true });
    assert.ok(createsCustomer(primary.service, primary.orgId, instore({ mobile: M1 })));
  });

  it('CONF_USERS_USE_EXTERNAL_ID false ignores the external id with warning 8210', () => {
    // Customer status off: otherwise a new org (ruling 7) without labels adds warning 8107.
    const { service, orgId } = orgWith({ CONF_USERS_USE_EXTERNAL_ID: false, CONF_CUSTOMER_STATUS_ENABLED: false });
    const outcome = service.register(orgId, instore({ mobile: M1, externalId: X1 }));
    assert.deepEqual(outcome.warnings.map((item) => item.code), [8210]);
    const view = service.getCustomer(orgId, outcome.value.customerId).value;
    assert.deepEqual(view.identifiers, [{ type: 'mobile', value: M1 }]);
  });
});

describe('registration: date, orphan profiles, country codes (rules 2, 4, 5)', () => {
  it('CONF_MIN_REGISTRATION_DATE refuses an earlier createDate with 8017', () => {
    const { service, orgId } = orgWith({ CONF_MIN_REGISTRATION_DATE: '2024-01-01T00:00:00Z' });
    expectCode(() => service.register(orgId, instore({ mobile: M1 }, { createDate: '2023-12-31T23:59:59Z' })), 8017);
    const id = service.register(orgId, instore({ mobile: M1 }, { createDate: '2024-01-02T00:00:00Z' })).value.customerId;
    assert.equal(service.getCustomer(orgId, id).value.registeredOn, '2024-01-02T00:00:00.000Z');
  });

  it('CONF_RESTRICT_ORPHAN_V2_PROFILE refuses a web profile with no INSTORE customer (8090), allows it otherwise', () => {
    const { service, orgId } = orgWith({ CONF_RESTRICT_ORPHAN_V2_PROFILE: true });
    const web = (person: Person) => service.register(orgId, instore(person, { source: 'WEB_ENGAGE', accountId: 'w1' }));
    expectCode(() => web({ mobile: M1 }), 8090);
    assert.equal(service.listCustomers(orgId).customers.length, 0);
    const id = seedCustomer(service, orgId, 'loyalty', { mobile: M1 });
    const outcome = web({ mobile: M1 });
    assert.equal(outcome.value.customerId, id);
    assert.deepEqual(outcome.warnings.map((item) => item.code), [8050]);
  });

  it('CONF_CLIENT_DEFAULT_COUNTRYCODE_PASSED completes a number with the base country code', () => {
    const { service, orgId } = orgWith({ CONF_CLIENT_DEFAULT_COUNTRYCODE_PASSED: true }, { baseCountry: 'IN', supportedCountries: ['SG'] });
    const id = service.register(orgId, instore({ mobile: '9876500001' })).value.customerId;
    assert.deepEqual(row(service, orgId, id), { EMAIL: 'NULL', MOBILE: M1 });
    expectCode(() => service.register(orgId, instore({ mobile: '9876500001' })), 8006);
  });
});

describe('registration: matching (rule 6)', () => {
  it('same customer from the same source: 8006; from another source: a new profile and warning 8050', () => {
    const { service, orgId } = orgWith();
    const id = seedCustomer(service, orgId, 'loyalty', { mobile: M1 });
    const error = expectCode(() => service.register(orgId, instore({ mobile: M1 })), 8006);
    assert.match(error.message, new RegExp(`with id ${id}`));
    const outcome = service.register(orgId, instore({ mobile: M1, email: E1 }, { source: 'ECOMMERCE' }));
    assert.equal(outcome.value.customerId, id);
    assert.deepEqual(outcome.warnings.map((item) => item.code), [8050]);
    const view = service.getCustomer(orgId, id).value;
    assert.deepEqual(view.profiles.map((profile) => profile.source), ['INSTORE', 'ECOMMERCE']);
    assert.deepEqual(row(service, orgId, id), { EMAIL: E1, MOBILE: M1 });
  });

  it('CONF_PRIMARY_IDENTIFIER_STRICT_CHECK refuses a secondary-only match with 8075', () => {
    const { service, orgId } = orgWith({ CONF_PRIMARY_IDENTIFIER_STRICT_CHECK: true });
    const id = seedCustomer(service, orgId, 'loyalty', { mobile: M1, email: E1 });
    const before = snapshot(service, orgId);
    expectCode(() => service.register(orgId, instore({ mobile: M2, email: E1 })), 8075);
    assert.equal(snapshot(service, orgId), before);
    assert.deepEqual(row(service, orgId, id), { EMAIL: E1, MOBILE: M1 });
  });

  it('with CONF_USERS_IS_EMAIL_UNIQUE false an email shared with another customer does not match', () => {
    const { service, orgId } = orgWith({ CONF_USERS_IS_EMAIL_UNIQUE: false });
    const first = seedCustomer(service, orgId, 'loyalty', { mobile: M1, email: E1 });
    const second = service.register(orgId, instore({ mobile: M2, email: E1 })).value;
    assert.notEqual(second.customerId, first);
    assert.equal(service.listCustomers(orgId).customers.length, 2);
    assert.deepEqual(row(service, orgId, second.customerId), { EMAIL: E1, MOBILE: M2 });
    assert.deepEqual(row(service, orgId, first), { EMAIL: E1, MOBILE: M1 });
  });

  it('dual eligibility: a loyalty customer with the same secondary identifiers and a new primary is a new customer', () => {
    const { service, orgId } = orgWith({ CONF_INSTORE_V2_ENABLED: true, CONF_REGISTRATION_PRIMARY_KEY: 'externalId' });
    const first = seedCustomer(service, orgId, 'loyalty', { externalId: 'John123', mobile: M1, email: E1 });
    const second = seedCustomer(service, orgId, 'loyalty', { externalId: 'John124', mobile: M1, email: E1 });
    assert.notEqual(first, second);
    assert.equal(service.listCustomers(orgId).merges.length, 0);
    // Same primary identifier from another source: the same customer, combined.
    const again = service.register(orgId, instore({ externalId: 'John123' }, { source: 'ECOMMERCE' }));
    assert.equal(again.value.customerId, first);
  });

  it('several secondary matches merge into the loyalty customer, which takes the incoming primary value', () => {
    const { service, orgId } = orgWith({ CONF_ALLOW_REGISTRATION_FROM_ANY_IDENTIFIERS: true });
    const byEmail = seedCustomer(service, orgId, 'non_loyalty', { email: E1 });
    const byCard = seedCustomer(service, orgId, 'loyalty', { externalId: X1 });
    const outcome = service.register(orgId, instore({ mobile: M2, email: E1, externalId: X1 }));
    assert.equal(outcome.value.customerId, byCard);
    assert.equal(outcome.value.merges.length, 1);
    assert.deepEqual(row(service, orgId, byCard), { EMAIL: E1, MOBILE: M2 });
    assert.equal(service.getCustomer(orgId, byEmail).value.mergedInto, byCard);
  });

  it('customer ids are global increasing integers across orgs', () => {
    const a = orgWith();
    const first = seedCustomer(a.service, a.orgId, 'loyalty', { mobile: M1 });
    const other = a.service.createOrg({});
    const second = seedCustomer(a.service, other.id, 'loyalty', { mobile: M1, email: E2 });
    assert.equal(second, first + 1);
  });
});
