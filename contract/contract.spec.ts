import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONFIG_ALIASES, CONFIG_DEFINITIONS } from '../reference/domain/configs.ts';
import { ERRORS, WARNINGS } from '../reference/domain/errors.ts';
import { CONTRACT, configDescriptions, errorCodes, OPERATIONS } from './contract.ts';
import { responseHeaderProblems, validateParameters, validateRequest, validateResponse } from './validator.ts';

describe('contract error catalogue', () => {
  const listed = errorCodes();

  it('lists every error code of the reference with its HTTP status and documented flag', () => {
    for (const [code, definition] of Object.entries(ERRORS)) {
      const entry = listed.get(Number(code));
      assert.ok(entry, `error code ${code} is missing from x-error-codes in contract/openapi.json`);
      assert.equal(entry.kind, 'error', `code ${code} kind`);
      assert.equal(entry.httpStatus, definition.httpStatus, `code ${code} httpStatus`);
      assert.equal(entry.documented, definition.documented, `code ${code} documented`);
      assert.equal(entry.message, definition.message, `code ${code} message`);
    }
  });

  it('lists every warning code of the reference with its documented flag', () => {
    for (const [code, definition] of Object.entries(WARNINGS)) {
      const entry = listed.get(Number(code));
      assert.ok(entry, `warning code ${code} is missing from x-error-codes in contract/openapi.json`);
      assert.equal(entry.kind, 'warning', `code ${code} kind`);
      assert.equal(entry.documented, definition.documented, `code ${code} documented`);
      assert.equal(entry.message, definition.message, `code ${code} message`);
    }
  });

  it('lists no code the reference does not know (500 aside)', () => {
    const known = new Set([...Object.keys(ERRORS), ...Object.keys(WARNINGS), '500'].map(Number));
    for (const code of listed.keys()) assert.ok(known.has(code), `x-error-codes has ${code}, which reference/domain/errors.ts lacks`);
  });
});

describe('contract document', () => {
  it('marks the test-control operations as extension and gives every operation an id', () => {
    assert.equal(CONTRACT.openapi, '3.1.0');
    for (const op of OPERATIONS.values()) {
      assert.equal(op.extension, op.path.startsWith('/x-memberspec/'), `${op.operationId} x-memberspec-extension`);
    }
    assert.deepEqual([...OPERATIONS.keys()].sort(), [
      'addPromoCodes',
      'addTransaction',
      'addUserGroupTransaction',
      'allocateGoodwillPoints',
      'awardReferralPoints',
      'changeCardStatus',
      'changeCustomerStatus',
      'changeIdentifier',
      'changeTestControl',
      'checkCardAvailability',
      'claimCouponSeries',
      'createCouponSeries',
      'createMergeRequest',
      'createPromotion',
      'createTestOrg',
      'createUserGroup',
      'exchangeOAuthToken',
      'getContract',
      'getCouponSeries',
      'getCustomer',
      'getCustomerByIdentifier',
      'getCustomerCoupons',
      'getCustomerLedgerBalance',
      'getCustomerLedgerInfo',
      'getCustomerRedemptions',
      'getCustomerStatusLog',
      'getCustomerTransactions',
      'getOwnPoints',
      'getPromoCodes',
      'getSubscriptions',
      'getUserGroup',
      'getUserGroupTransactions',
      'importCsv',
      'importPoints',
      'issueCoupon',
      'linkPromoCode',
      'listBrandNotifications',
      'listOrgCustomers',
      'listSentMessages',
      'lookupCustomer',
      'openSignIn',
      'queryAudience',
      'redeemCoupon',
      'redeemOwnPoints',
      'redeemPoints',
      'registerCustomer',
      'registerPartnerApp',
      'requestPiiDeletion',
      'returnTransaction',
      'reversePointsRedemption',
      'revokeOAuthToken',
      'sendEmail',
      'sendSignInOtp',
      'sendSms',
      'setFraudStatus',
      'setOrgClock',
      'transferOwnPoints',
      'transferPoints',
      'updateCouponSeries',
      'updateCustomer',
      'updateSubscriptions',
      'validateSignInOtp',
    ]);
    assert.equal(OPERATIONS.get('createTestOrg')?.authenticated, false);
    assert.equal(OPERATIONS.get('registerCustomer')?.authenticated, true);
  });

  it('gives the same config defaults and aliases as reference/domain/configs.ts', () => {
    const described = configDescriptions();
    for (const definition of CONFIG_DEFINITIONS) {
      assert.ok(described.has(definition.name), `${definition.name} missing from OrgConfigs`);
      assert.equal(described.get(definition.name)?.default, definition.default, `${definition.name} default`);
    }
    for (const [alias, name] of Object.entries(CONFIG_ALIASES)) assert.equal(described.get(alias)?.aliasOf, name);
    const names = new Set([...CONFIG_DEFINITIONS.map((d) => d.name), ...Object.keys(CONFIG_ALIASES)]);
    for (const name of described.keys()) assert.ok(names.has(name), `OrgConfigs documents ${name}, which configs.ts lacks`);
  });
});

