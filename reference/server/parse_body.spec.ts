import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../domain/errors.ts';
import { MAX_BODY_BYTES, parseJsonBody } from './parse_body.ts';

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
});
