import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NotApplicableError } from './driver.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NOT_STATED, TILL_PASSWORD_ENV, checkProfileApplicable, loadVendorProfile, type VendorProfile } from './vendor_profile.ts';

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

describe('the till password from the environment (CI secrets)', () => {
  const write = (till: object) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-profile-env-'));
    const file = path.join(dir, 'profile.json');
    writeFileSync(file, JSON.stringify({ name: 'Acme', till: { username: 'acme.till', ...till }, configs: {} }));
    return { file, [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }) };
  };
  const withEnv = <T>(value: string | undefined, run: () => T): T => {
    const before = process.env[TILL_PASSWORD_ENV];
    if (value === undefined) delete process.env[TILL_PASSWORD_ENV];
    else process.env[TILL_PASSWORD_ENV] = value;
    try {
      return run();
    } finally {
      if (before === undefined) delete process.env[TILL_PASSWORD_ENV];
      else process.env[TILL_PASSWORD_ENV] = before;
    }
  };

  it('takes the place of the file\'s password, which may then be left out', () => {
    using withoutPassword = write({});
    assert.equal(withEnv('from-ci', () => loadVendorProfile(withoutPassword.file)).till.password, 'from-ci');
    using withPassword = write({ password: 'in-file' });
    assert.equal(withEnv('from-ci', () => loadVendorProfile(withPassword.file)).till.password, 'from-ci');
    assert.equal(withEnv(undefined, () => loadVendorProfile(withPassword.file)).till.password, 'in-file');
  });

  it('without it, a profile without a password is refused and names the variable', () => {
    using empty = write({ password: '' });
    assert.throws(() => withEnv(undefined, () => loadVendorProfile(empty.file)), /"till.password" is empty; .* or set MEMBERSPEC_TILL_PASSWORD/);
    using missing = write({});
    assert.throws(() => withEnv(undefined, () => loadVendorProfile(missing.file)), /"till" must be \{"username": "...", "password": "..."\}/);
  });
});
