// The scrubber removes every form of a till's credentials, however the target wrote them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { basicAuthorization, REDACTED, secretScrubber } from './credentials.ts';

const till = { username: 'acme.till', password: 'p"a ss/wörd' };
const md5 = createHash('md5').update(till.password, 'utf8').digest('hex');
const base64 = basicAuthorization(till.username, till.password).slice('Basic '.length);

test('every form is replaced, in text and deep in JSON values, the username alone is kept', () => {
  const scrub = secretScrubber([till]);
  const forms = [till.password, md5, md5.toUpperCase(), `${till.username}:${md5}`, base64, base64.replace(/=+$/, ''), JSON.stringify(till.password).slice(1, -1), encodeURIComponent(till.password)];
  for (const form of forms) {
    const scrubbed = scrub.text(`before ${form} after`);
    assert.equal(scrubbed.includes(form), false, form);
    assert.match(scrubbed, new RegExp(`before .*${REDACTED.replace(/[[\]]/g, '\\$&')}.* after`));
  }
  const value = scrub.value({ errors: [{ code: 1, message: `auth Basic ${base64} for ${till.username}` }], n: 3 });
  assert.deepEqual(value, { errors: [{ code: 1, message: `auth Basic ${REDACTED} for ${till.username}` }], n: 3 });
});

test('without credentials nothing changes', () => {
  const scrub = secretScrubber([]);
  assert.equal(scrub.empty, true);
  const body = { message: 'anything' };
  assert.equal(scrub.value(body), body);
});