describe('contract validator', () => {
  it('names the operation, status and field of a wrong response type', () => {
    assert.deepEqual(validateResponse('registerCustomer', 200, { createdId: '12', warnings: [] }), [
      'registerCustomer response 200: /createdId must be integer (received "12")',
    ]);
  });

  it('shows the value a response carried beside what the contract allows', () => {
    const answer = { createdId: 3, warnings: [], entity: { id: 3, status: 'Approved' } };
    assert.deepEqual(validateResponse('createMergeRequest', 200, answer), [
      'createMergeRequest response 200: /entity/status must be one of "PENDING", "APPROVED", "REJECTED" (received "Approved")',
    ]);
    const long = { createdId: 'x'.repeat(500), warnings: [] };
    const [line] = validateResponse('registerCustomer', 200, long);
    assert.match(line, /^registerCustomer response 200: \/createdId must be integer \(received "x+…\)$/);
    assert.ok(line.length < 200, 'a long value is cut short');
  });

  it('reports a missing field as required, with its path', () => {
    assert.deepEqual(validateResponse('lookupCustomer', 200, { entity: 4 }), ['lookupCustomer response 200: /warnings is required']);
  });

  it('declares on every operation the refusals the request pipeline answers before any rule, each with the error envelope', () => {
    // A route added without them fails here: run the common responses into its entry of openapi.json.
    const envelope = { errors: [{ status: false, code: 8305, message: 'Malformed HTTP request: HPE_INVALID_METHOD' }], warnings: [] };
    for (const op of OPERATIONS.values()) {
      const statuses = [400, 408, 413, 415, 431, ...(op.authenticated ? [401] : []), ...(op.operationId === 'getContract' ? [] : [404])];
      for (const status of statuses) {
        assert.ok(String(status) in op.responses, `${op.operationId} does not declare ${status}`);
        assert.deepEqual(validateResponse(op.operationId, status, envelope), [], `${op.operationId} ${status}`);
      }
      if (op.authenticated) assert.deepEqual(op.requiredResponseHeaders['401'], ['www-authenticate'], `${op.operationId} 401 header`);
    }
  });

  it('requires WWW-Authenticate on a 401, in any case', () => {
    assert.deepEqual(responseHeaderProblems('getCustomer', 401, {}), ['header www-authenticate is required']);
    assert.deepEqual(responseHeaderProblems('getCustomer', 401, { 'WWW-Authenticate': 'Basic realm="x"' }), []);
    assert.deepEqual(responseHeaderProblems('getCustomer', 200, {}), []);
  });

  it('accepts the error envelope for 4xx and refuses a status the contract does not list', () => {
    const envelope = { errors: [{ status: false, code: 8015, message: 'Customer not found for the given identifiers' }] };
    assert.deepEqual(validateResponse('getCustomer', 404, envelope), []);
    assert.match(validateResponse('getCustomer', 500, envelope)[0], /^getCustomer response 500: no 500 answer is defined \(only 200, /);
    assert.deepEqual(validateResponse('getCustomer', 400, { errors: [] }), ['getCustomer response 400: /errors must NOT have fewer than 1 items (received [])']);
  });

  it('validates request bodies with field paths, leaving rule-owned fields to the rules', () => {
    assert.deepEqual(validateRequest('registerCustomer', { profiles: [{ identifiers: [{ type: 'mobile', value: 919 }] }] }), [
      'registerCustomer request: /profiles/0/identifiers/0/value must be string',
    ]);
    // No source and no identifiers: the rules answer 8004 / 8005, not the schema.
    assert.deepEqual(validateRequest('registerCustomer', { profiles: [{}] }), []);
    assert.deepEqual(validateRequest('registerCustomer', 'text'), ['registerCustomer request: body must be object']);
    assert.deepEqual(validateRequest('changeIdentifier', undefined), ['changeIdentifier request: body is required']);
  });

  it('coerces path and query parameters and names a bad one', () => {
    const good = validateParameters('getCustomer', { path: { customerId: '17' }, query: { source: 'ALL' } });
    assert.deepEqual(good.problems, []);
    assert.equal(good.values.path.customerId, 17);
    assert.deepEqual(validateParameters('getCustomer', { path: { customerId: 'x1' }, query: {} }).problems, [
      'getCustomer request: path.customerId must be integer',
    ]);
    assert.deepEqual(validateParameters('lookupCustomer', { path: {}, query: { identifierName: 'mobile', identifierValue: '91' } }).problems, [
      'lookupCustomer request: query.source is required',
    ]);
  });
});
