// Seed 003 Connect+ imports: CSV files built from the feature's rows (symbols become the scenario's values),
// sent as one import, and the per-row results read back.
import { Then, When, type DataTable } from '@cucumber/cucumber';
import { expect } from 'chai';
import type { ImportOutcome, Result } from '../driver/driver.ts';
import type { IdentifierSpec, SourceSpec } from './support/parameter_types.ts';
import type { MemberspecWorld } from './support/world.ts';

/** Symbols (M1, E1, X1) in cells become the scenario's values; other text stays as written. */
function resolveCell(world: MemberspecWorld, text: string): string {
  return /^[EMXSC]\d+$/.test(text) ? (world.value(text) ?? '') : text;
}

function quote(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvOf(world: MemberspecWorld, table: DataTable): string {
  const [header, ...rows] = table.raw();
  return [header.map(quote).join(','), ...rows.map((row) => row.map((text) => quote(resolveCell(world, text))).join(','))].join('\n') + '\n';
}

async function sendImport(world: MemberspecWorld, request: { template: string; csv: string; dateFormat?: string }): Promise<void> {
  world.last = await (await world.session()).importCsv(request);
}

function outcome(world: MemberspecWorld): ImportOutcome {
  const last = world.last as Result<ImportOutcome> | undefined;
  if (!last?.ok) expect.fail(`the import was refused whole: ${last?.error.code} ${last?.error.message}`);
  return last.value;
}

When('a {word} import with the date format {string} is sent:', async function (this: MemberspecWorld, template: string, dateFormat: string, table: DataTable) {
  await sendImport(this, { template, csv: csvOf(this, table), dateFormat });
});

When('a {word} import is sent:', async function (this: MemberspecWorld, template: string, table: DataTable) {
  await sendImport(this, { template, csv: csvOf(this, table) });
});

When(
  'a transaction import with the date format {string} brings a bill {string} of {int} for mobile {word} dated {string}',
  async function (this: MemberspecWorld, dateFormat: string, billNumber: string, amount: number, mobile: string, date: string) {
    const csv = `source,mobile,billNumber,billAmount,billingTime\nINSTORE,${this.value(mobile)},${billNumber}-${this.nextBillNumber()},${amount},${date}\n`;
    await sendImport(this, { template: 'TRANSACTION_ADD_V2', csv, dateFormat });
  },
);

When('a {word} import is sent with this file:', async function (this: MemberspecWorld, template: string, text: string) {
  // An Examples cell writes line breaks as \n.
  const csv = text.replace(/\\n/g, '\n').replace(/\b[EMX]\d+\b/g, (token) => this.value(token) ?? token);
  await sendImport(this, { template, csv });
});

Then('the import accepted {int} row(s) and refused {int}', function (this: MemberspecWorld, accepted: number, refused: number) {
  const result = outcome(this);
  expect({ accepted: result.accepted, refused: result.refused }, `rows: ${JSON.stringify(result.rows)}`).to.deep.equal({ accepted, refused });
});

Then('the import rows are:', function (this: MemberspecWorld, table: DataTable) {
  const result = outcome(this);
  const actual = result.rows.map((row) => ({ row: String(row.row), status: row.status, code: row.code === undefined ? '' : String(row.code) }));
  expect(actual).to.deep.equal(table.hashes().map((row) => ({ row: row.row, status: row.status, code: row.code })));
});

Then('the latest bill of {string} was made at {word}', async function (this: MemberspecWorld, name: string, instant: string) {
  const result = await (await this.session()).transactionsOf(this.customerId(name));
  if (!result.ok) expect.fail(`reading the bills of "${name}" was refused with error ${result.error.code}`);
  expect(result.value[0], `"${name}" has no bill`).to.not.equal(undefined);
  expect(Date.parse(result.value[0].billingTime), `billingTime ${result.value[0].billingTime}`).to.equal(Date.parse(instant));
});

Then('{string} has {int} bill(s)', async function (this: MemberspecWorld, name: string, count: number) {
  const result = await (await this.session()).transactionsOf(this.customerId(name));
  if (!result.ok) expect.fail(`reading the bills of "${name}" was refused with error ${result.error.code}`);
  expect(result.value.length, `bills of "${name}"`).to.equal(count);
});

Then('row {int} of the import created the customer {string}', function (this: MemberspecWorld, row: number, name: string) {
  const found = outcome(this).rows.find((entry) => entry.row === row);
  expect(found?.status, `row ${row}`).to.equal('ACCEPTED');
  if (found?.customerId === undefined) expect.fail(`row ${row} names no customer`);
  this.nameCustomer(name, found.customerId);
});

Then('row {int} of the import names the customer {string}', function (this: MemberspecWorld, row: number, name: string) {
  const found = outcome(this).rows.find((entry) => entry.row === row);
  expect(found?.status, `row ${row}`).to.equal('ACCEPTED');
  expect(found?.customerId, `the customer of row ${row}`).to.equal(this.customerId(name));
});

When(
  'a COUPON_REDEEM import is sent for the coupon of {string} issued to {string}:',
  async function (this: MemberspecWorld, series: string, holder: string, table: DataTable) {
    const code = this.couponCodes.get(`${series}/${holder}`);
    if (code === undefined) throw new Error(`"${holder}" was issued no coupon of "${series}" in this scenario`);
    const [header, ...rows] = table.raw();
    const withCode = [['couponCode', ...header], ...rows.map((row) => [code, ...row])];
    const csv = withCode.map((row, index) => row.map((text) => quote(index === 0 ? text : resolveCell(this, text))).join(',')).join('\n') + '\n';
    await sendImport(this, { template: 'COUPON_REDEEM', csv });
  },
);

Then('looking up {identifiers} through {source} finds no customer', async function (this: MemberspecWorld, ids: IdentifierSpec[], source: SourceSpec) {
  const result = await (await this.session()).lookUp({ ...source, identifiers: this.identifiers(ids) });
  expect(result.ok ? `customer ${result.value.customerId}` : result.error.code, 'nobody should hold it').to.equal(8015);
});
