// A bounded run of the contract fuzz for `npm test` (a few seconds); `npm run fuzz` sends 100,000.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { failureCount, formatTally, runContractFuzz } from './contract_fuzz.ts';

/** Fixed, so a failure here reproduces with `npm run fuzz -- --requests 600 --seed 20261206`. */
const SEED = 20261206;
const REQUESTS = 600;

describe('contract fuzz (bounded)', () => {
  it(`answers ${REQUESTS} hostile requests without a 5xx, a crash, a stack trace or an answer outside the contract`, { timeout: 120_000 }, async () => {
    const tally = await runContractFuzz({ requests: REQUESTS, seed: SEED });
    assert.equal(failureCount(tally), 0, formatTally(tally, SEED));
    assert.equal(tally.sent, REQUESTS, 'every generated request was sent');
    // The run must reach the rules, not only the request checks: some requests succeed and some are
    // refused by a rule, and the server logged each refusal in one line.
    assert.ok((tally.byStatus[200] ?? 0) > 0, formatTally(tally, SEED));
    assert.ok(Object.keys(tally.byCode).some((code) => Number(code) < 8200 && ![401, 404, 415].includes(Number(code))), formatTally(tally, SEED));
    assert.ok(tally.clientErrorLogLines > 0, 'client errors are logged');
  });
});
