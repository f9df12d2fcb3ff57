import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mobileCandidates, normaliseMobile } from './phone.ts';

const off = { completeCountryCode: false, baseCountry: 'IN', supportedCountries: ['SG'] };
const on = { ...off, completeCountryCode: true };

describe('normaliseMobile', () => {
  it('without CONF_CLIENT_DEFAULT_COUNTRYCODE_PASSED the number must carry its country code', () => {
    assert.equal(normaliseMobile('919876543210', off), '919876543210');
    assert.equal(normaliseMobile('9876543210', off), undefined);
  });

  it('accepts digits only', () => {
    assert.equal(normaliseMobile('+919876543210', on), undefined);
    assert.equal(normaliseMobile('98765-43210', on), undefined);
  });

  it('keeps a number that is valid as given', () => {
    assert.equal(normaliseMobile('6591234567', on), '6591234567');
  });

  it('tries the base country code before the supported ones', () => {
    assert.deepEqual(mobileCandidates('9876543210', on), ['9876543210', '919876543210', '659876543210']);
    assert.equal(normaliseMobile('9876543210', on), '919876543210');
  });

  it('falls back to a supported country when the base one does not make the number valid', () => {
    // 8 digits: too short for India, a valid Singapore mobile.
    assert.equal(normaliseMobile('91234567', on), '6591234567');
  });

  it('answers undefined when no country makes the number valid', () => {
    assert.equal(normaliseMobile('12345', on), undefined);
  });
});
