import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatesExternalId, parseSourceAccounts, readCardSettings } from './card_configs.ts';
import { parseOrgConfigs } from './configs.ts';
import { codeOf } from './spec_support.ts';

const SERIES = { CONF_CARD_CHECKSUM_DIGIT_ALGO: 'LUHN_ALGO', CONF_CARD_NUMBER_LENGTH: 16 };

describe('SOURCE_ACCOUNTS_EXTERNALID_ENABLED', () => {
  it("reads the seed's syntax", () => {
    assert.deepEqual(parseSourceAccounts('"INSTORE:"'), ['INSTORE:']);
    assert.deepEqual(parseSourceAccounts('INSTORE:'), ['INSTORE:']);
    assert.deepEqual(parseSourceAccounts(['web_engage:1234']), ['WEB_ENGAGE:1234']);
    assert.deepEqual(parseSourceAccounts('["web_engage:1234"]'), ['WEB_ENGAGE:1234']);
    assert.deepEqual(parseSourceAccounts('"INSTORE:", "web_engage:1234"'), ['INSTORE:', 'WEB_ENGAGE:1234']);
  });

  it('refuses entries without a colon, unknown sources, missing or needless account ids', () => {
    for (const bad of ['INSTORE', 'NOWHERE:', 'web_engage:', 'INSTORE:42', '', '[1]', 42]) {
      assert.equal(parseSourceAccounts(bad), undefined, JSON.stringify(bad));
    }
  });
});

describe('card settings at org setup', () => {
  it('defaults: no generation, offset 0, empty prefix and suffix, prefix not in the checksum', () => {
    const configs = parseOrgConfigs({});
    assert.equal(configs.CONF_CARD_NUMBER_GENERATION_ENABLED, false);
    assert.equal(configs.CONF_CARD_NUMBER_OFFSET, 0);
    assert.equal(configs.CONF_CARD_NUMBER_PREFIX, '');
    assert.equal(configs.CONF_VALUES_TO_INCLUDE_FOR_CHECKSUM_DIGIT, 'NONE');
    assert.deepEqual(readCardSettings(configs), {});
  });

  it('accepts 0/1 for the switch and numbers given as text', () => {
    const configs = parseOrgConfigs({ ...SERIES, CONF_CARD_NUMBER_GENERATION_ENABLED: 1, SOURCE_ACCOUNTS_EXTERNALID_ENABLED: 'INSTORE:', CONF_CARD_NUMBER_OFFSET: '3000', CONF_CARD_NUMBER_PREFIX: 1112 });
    const settings = readCardSettings(configs);
    assert.equal(settings.series?.offset, 3000n);
    assert.equal(settings.series?.prefix, '1112');
    assert.equal(generatesExternalId(settings, 'INSTORE', ''), true);
    assert.equal(generatesExternalId(settings, 'WEB_ENGAGE', '1234'), false);
  });

  it('refuses a length outside 1-50 with 8260, and malformed values with 8207', () => {
    assert.equal(codeOf(() => parseOrgConfigs({ ...SERIES, CONF_CARD_NUMBER_LENGTH: 51 })), 8260);
    assert.equal(codeOf(() => parseOrgConfigs({ ...SERIES, CONF_CARD_NUMBER_LENGTH: 0 })), 8260);
    assert.equal(codeOf(() => parseOrgConfigs({ CONF_CARD_NUMBER_LENGTH: 'twelve' })), 8207);
    assert.equal(codeOf(() => parseOrgConfigs({ CONF_CARD_CHECKSUM_DIGIT_ALGO: 'CRC32' })), 8207);
    assert.equal(codeOf(() => parseOrgConfigs({ CONF_CARD_NUMBER_OFFSET: 2.5 })), 8207);
    assert.equal(codeOf(() => parseOrgConfigs({ CONF_CARD_NUMBER_PREFIX: 'BR-20' })), 8207);
    assert.equal(codeOf(() => parseOrgConfigs({ SOURCE_ACCOUNTS_EXTERNALID_ENABLED: 'web_engage' })), 8207);
  });

  it('takes a negative offset, which ignores no number (ruling 33, seed 001 "Any integer value")', () => {
    assert.equal(readCardSettings(parseOrgConfigs({ ...SERIES, CONF_CARD_NUMBER_OFFSET: -1 })).series?.offset, 0n);
  });

  it('refuses generation without its mandatory settings (8265)', () => {
    assert.equal(codeOf(() => parseOrgConfigs({ ...SERIES, CONF_CARD_NUMBER_GENERATION_ENABLED: true })), 8265);
    assert.equal(codeOf(() => parseOrgConfigs({ CONF_CARD_NUMBER_GENERATION_ENABLED: true, SOURCE_ACCOUNTS_EXTERNALID_ENABLED: 'INSTORE:' })), 8265);
  });

  it('refuses a series that cannot issue a number (8261-8264)', () => {
    assert.equal(codeOf(() => parseOrgConfigs({ ...SERIES, CONF_CARD_NUMBER_SUFFIX: '99' })), 8262);
    assert.equal(codeOf(() => parseOrgConfigs({ ...SERIES, CONF_CARD_NUMBER_LENGTH: 3, CONF_CARD_NUMBER_PREFIX: '123' })), 8261);
    assert.equal(codeOf(() => parseOrgConfigs({ ...SERIES, CONF_CARD_NUMBER_LENGTH: 3, CONF_CARD_NUMBER_OFFSET: 100 })), 8263);
    assert.equal(codeOf(() => parseOrgConfigs({ ...SERIES, CONF_CARD_NUMBER_PREFIX: 'BRAND20', CONF_VALUES_TO_INCLUDE_FOR_CHECKSUM_DIGIT: 'PREFIX' })), 8264);
  });
});
