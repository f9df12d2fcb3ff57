// Pure subscription rules: names and aliases, per-slot replacement, and reading per source account.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSubscriptions, subscriptionChannel, subscriptionPriority, subscriptionType, validateSubscriptions, withSubscriptions } from './subscriptions.ts';
import { codeOf } from './spec_support.ts';
import { testControlOf, testControlStatus } from './test_control.ts';
import type { Customer, Subscription } from './types.ts';

function customer(subscriptions: Subscription[] = []): Customer {
  const profile = (source: string, accountId = '') => ({ source, accountId, identifiers: [], commChannels: [] });
  return {
    id: 7,
    loyaltyType: 'loyalty',
    identifiers: { mobile: '919876500001' },
    profiles: [profile('INSTORE'), profile('FACEBOOK', 'fb-1'), profile('FACEBOOK', 'fb-2')],
    registeredOn: '2024-06-01T10:00:00.000Z',
    subscriptions,
  };
}

const entry = (source: string, accountId: string, channel: string, priority: 'TRANS' | 'BULK', type: 'OPTIN' | 'OPTOUT'): Subscription => ({
  source,
  accountId,
  channel,
  priority,
  type,
});

describe('subscription names', () => {
  it('reads the seed words promotional and transactional as BULK and TRANS, in any case', () => {
    assert.equal(subscriptionPriority('promotional'), 'BULK');
    assert.equal(subscriptionPriority('PROMOTIONAL'), 'BULK');
    assert.equal(subscriptionPriority('Transactional'), 'TRANS');
    assert.equal(subscriptionPriority('bulk'), 'BULK');
    assert.equal(subscriptionPriority('TRANS'), 'TRANS');
    assert.equal(codeOf(() => subscriptionPriority('URGENT')), 1102);
  });

  it('takes SMS as the mobile channel and refuses a channel the entity does not support (1101)', () => {
    assert.equal(subscriptionChannel('SMS'), 'mobile');
    assert.equal(subscriptionChannel('MOBILE'), 'mobile');
    assert.equal(subscriptionChannel('WhatsApp'), 'whatsapp');
    assert.equal(codeOf(() => subscriptionChannel('pigeon')), 1101);
  });

  it('accepts OPTIN and OPTOUT only (1106)', () => {
    assert.equal(subscriptionType('optout'), 'OPTOUT');
    assert.equal(codeOf(() => subscriptionType('MAYBE')), 1106);
  });
});

describe('validateSubscriptions', () => {
  it('needs a source account the customer has a profile in (8127), the account of a multi-account source (8045) and a known source (3217)', () => {
    const input = { channel: 'email', priority: 'BULK', type: 'OPTIN' };
    assert.equal(codeOf(() => validateSubscriptions(customer(), [{ ...input, source: 'WEBSITE' }])), 8127);
    assert.equal(codeOf(() => validateSubscriptions(customer(), [{ ...input, source: 'FACEBOOK', accountId: 'fb-9' }])), 8127);
    assert.equal(codeOf(() => validateSubscriptions(customer(), [{ ...input, source: 'FACEBOOK' }])), 8045);
    assert.equal(codeOf(() => validateSubscriptions(customer(), [{ ...input, source: 'PIGEON_POST' }])), 3217);
    assert.deepEqual(validateSubscriptions(customer(), [{ ...input, source: 'facebook', accountId: 'fb-1', channel: 'SMS', priority: 'transactional' }]), [
      entry('FACEBOOK', 'fb-1', 'mobile', 'TRANS', 'OPTIN'),
    ]);
  });

  it('refuses the whole list when one entry is bad', () => {
    const good = { source: 'INSTORE', channel: 'email', priority: 'BULK', type: 'OPTIN' };
    assert.equal(codeOf(() => validateSubscriptions(customer(), [good, { ...good, type: 'MAYBE' }])), 1106);
  });
});

describe('withSubscriptions and readSubscriptions', () => {
  it('replaces only the entry of the same source account, channel and priority', () => {
    const before = [entry('INSTORE', '', 'email', 'BULK', 'OPTIN'), entry('INSTORE', '', 'email', 'TRANS', 'OPTIN'), entry('FACEBOOK', 'fb-2', 'email', 'BULK', 'OPTIN')];
    const after = withSubscriptions(before, [entry('INSTORE', '', 'email', 'BULK', 'OPTOUT'), entry('FACEBOOK', 'fb-1', 'email', 'BULK', 'OPTOUT')]);
    assert.deepEqual(after, [
      entry('INSTORE', '', 'email', 'BULK', 'OPTOUT'),
      entry('INSTORE', '', 'email', 'TRANS', 'OPTIN'),
      entry('FACEBOOK', 'fb-2', 'email', 'BULK', 'OPTIN'),
      entry('FACEBOOK', 'fb-1', 'email', 'BULK', 'OPTOUT'),
    ]);
  });

  it('reads one source account, or every account with ALL, and lists nothing that was never set', () => {
    const stored = customer([entry('FACEBOOK', 'fb-2', 'email', 'BULK', 'OPTIN'), entry('FACEBOOK', 'fb-1', 'email', 'BULK', 'OPTOUT')]);
    assert.deepEqual(readSubscriptions(stored, { source: 'FACEBOOK', accountId: 'fb-1' }), [entry('FACEBOOK', 'fb-1', 'email', 'BULK', 'OPTOUT')]);
    assert.deepEqual(readSubscriptions(stored, { source: 'INSTORE' }), []);
    assert.equal(readSubscriptions(stored, { source: 'ALL' }).length, 2);
    assert.equal(readSubscriptions(stored, {}).length, 2);
    assert.equal(codeOf(() => readSubscriptions(stored, { source: 'WEBSITE' })), 8127);
  });
});

describe('test and control status', () => {
  it('accepts test and control in any case and refuses anything else (8280)', () => {
    assert.equal(testControlStatus('control'), 'CONTROL');
    assert.equal(testControlStatus('Test'), 'TEST');
    assert.equal(codeOf(() => testControlStatus('holdout')), 8280);
    assert.equal(codeOf(() => testControlStatus('')), 8280);
  });

  it('puts a customer no one has moved in the test group', () => {
    assert.equal(testControlOf(customer()), 'TEST');
    assert.equal(testControlOf({ ...customer(), testControl: 'CONTROL' }), 'CONTROL');
  });
});
