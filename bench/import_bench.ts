// Import benchmark (seed 003 Connect+ imports): 100k customers registered through CUSTOMER_ADD_V2 imports of
// 1000 rows each, against the same customers registered one request at a time, in the same run, both through
// the reference's request pipeline (the in-process dispatcher: the routes, contract checks and rules of the
// HTTP server, without a socket). Prints rows per second and the ratio; both ways must end with every customer.
import { basicAuthorization } from '../driver/credentials.ts';
import { createDispatcher } from '../reference/server/create_dispatcher.ts';
import { createIdentityService } from '../reference/service/create_identity_service.ts';
import { MAX_IMPORT_ROWS } from '../reference/service/imports.ts';
import { benchMobile } from './bench_identifiers.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);

function freshOrg() {
  const service = createIdentityService();
  const org = service.createOrg({ configs: {} });
  const headers = { authorization: basicAuthorization(org.till.username, org.till.password), 'content-type': 'application/json' };
  return { service, orgId: org.id, send: createDispatcher(service), headers };
}

async function byImport(): Promise<{ seconds: number; customers: number }> {
  const { service, orgId, send, headers } = freshOrg();
  const started = performance.now();
  for (let first = 0; first < ROWS; first += MAX_IMPORT_ROWS) {
    const lines = ['source,mobile,firstName'];
    for (let i = first; i < Math.min(ROWS, first + MAX_IMPORT_ROWS); i++) lines.push(`INSTORE,${benchMobile('fresh', i)},Bench`);
    const answer = await send({ method: 'POST', path: '/v2/imports', headers, body: { template: 'CUSTOMER_ADD_V2', csv: `${lines.join('\n')}\n` } });
    const entity = (answer.body as { entity?: { refused: number } }).entity;
    if (answer.status !== 200 || entity?.refused !== 0) throw new Error(`import of rows ${first}.. answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
  }
  const seconds = (performance.now() - started) / 1000;
  return { seconds, customers: service.listCustomers(orgId).customers.length };
}

async function oneAtATime(): Promise<{ seconds: number; customers: number }> {
  const { service, orgId, send, headers } = freshOrg();
  const started = performance.now();
  for (let i = 0; i < ROWS; i++) {
    const body = { profiles: [{ source: 'INSTORE', firstName: 'Bench', identifiers: [{ type: 'mobile', value: benchMobile('fresh', i) }] }] };
    const answer = await send({ method: 'POST', path: '/v2/customers', headers, body });
    if (answer.status !== 200) throw new Error(`registration ${i} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
  }
  const seconds = (performance.now() - started) / 1000;
  return { seconds, customers: service.listCustomers(orgId).customers.length };
}

export async function measureImports(): Promise<void> {
  console.log(`\n== import: ${ROWS} customers, CUSTOMER_ADD_V2 imports of ${MAX_IMPORT_ROWS} rows vs one registration request each (in-process pipeline)`);
  const imported = await byImport();
  const registered = await oneAtATime();
  if (imported.customers !== ROWS || registered.customers !== ROWS) {
    throw new Error(`customers created: ${imported.customers} by import, ${registered.customers} one at a time (expected ${ROWS} each)`);
  }
  const importRate = ROWS / imported.seconds;
  const registerRate = ROWS / registered.seconds;
  console.log(`  import            ${importRate.toFixed(0).padStart(8)} rows/s  (${imported.seconds.toFixed(1)} s)`);
  console.log(`  one at a time     ${registerRate.toFixed(0).padStart(8)} rows/s  (${registered.seconds.toFixed(1)} s)`);
  console.log(`  import / one at a time: ${(importRate / registerRate).toFixed(2)}x`);
}

// `tsx bench/import_bench.ts` runs this part alone.
if (import.meta.url === `file://${process.argv[1]}`) await measureImports();
