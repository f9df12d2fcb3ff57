// `npm run fuzz [-- --requests N --seed S]`: the contract fuzz at scale (100,000 requests by default)
// against `memberspec serve`; exits 1 on any 5xx, crash, answer outside the contract or stack trace.
import { parseArgs } from 'node:util';
import { failureCount, formatTally, runContractFuzz } from './contract_fuzz.ts';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '100000' }, seed: { type: 'string' }, concurrency: { type: 'string', default: '8' } } });
const requests = Number(values.requests);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const concurrency = Number(values.concurrency);
if (![requests, seed, concurrency].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('usage: npm run fuzz -- [--requests N] [--seed S] [--concurrency C] (positive integers)');
  process.exit(2);
}
const started = Date.now();
console.log(`contract fuzz: ${requests} requests, seed ${seed} (rerun with --seed ${seed})`);
const tally = await runContractFuzz({
  requests,
  seed,
  concurrency,
  onProgress: (done, t) => {
    if (done % 10_000 < 500) process.stderr.write(`  ${done} sent, ${failureCount(t)} failures, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  },
});
console.log(formatTally(tally, seed));
console.log(`${((Date.now() - started) / 1000).toFixed(1)} s, ${Math.round(tally.sent / ((Date.now() - started) / 1000))} requests/s`);
process.exit(failureCount(tally) > 0 ? 1 : 0);
