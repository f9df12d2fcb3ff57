import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NotApplicableError } from './driver.ts';
import { NOT_STATED, checkProfileApplicable, type VendorProfile } from './vendor_profile.ts';

const profile = (configs: Record<string, unknown>): VendorProfile => ({
  name: 'Acme',
  till: { username: 'till', password: 'secret' },
  configs,
  baseCountry: 'IN',
  supportedCountries: [],
});

function reason(action: () => void): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof NotApplicableError) return error.message;
    throw error;
  }
  return undefined;
}

describe('checkProfileApplicable and the loyalty program settings', () => {
  it('runs a scenario that names no loyalty setting whatever the profile says of them', () => {
    assert.equal(reason(() => checkProfileApplicable(profile({}), { configs: {} })), undefined);
  });

  it('turns away a scenario naming a loyalty setting the profile does not state, even at its default', () => {
    assert.equal(
      reason(() => checkProfileApplicable(profile({}), { configs: { CONF_LOYALTY_POINTS_PER_CURRENCY_UNIT: '1' } })),
      `needs CONF_LOYALTY_POINTS_PER_CURRENCY_UNIT=1, target has ${NOT_STATED}`,
    );
  });

  it('compares a stated loyalty setting by value (numbers as numbers, tier lists without spaces)', () => {
    const stated = profile({ CONF_LOYALTY_POINTS_PER_CURRENCY_UNIT: 0.5, CONF_LOYALTY_TIERS: 'Silver:0, Gold:500' });
    assert.equal(reason(() => checkProfileApplicable(stated, { configs: { CONF_LOYALTY_POINTS_PER_CURRENCY_UNIT: '0.50', CONF_LOYALTY_TIERS: 'Silver:0,Gold:500' } })), undefined);
    assert.equal(
      reason(() => checkProfileApplicable(stated, { configs: { CONF_LOYALTY_POINTS_PER_CURRENCY_UNIT: '2' } })),
      'needs CONF_LOYALTY_POINTS_PER_CURRENCY_UNIT=2, target has 0.5',
    );
  });
});
