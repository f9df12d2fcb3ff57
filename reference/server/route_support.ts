// What every group of routes shares: the route shape, and the translation between contract bodies or
// queries and domain values. The route tables (routes.ts and the <group>_routes.ts files) import it.
import type { HttpMethod } from '../../contract/contract.ts';
import { DomainError, type ApiMessage } from '../domain/errors.ts';
import type { CommChannel, FieldValues, Identifier, IncomingCustomer, LookupQuery, LoyaltyType, Org } from '../domain/types.ts';
import type { IdentityService } from '../service/identity_service.ts';

export interface HandlerContext {
  readonly service: IdentityService;
  /** The authenticated org; set for every route with `auth: true`. */
  readonly org: Org;
  /** Path and query parameters after contract validation (coerced to their declared types). */
  readonly path: Readonly<Record<string, unknown>>;
  readonly query: Readonly<Record<string, unknown>>;
  /** The JSON body after contract validation. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
  /** Request headers, names in lower case (a Bearer token, an OAuth2 client's Basic credentials). */
  readonly headers: Readonly<Record<string, string>>;
  readonly method: string;
}

export interface HandlerResult {
  readonly status: number;
  readonly body: unknown;
  /** Extra response headers, names in lower case. */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface RouteDefinition {
  readonly method: HttpMethod;
  /** Express / path-to-regexp 8 syntax. */
  readonly path: string;
  readonly operationId: string;
  /** Basic auth of a till required. */
  readonly auth: boolean;
  /** How the body is read: JSON (the default) or an OAuth2 form. */
  readonly body?: 'json' | 'form';
  readonly handler: (context: HandlerContext) => HandlerResult | Promise<HandlerResult>;
}

// ---- contract <-> domain translation ------------------------------------------------------------

interface IdentifierBody {
  type: string;
  value: string;
}

interface CommChannelBody {
  type: string;
  value: string;
  primary?: boolean | string;
  verified?: boolean | string;
  subscribed?: boolean | string;
}

export interface CustomerBody {
  loyaltyType?: LoyaltyType;
  source?: string;
  accountId?: string;
  firstName?: string;
  lastName?: string;
  identifiers?: IdentifierBody[];
  commChannels?: CommChannelBody[];
  /** The org's custom fields (v2 profiles[].fields). */
  fields?: FieldValues;
}

function flag(value: boolean | string | undefined): boolean | undefined {
  return value === undefined ? undefined : value === true || value === 'true';
}

export function identifiers(list: IdentifierBody[] | undefined): Identifier[] {
  return (list ?? []).map(({ type, value }) => ({ type, value }));
}

function commChannels(list: CommChannelBody[] | undefined): CommChannel[] {
  return (list ?? []).map((channel) =>
    withoutUndefined({
      type: channel.type,
      value: channel.value,
      primary: flag(channel.primary),
      verified: flag(channel.verified),
      subscribed: flag(channel.subscribed),
    }),
  );
}

export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A missing source is passed as '' so the rules answer it with their own code (8004). */
export function incomingCustomer(customer: CustomerBody, extra: Partial<IncomingCustomer> = {}): IncomingCustomer {
  return withoutUndefined({
    source: customer.source ?? '',
    accountId: customer.accountId,
    loyaltyType: customer.loyaltyType,
    firstName: customer.firstName,
    lastName: customer.lastName,
    identifiers: identifiers(customer.identifiers),
    commChannels: commChannels(customer.commChannels),
    fields: customer.fields,
    ...extra,
  });
}

export function messages(list: readonly ApiMessage[]): { status: false; code: number; message: string }[] {
  return list.map(({ code, message }) => ({ status: false, code, message }));
}

/** identifierName/identifierValue, comma-separated and order-matched (dual eligibility). */
export function lookupQuery(query: Readonly<Record<string, unknown>>): LookupQuery {
  const names = String(query.identifierName).split(',').map((name) => name.trim());
  const values = String(query.identifierValue).split(',').map((value) => value.trim());
  if (names.length !== values.length) {
    throw new DomainError(8203, 'identifierName and identifierValue must list the same number of items');
  }
  return withoutUndefined({
    source: String(query.source),
    accountId: query.accountId === undefined ? undefined : String(query.accountId),
    identifiers: names.map((type, index) => ({ type, value: values[index] })),
  });
}

export function sourceOf(query: Readonly<Record<string, unknown>>): { source: string; accountId?: string } {
  return withoutUndefined({
    source: String(query.source),
    accountId: query.accountId === undefined ? undefined : String(query.accountId),
  });
}

export function ok(body: unknown, status = 200): HandlerResult {
  return { status, body };
}
