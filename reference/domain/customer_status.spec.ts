import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  carriesRestriction,
  currentStatus,
  customerStatusEnabled,
  parseStatusLabels,
  requireAllowed,
  restrictionError,
  type StatusLabelSetup,
} from './customer_status.ts';
import { RESTRICTIONS, type Restriction } from './restrictions.ts';
import type { Customer, Org } from './types.ts';
import { codeOf } from './spec_support.ts';

function org(labels: StatusLabelSetup[], enabled = true): Org {
  return {
    id: 1,
    configs: { CONF_CUSTOMER_STATUS_ENABLED: enabled },
    baseCountry: 'IN',
    supportedCountries: [],
    till: { username: 'org1.till', password: 'p' },
    statusLabels: parseStatusLabels(labels),
  };
}

function customer(label?: { status: 'ACTIVE' | 'SUSPENDED' | 'DELETED' | 'PENDING_DELETION'; label: string }): Customer {
  return { id: 7, loyaltyType: 'loyalty', identifiers: { mobile: '919876500001' }, profiles: [], registeredOn: '2024-06-01T10:00:00.000Z', ...(label ? { customerStatus: label } : {}) };
}

const decide = (status: Parameters<typeof restrictionError>[1], restrictions: Restriction[], restriction: Restriction, enabled = true) =>
  restrictionError(enabled, status, 'Held', restrictions, restriction, 7)?.code;

describe('the restriction decision (label + restriction -> error or not)', () => {
  it('refuses a blocked identifier change or merge with 8212 and a blocked transaction with 681', () => {
    assert.equal(decide('SUSPENDED', ['BLOCK_IDENTIFIER_CHANGE_AND_MERGE'], 'BLOCK_IDENTIFIER_CHANGE_AND_MERGE'), 8212);
    assert.equal(decide('FRAUD_CONFIRMED', ['BLOCK_TRANSACTION'], 'BLOCK_TRANSACTION'), 681);
  });

  it("refuses blocked coupons with 742, points allocation with 809 and points redemption with 3045 (the platform's codes)", () => {
    assert.equal(decide('SUSPENDED', ['BLOCK_COUPON_ISSUAL'], 'BLOCK_COUPON_ISSUAL'), 742);
    assert.equal(decide('FRAUD_SUSPECTED', ['BLOCK_COUPON_REDEMPTION'], 'BLOCK_COUPON_REDEMPTION'), 742);
    assert.equal(decide('INTERNAL', ['BLOCK_POINTS_ALLOCATION'], 'BLOCK_POINTS_ALLOCATION'), 809);
    assert.equal(decide('FRAUD_CONFIRMED', ['BLOCK_POINTS_REDEMPTION'], 'BLOCK_POINTS_REDEMPTION'), 3045);
  });

  it('refuses a restriction without a code of its own with the generic 8214, and never refuses the outlier mark', () => {
    assert.equal(decide('INTERNAL', ['BLOCK_TIER_UPGRADE'], 'BLOCK_TIER_UPGRADE'), 8214);
    assert.equal(decide('SUSPENDED', ['MARK_TRANSACTION_OUTLIER'], 'MARK_TRANSACTION_OUTLIER'), undefined);
  });

  it('lets through a restriction the label does not carry', () => {
    assert.equal(decide('SUSPENDED', ['BLOCK_TRANSACTION'], 'BLOCK_IDENTIFIER_CHANGE_AND_MERGE'), undefined);
  });

  it('applies on each of the four restrictable statuses, never on Active or Pending deletion', () => {
    for (const status of ['SUSPENDED', 'FRAUD_SUSPECTED', 'FRAUD_CONFIRMED', 'INTERNAL'] as const) {
      assert.equal(decide(status, ['BLOCK_TRANSACTION'], 'BLOCK_TRANSACTION'), 681, status);
    }
    assert.equal(decide('ACTIVE', ['BLOCK_TRANSACTION'], 'BLOCK_TRANSACTION'), undefined);
    assert.equal(decide('PENDING_DELETION', ['BLOCK_TRANSACTION'], 'BLOCK_TRANSACTION'), undefined);
  });

  it('blocks every non-future restriction under Deleted with 3042, even one the label does not list', () => {
    for (const { name, future } of RESTRICTIONS) {
      const code = decide('DELETED', [], name);
      if (future) assert.equal(code, undefined, name);
      else if (name !== 'MARK_TRANSACTION_OUTLIER') assert.equal(code, 3042, name);
    }
  });

  it('gives the future development restrictions no effect', () => {
    assert.equal(decide('SUSPENDED', ['BLOCK_BADGE_ISSUAL'], 'BLOCK_BADGE_ISSUAL'), undefined);
    assert.equal(decide('SUSPENDED', ['BLOCK_LOYALTY_PROMOTION_ENROLLMENT'], 'BLOCK_LOYALTY_PROMOTION_ENROLLMENT'), undefined);
  });

  it('restricts nothing while customer status is not enabled', () => {
    assert.equal(decide('DELETED', [], 'BLOCK_TRANSACTION', false), undefined);
    assert.equal(decide('SUSPENDED', ['BLOCK_TRANSACTION'], 'BLOCK_TRANSACTION', false), undefined);
  });
});

