// Audience query benchmark: the reference's audience query (item index) against a plain scan of the same
// bills in the same run, at 10k customers (100k line items) and 100k customers (1M line items). The data is
// committed straight into the store (a query benchmark, not a loading one), from a seeded generator, so
// every run queries the same bills. `npm run bench -- audience` runs only this part.
import { parseAudienceQuery, scanAudience, type AudienceBill, type AudienceQueryInput } from '../reference/domain/audiences.ts';
import type { Customer, LineItem } from '../reference/domain/types.ts';
import { billTime, survivorResolver } from '../reference/service/audience_operations.ts';
import { createIdentityService } from '../reference/service/create_identity_service.ts';
import { createMemoryStore } from '../reference/store/memory_store.ts';

const SIZES = (process.env.BENCH_AUDIENCE_CUSTOMERS ?? '10000,100000').split(',').map(Number);
const LINES_PER_CUSTOMER = 10;
const PRODUCTS = 2000;
const CATEGORIES = 50;
const QUERY_RUNS = Number(process.env.BENCH_AUDIENCE_RUNS ?? 5);

/** Mulberry32: a small seeded generator, so every run builds the same bills. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `customers` customers with LINES_PER_CUSTOMER lines each over 4 bills in the first half of 2022; popular products first. */
function populate(customers: number) {
  const store = createMemoryStore();
  const service = createIdentityService(store, { now: () => '2022-08-01T00:00:00.000Z' });
  const orgId = service.createOrg({}).id;
  const next = random(customers);
  let lines = 0;
  for (let id = 1; id <= customers; id++) {
    const customer: Customer = { id, loyaltyType: id % 3 === 0 ? 'non_loyalty' : 'loyalty', identifiers: { mobile: `91${9000000000 + id}` }, profiles: [], registeredOn: '2022-01-01T00:00:00.000Z' };
    store.commit(orgId, { customers: [customer], merges: [] });
    for (let bill = 0; bill < 4; bill++) {
      const count = bill < 2 ? 3 : 2;
      const lineItems: LineItem[] = [];
      for (let i = 0; i < count; i++) {
        const product = Math.floor(next() ** 3 * PRODUCTS);
        const rate = 1 + Math.floor(next() * 80);
        lineItems.push({ sku: `sku-${product}`, category: `category-${product % CATEGORIES}`, qty: 1, rate, amount: rate });
      }
      lines += lineItems.length;
      const day = 1 + Math.floor(next() * 180);
      const billingTime = new Date(Date.UTC(2022, 0, day, 12)).toISOString();
      const billAmount = lineItems.reduce((sum, line) => sum + line.amount, 0);
      store.commit(orgId, { customers: [], merges: [], transaction: { orgId, customerId: id, billNumber: `b${id}-${bill}`, billAmount, createdAt: billingTime, billingTime, lineItems } });
    }
  }
  return { store, service, orgId, lines };
}

/** A popular product in more than 1 bill, a category spent on above 100, loyalty customers, in one quarter. */
const QUERY: AudienceQueryInput = {
  from: '2022-02-01',
  to: '2022-04-30',
  loyaltyType: 'loyalty',
  filters: [
    { type: 'DISTINCT_TRANSACTIONS', item: { sku: 'sku-0' }, moreThan: 1 },
    { type: 'ITEM_SPEND', item: { category: 'category-0' }, moreThan: 100 },
  ],
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time<T>(run: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = run();
  return { ms: performance.now() - started, value };
}

interface SizeResult {
  customers: number;
  lines: number;
  firstMs: number;
  queryMs: number;
  scanMs: number;
  audience: number;
}

function measureSize(customers: number): SizeResult {
  const { store, service, orgId, lines } = populate(customers);
  // The first query also builds the item index from every stored bill; later ones only read it.
  const first = time(() => service.queryAudience(orgId, QUERY));
  const queries = Array.from({ length: QUERY_RUNS }, () => time(() => service.queryAudience(orgId, QUERY)));
  const reader = store.customers(orgId);
  const scans = Array.from({ length: QUERY_RUNS }, () =>
    time(() => {
      const bills: Iterable<AudienceBill> = store.listTransactions(orgId).map((r) => ({ id: r.id, customerId: r.customerId, time: billTime(r), lineItems: r.lineItems }));
      return scanAudience(bills, parseAudienceQuery(QUERY), survivorResolver(reader));
    }),
  );
  const answer = JSON.stringify(first.value);
  if (queries.some((q) => JSON.stringify(q.value) !== answer) || scans.some((s) => JSON.stringify(s.value) !== answer)) {
    throw new Error(`audience bench: the query and the scan disagree at ${customers} customers`);
  }
  return { customers, lines, firstMs: first.ms, queryMs: median(queries.map((q) => q.ms)), scanMs: median(scans.map((s) => s.ms)), audience: first.value.length };
}

export async function measureAudience(): Promise<void> {
  console.log(`Audience query (item index) vs plain scan of the same bills (median of ${QUERY_RUNS}; the first query also builds the index)`);
  const results: SizeResult[] = [];
  for (const size of SIZES) {
    const result = measureSize(size);
    results.push(result);
    console.log(
      `  ${String(result.customers).padStart(7)} customers, ${String(result.lines).padStart(8)} lines: query ${result.queryMs.toFixed(2)} ms, ` +
        `first query ${result.firstMs.toFixed(0)} ms, scan ${result.scanMs.toFixed(0)} ms; scan / query ${(result.scanMs / result.queryMs).toFixed(0)}x ` +
        `(target >= 1x); first query / scan ${(result.firstMs / result.scanMs).toFixed(2)}x; audience ${result.audience}`,
    );
  }
  if (results.length >= 2) {
    const [small, large] = [results[0], results[results.length - 1]];
    const growth = large.customers / small.customers;
    console.log(
      `  ${small.customers} -> ${large.customers} customers (${growth}x): query ${(large.queryMs / small.queryMs).toFixed(1)}x, scan ${(large.scanMs / small.scanMs).toFixed(1)}x, first query ${(large.firstMs / small.firstMs).toFixed(1)}x`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await measureAudience();
