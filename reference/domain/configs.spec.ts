import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseOrgConfigs, readSettings } from './configs.ts';
import { DomainError } from './errors.ts';
import { codeOf } from './spec_support.ts';

describe('parseOrgConfigs', () => {
  it('starts from the documented defaults', () => {
    const settings = readSettings(parseOrgConfigs({}));
    assert.equal(settings.primaryKey, 'mobile');
    assert.equal(settings.emailUnique, true);
    assert.equal(settings.useExternalId, true);
    assert.equal(settings.allowUpdate.mobile, true);
    assert.equal(settings.skipSecondary, false);
    assert.equal(settings.dualEligibility, false);
    assert.equal(settings.minRegistrationDate, undefined);
  });

  it('accepts booleans and "true"/"false"/"1"/"0" strings', () => {
    const configs = parseOrgConfigs({
      CONF_USERS_IS_EMAIL_UNIQUE: 'false',
      CONF_ALLOW_MOBILE_UPDATE: '0',
      CONF_IDENTIFIERS_SYNC_ENABLED: '1',
      CONF_INSTORE_V2_ENABLED: true,
    });
    const settings = readSettings(configs);
    assert.equal(settings.emailUnique, false);
    assert.equal(settings.allowUpdate.mobile, false);
    assert.equal(settings.identifiersSync, true);
    assert.equal(settings.dualEligibility, true);
  });

  it('treats CONF_SKIP_SECONDARY as the documented CONF_SKIP_SECONDARY_ID_ON_PRIMARY_MISMATCH (ruling 2)', () => {
    const configs = parseOrgConfigs({ CONF_SKIP_SECONDARY: true });
    assert.equal(configs.CONF_SKIP_SECONDARY_ID_ON_PRIMARY_MISMATCH, true);
    assert.equal(readSettings(configs).skipSecondary, true);
    assert.equal(codeOf(() => parseOrgConfigs({ CONF_SKIP_SECONDARY: true, CONF_SKIP_SECONDARY_ID_ON_PRIMARY_MISMATCH: false })), 8207);
  });

  it('reads the primary key case-insensitively and refuses other values with 8207', () => {
    assert.equal(readSettings(parseOrgConfigs({ CONF_REGISTRATION_PRIMARY_KEY: 'EXTERNALID' })).primaryKey, 'externalId');
    assert.equal(codeOf(() => parseOrgConfigs({ CONF_REGISTRATION_PRIMARY_KEY: 'cardNumber' })), 8207);
  });

  it('refuses an unknown key with 8206 and names it', () => {
    assert.throws(() => parseOrgConfigs({ CONF_MADE_UP: true }), (error: unknown) => error instanceof DomainError && error.code === 8206 && error.message.includes('CONF_MADE_UP'));
  });

  it('refuses a non-boolean for a check box with 8207', () => {
    assert.equal(codeOf(() => parseOrgConfigs({ CONF_USERS_IS_EMAIL_REQUIRED: 'yes' })), 8207);
    assert.equal(codeOf(() => parseOrgConfigs({ CONF_USERS_IS_EMAIL_REQUIRED: 2 })), 8207);
  });

  it('keeps CONF_MIN_REGISTRATION_DATE as an ISO instant and refuses a non-date', () => {
    assert.equal(readSettings(parseOrgConfigs({ CONF_MIN_REGISTRATION_DATE: '2024-01-01T00:00:00Z' })).minRegistrationDate, '2024-01-01T00:00:00.000Z');
    assert.equal(codeOf(() => parseOrgConfigs({ CONF_MIN_REGISTRATION_DATE: 'yesterday' })), 8207);
  });

  it('gives frozen configs, whose settings are read once; hand-made configs are read each time', () => {
    const configs = parseOrgConfigs({ CONF_REGISTRATION_PRIMARY_KEY: 'email' });
    assert.ok(Object.isFrozen(configs));
    assert.equal(readSettings(configs), readSettings(configs));
    assert.equal(readSettings(configs).primaryKey, 'email');
    const handMade: Record<string, string> = { CONF_REGISTRATION_PRIMARY_KEY: 'email' };
    assert.equal(readSettings(handMade).primaryKey, 'email');
    handMade.CONF_REGISTRATION_PRIMARY_KEY = 'externalId';
    assert.equal(readSettings(handMade).primaryKey, 'externalId');
  });
});
