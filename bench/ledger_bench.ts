// Points ledger reads (seed 003): one page of one customer's ledger with 1k and with 100k entries, through
// the reference's in-process dispatcher (contract validation and body building included). A page read must
// stay a page read: the 100k / 1k ratio should be close to 1 (target <= 1.5x), whatever the machine.
import { fileURLToPath } from 'node:url';
import { basicAuthorization } from '../driver/contract_driver.ts';
import { createDispatcher, type Dispatcher } from '../reference/server/create_dispatcher.ts';
import { createIdentityService } from '../reference/service/create_identity_service.ts';

const SIZES = [1_000, 100_000] as const;
const READS = Number(process.env.BENCH_LEDGER_READS ?? 2_000);
const ROUNDS = Number(process.env.BENCH_LEDGER_ROUNDS ?? 5);

interface LedgerFixture {
  readonly dispatch: Dispatcher;
  readonly authorization: string;
  readonly customerId: number;
  /** Pages of 10 in the ledger. */
  readonly pages: number;
}

/** An org whose one customer has `entries` ledger events (the opening balance and goodwill credits). */
function ledgerWith(entries: number): LedgerFixture {
  const service = createIdentityService();
  const org = service.createOrg({});
  const customerId = service.register(org.id, { source: 'INSTORE', loyaltyType: 'loyalty', identifiers: [{ type: 'mobile', value: '919812345678' }] }).value.customerId;
  for (let i = 1; i < entries; i++) service.allocatePoints(org.id, { customerId, points: 1, kind: 'goodwill', reason: `bench ${i}` });
  return { dispatch: createDispatcher(service), authorization: basicAuthorization(org.till.username, org.till.password), customerId, pages: Math.ceil(entries / 10) };
}

/** Microseconds per read of the given page, over `READS` reads. */
async function timeReads(fixture: LedgerFixture, page: number): Promise<number> {
  const request = {
    method: 'GET' as const,
    path: '/v2/pointsLedger/getCustomerLedgerInfo',
    headers: { authorization: fixture.authorization },
    query: { identifierName: 'id', identifierValue: String(fixture.customerId), source: 'ALL', limit: '10', offset: String(page) },
  };
  const started = performance.now();
  for (let i = 0; i < READS; i++) {
    const response = await fixture.dispatch(request);
    if (response.status !== 200) throw new Error(`ledger read answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return ((performance.now() - started) * 1000) / READS;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function measureLedger(): Promise<void> {
  console.log(`Points ledger page reads (in-process dispatcher; ${ROUNDS} rounds of ${READS} reads per page, interleaved; median)`);
  const fixtures = SIZES.map((size) => ({ size, fixture: ledgerWith(size) }));
  const where = ['first', 'middle', 'last'] as const;
  const pageOf = (fixture: LedgerFixture, at: (typeof where)[number]) => (at === 'first' ? 0 : at === 'middle' ? Math.floor(fixture.pages / 2) : fixture.pages - 1);
  const times = new Map<string, number[]>();
  for (const { fixture } of fixtures) await timeReads(fixture, 0); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (const at of where) {
      for (const { size, fixture } of fixtures) {
        const key = `${size}/${at}`;
        times.set(key, [...(times.get(key) ?? []), await timeReads(fixture, pageOf(fixture, at))]);
      }
    }
  }
  for (const at of where) {
    const small = median(times.get(`${SIZES[0]}/${at}`)!);
    const large = median(times.get(`${SIZES[1]}/${at}`)!);
    console.log(`  ${`${at} page`.padEnd(12)} 1k entries ${small.toFixed(1)} µs   100k entries ${large.toFixed(1)} µs   100k / 1k ${(large / small).toFixed(2)}x   target <= 1.50x`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await measureLedger();