describe('status labels of an org', () => {
  it('accepts restrictions by API name or by the seed words', () => {
    const [label] = parseStatusLabels([{ status: 'Fraud suspected', label: 'Review', restrictions: ['Block transaction', 'BLOCK_TIER_UPGRADE'] }]);
    assert.deepEqual(label, { status: 'FRAUD_SUSPECTED', label: 'Review', restrictions: ['BLOCK_TRANSACTION', 'BLOCK_TIER_UPGRADE'] });
  });

  it('refuses a restriction on Active, Deleted or Pending deletion with 8211 naming the status', () => {
    for (const status of ['Active', 'Deleted', 'Pending deletion']) {
      assert.equal(codeOf(() => parseStatusLabels([{ status, label: 'X', restrictions: ['BLOCK_TRANSACTION'] }])), 8211, status);
    }
  });

  it('refuses an unknown status or restriction, a duplicate label and Deletion_pending elsewhere with 8207', () => {
    assert.equal(codeOf(() => parseStatusLabels([{ status: 'Dormant', label: 'X' }])), 8207);
    assert.equal(codeOf(() => parseStatusLabels([{ status: 'Suspended', label: 'X', restrictions: ['BLOCK_LOGIN'] }])), 8207);
    assert.equal(codeOf(() => parseStatusLabels([{ status: 'Active', label: 'A' }, { status: 'Suspended', label: 'a' }])), 8207);
    assert.equal(codeOf(() => parseStatusLabels([{ status: 'Suspended', label: 'Deletion_pending' }])), 8207);
  });

  it('defaults a customer to the first Active label, else Active without a label', () => {
    assert.deepEqual(currentStatus(org([{ status: 'Suspended', label: 'Held' }, { status: 'Active', label: 'Regular' }]), customer()), {
      status: 'ACTIVE',
      label: 'Regular',
    });
    assert.deepEqual(currentStatus(org([]), customer()), { status: 'ACTIVE' });
  });

  it('reads the restrictions of the label the customer holds', () => {
    const o = org([
      { status: 'Active', label: 'Regular' },
      { status: 'Suspended', label: 'Held', restrictions: ['MARK_TRANSACTION_OUTLIER', 'BLOCK_TRANSACTION'] },
    ]);
    const held = customer({ status: 'SUSPENDED', label: 'Held' });
    assert.equal(codeOf(() => requireAllowed(o, held, 'BLOCK_TRANSACTION')), 681);
    assert.equal(codeOf(() => requireAllowed(o, customer(), 'BLOCK_TRANSACTION')), undefined);
    assert.equal(carriesRestriction(o, held, 'MARK_TRANSACTION_OUTLIER'), true);
    assert.equal(carriesRestriction(o, customer(), 'MARK_TRANSACTION_OUTLIER'), false);
  });
});

describe('customer status on by default (ruling 7)', () => {
  it('is on unless the org states false', () => {
    assert.equal(customerStatusEnabled(org([])), true);
    assert.equal(customerStatusEnabled(org([], false)), false);
  });
});
