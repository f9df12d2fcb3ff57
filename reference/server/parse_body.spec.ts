import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../domain/errors.ts';
import { MAX_BODY_BYTES, MAX_JSON_DEPTH, parseJsonBody } from './parse_body.ts';

function codeOf(run: () => unknown): number | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : -1;
  }
}

describe('parseJsonBody', () => {
  it('parses JSON under JSON media types, and a body without a content type', () => {
    assert.deepEqual(parseJsonBody('{"a":1}', 'application/json; charset=utf-8'), { a: 1 });
    assert.deepEqual(parseJsonBody('[1]', 'application/vnd.memberspec+json'), [1]);
    assert.equal(parseJsonBody('true', undefined), true);
  });

  it('takes an empty or blank body as no body', () => {
    assert.equal(parseJsonBody(undefined, 'application/json'), undefined);
    assert.equal(parseJsonBody('  \n', 'text/plain'), undefined);
  });

  it('refuses other media types (415), bad JSON (8201) and oversized bodies (8202)', () => {
    assert.equal(codeOf(() => parseJsonBody('{}', 'text/plain')), 415);
    assert.equal(codeOf(() => parseJsonBody('{"a":', 'application/json')), 8201);
    assert.equal(codeOf(() => parseJsonBody(`"${'é'.repeat(MAX_BODY_BYTES / 2)}"`, 'application/json')), 8202);
    assert.equal(codeOf(() => parseJsonBody(`"${'x'.repeat(MAX_BODY_BYTES - 2)}"`, 'application/json')), undefined);
  });

  it('refuses a body nested deeper than the limit (8301), counting brackets inside strings as text', () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    assert.equal(codeOf(() => parseJsonBody(`{"configs":{"CONF_SKIP_SECONDARY":${nested(5000)}}}`, 'application/json')), 8301);
    assert.deepEqual(parseJsonBody(nested(MAX_JSON_DEPTH), 'application/json'), JSON.parse(nested(MAX_JSON_DEPTH)));
    assert.equal(codeOf(() => parseJsonBody(nested(MAX_JSON_DEPTH + 1), 'application/json')), 8301);
    const tricky = JSON.stringify({ a: `${'[{'.repeat(100)}\\`, b: '"[' });
    assert.deepEqual(parseJsonBody(tricky, 'application/json'), JSON.parse(tricky));
  });

  it('refuses a __proto__ key at any depth (8303)', () => {
    assert.equal(codeOf(() => parseJsonBody('{"__proto__":{"admin":true}}', 'application/json')), 8303);
    assert.equal(codeOf(() => parseJsonBody('{"a":[{"b":{"__proto__":1}}]}', 'application/json')), 8303);
    assert.deepEqual(parseJsonBody('{"proto":1,"constructor":2}', 'application/json'), { proto: 1, constructor: 2 });
  });
});
