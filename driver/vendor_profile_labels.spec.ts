import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { HarnessError, NotApplicableError } from './driver.ts';
import { checkProfileApplicable, loadVendorProfile, type VendorProfile } from './vendor_profile.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-profile-spec-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function profileFile(extra: Record<string, unknown>): string {
  const file = path.join(dir, `p${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ name: 'acme', till: { username: 'u', password: 'p' }, configs: { CONF_CUSTOMER_STATUS_ENABLED: true }, ...extra }));
  return file;
}

const enabled = { CONF_CUSTOMER_STATUS_ENABLED: true };

describe('vendor profile: status labels', () => {
  it('reads the labels a vendor declares, with the seed words or the API names', () => {
    const labels = [
      { status: 'Active', label: 'Regular' },
      { status: 'FRAUD_SUSPECTED', label: 'Review', restrictions: ['Block transaction'] },
    ];
    assert.deepEqual(loadVendorProfile(profileFile({ statusLabels: labels })).statusLabels, labels);
  });

  it('refuses an unknown status or restriction with one line naming the label', () => {
    assert.throws(() => loadVendorProfile(profileFile({ statusLabels: [{ status: 'Dormant', label: 'Z' }] })), (e: Error) => e instanceof HarnessError && /"Z".*Dormant/.test(e.message));
    assert.throws(
      () => loadVendorProfile(profileFile({ statusLabels: [{ status: 'Suspended', label: 'H', restrictions: ['BLOCK_LOGIN'] }] })),
      (e: Error) => e instanceof HarnessError && /"H".*BLOCK_LOGIN/.test(e.message),
    );
  });

  it('runs a status scenario only when the fixed org has the same labels, and names them otherwise', () => {
    const profile: VendorProfile = loadVendorProfile(
      profileFile({ statusLabels: [{ status: 'Active', label: 'Regular' }, { status: 'Suspended', label: 'Held', restrictions: ['BLOCK_TRANSACTION'] }] }),
    );
    const same = [{ status: 'active', label: 'Regular' }, { status: 'Suspended', label: 'Held', restrictions: ['Block transaction'] }];
    assert.doesNotThrow(() => checkProfileApplicable(profile, { configs: enabled, statusLabels: same }));
    assert.throws(
      () => checkProfileApplicable(profile, { configs: enabled, statusLabels: [{ status: 'Active', label: 'Regular' }] }),
      (e: Error) => e instanceof NotApplicableError && /needs statusLabels=\[ACTIVE:Regular\], target has \[ACTIVE:Regular \| SUSPENDED:Held\(BLOCK_TRANSACTION\)\]/.test(e.message),
    );
  });

  it('ignores labels where customer status is off', () => {
    const off = { CONF_CUSTOMER_STATUS_ENABLED: false };
    const profile = loadVendorProfile(profileFile({ configs: off, statusLabels: [{ status: 'Active', label: 'Regular' }] }));
    assert.doesNotThrow(() => checkProfileApplicable(profile, { configs: off }));
  });

  it('compares labels only where a scenario names customer status or declares labels (ruling 7: on by default)', () => {
    const profile = loadVendorProfile(profileFile({ configs: {}, statusLabels: [{ status: 'Active', label: 'Regular' }] }));
    assert.doesNotThrow(() => checkProfileApplicable(profile, {}));
    assert.throws(
      () => checkProfileApplicable(profile, { configs: enabled }),
      (e: Error) => e instanceof NotApplicableError && /needs statusLabels=\[\], target has \[ACTIVE:Regular\]/.test(e.message),
    );
    assert.throws(
      () => checkProfileApplicable(profile, { configs: { CONF_CUSTOMER_STATUS_ENABLED: false } }),
      (e: Error) => e instanceof NotApplicableError && /needs CONF_CUSTOMER_STATUS_ENABLED=false, target has true/.test(e.message),
    );
  });
});
