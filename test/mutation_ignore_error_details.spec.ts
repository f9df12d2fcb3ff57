// The error-details ignorer leaves out exactly the details of DomainError and warning calls, never their
// code and never the arguments of other calls. The paths are shaped as Babel's, which Stryker passes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isErrorDetail, type IgnorerPath } from './mutation_ignore_error_details.mjs';

const argument = (type: 'NewExpression' | 'CallExpression', callee: string, index: number): IgnorerPath => ({
  parentPath: { node: { type, callee: { type: 'Identifier', name: callee } } },
  listKey: 'arguments',
  key: index,
});

test('the details of a DomainError and of a warning are ignored, their codes are not', () => {
  assert.equal(isErrorDetail(argument('NewExpression', 'DomainError', 1)), true);
  assert.equal(isErrorDetail(argument('NewExpression', 'DomainError', 2)), true);
  assert.equal(isErrorDetail(argument('CallExpression', 'warning', 1)), true);
  assert.equal(isErrorDetail(argument('NewExpression', 'DomainError', 0)), false);
  assert.equal(isErrorDetail(argument('CallExpression', 'warning', 0)), false);
});

test('the arguments of other calls and constructors, and what is not an argument, are mutated as usual', () => {
  assert.equal(isErrorDetail(argument('NewExpression', 'Error', 1)), false);
  assert.equal(isErrorDetail(argument('CallExpression', 'requireAllowed', 2)), false);
  assert.equal(isErrorDetail(argument('CallExpression', 'DomainError', 1)), false);
  assert.equal(isErrorDetail({ ...argument('NewExpression', 'DomainError', 1), listKey: 'body' }), false);
  assert.equal(isErrorDetail({ parentPath: null, listKey: 'arguments', key: 1 }), false);
});
