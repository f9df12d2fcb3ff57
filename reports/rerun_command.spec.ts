// The rerun hint must be a command a user can paste into a shell as it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rerunCommand } from './rerun_command.ts';

test('selects the scenario by name, quoted safely, against the same target', () => {
  assert.equal(
    rerunCommand("Reading Asha's view (transaction)", { url: 'http://127.0.0.1:8080' }),
    `npx memberspec certify --target http://127.0.0.1:8080 --name 'Reading Asha'\\''s view (transaction)'`,
  );
  assert.equal(
    rerunCommand('Plain', { url: 'http://h:1', profile: 'my profile.json' }),
    `npx memberspec certify --target http://h:1 --profile 'my profile.json' --name Plain`,
  );
  assert.equal(rerunCommand('In process'), `npx memberspec certify --name 'In process'`);
});
