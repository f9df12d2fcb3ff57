// The Driver over any Transport: domain calls become contract requests, every response is checked
// against the contract, error envelopes become Results, and each exchange goes into the transcript.
import { createHash } from 'node:crypto';
import { responseProblems } from '../contract/validator.ts';
import {
  ContractViolationError,
  HarnessError,
  NotApplicableError,
  type ApiMessage,
  type Capabilities,
  type Card,
  type CommChannel,
  type CustomerView,
  type Driver,
  type Exchange,
  type Identifier,
  type IncomingCustomer,
  type LookupQuery,
  type LoyaltyType,
  type MergeRecord,
  type OrgSession,
  type OrgSetup,
  type Result,
  type SourceProfile,
} from './driver.ts';
import type { ApiRequest, ApiResponse, Transport } from './transport.ts';
import { checkProfileApplicable, type VendorProfile } from './vendor_profile.ts';

export interface ContractDriverOptions {
  /** 'in-process' or 'http'. */
  readonly name: string;
  readonly transport: Transport;
  /** Profile mode: the target has one fixed org and no test-control extension. */
  readonly profile?: VendorProfile;
}

export const REDACTED = '[redacted]';
/** Longer request/response strings are shortened in the transcript (an oversized body is 100 kB). */
const TRANSCRIPT_TEXT_LIMIT = 2000;

export function basicAuthorization(username: string, password: string): string {
  const md5 = createHash('md5').update(password, 'utf8').digest('hex');
  return `Basic ${Buffer.from(`${username}:${md5}`, 'utf8').toString('base64')}`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function withoutUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

function shorten(value: unknown): unknown {
  if (typeof value === 'string' && value.length > TRANSCRIPT_TEXT_LIMIT) {
    return `${value.slice(0, 200)}... [${value.length} characters in all]`;
  }
  return value;
}

function redactHeaders(headers: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    copy[name] = name.toLowerCase() === 'authorization' ? `${value.split(' ')[0]} ${REDACTED}` : value;
  }
  return copy;
}

/** The test-control answer carries a till password: keep it out of reports. */
function redactBody(operationId: string, body: unknown): unknown {
  if (operationId === 'createTestOrg' && (body as Json)?.entity?.till?.password !== undefined) {
    const copy = structuredClone(body) as Json;
    copy.entity.till.password = REDACTED;
    return copy;
  }
  return shorten(body);
}

function messagesOf(list: unknown): ApiMessage[] {
  return Array.isArray(list) ? list.map((m: Json) => ({ code: m.code, message: m.message })) : [];
}

/** A contract answer with the operation it answered, so results can name it. */
type OperationResponse = ApiResponse & { readonly operation: string };

function toResult<T>(response: OperationResponse, value: (body: Json) => T): Result<T> {
  const { operation } = response;
  const body = response.body as Json;
  if (response.status >= 400) {
    const errors = messagesOf(body.errors);
    return { ok: false, operation, status: response.status, error: errors[0], errors };
  }
  return { ok: true, operation, value: value(body), warnings: messagesOf(body.warnings) };
}

function optionalText(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

function identifiersBody(list: readonly Identifier[] | undefined): Identifier[] | undefined {
  return list?.map(({ type, value }) => ({ type, value }));
}

/** The customer part shared by registration and transaction bodies; an empty source is "not passed". */
function customerFields(customer: IncomingCustomer): Record<string, unknown> {
  return withoutUndefined({
    firstName: customer.firstName,
    lastName: customer.lastName,
    identifiers: identifiersBody(customer.identifiers),
    commChannels: customer.commChannels?.map((channel) => withoutUndefined({ ...channel })),
    source: optionalText(customer.source),
    accountId: optionalText(customer.accountId),
  });
}

function lookupParameters(query: LookupQuery): Record<string, string> {
  return withoutUndefined({
    source: query.source,
    accountId: optionalText(query.accountId),
    identifierName: query.identifiers.map((identifier) => identifier.type).join(','),
    identifierValue: query.identifiers.map((identifier) => identifier.value).join(','),
  });
}

function sourceParameters(change: { source: string; accountId?: string }): Record<string, string> {
  return withoutUndefined({ source: change.source, accountId: optionalText(change.accountId) });
}

function flag(value: unknown): boolean | undefined {
  return value === undefined ? undefined : value === true || value === 'true';
}

/** The contract's customer view in domain terms. The contract requires every field read here, so
 * nothing is derived: the suite checks what the target says, never what the harness computes. */
export function toCustomerView(body: Json): CustomerView {
  const profiles: SourceProfile[] = (body.profiles ?? []).map((profile: Json) =>
    withoutUndefined({
      source: profile.source,
      accountId: profile.accountId ?? '',
      firstName: profile.firstName,
      lastName: profile.lastName,
      identifiers: (profile.identifiers ?? []).map(({ type, value }: Identifier) => ({ type, value })),
      commChannels: (profile.commChannels ?? []).map((channel: Json): CommChannel =>
        withoutUndefined({
          type: channel.type,
          value: channel.value,
          primary: flag(channel.primary),
          verified: flag(channel.verified),
          subscribed: flag(channel.subscribed),
        }),
      ),
    }),
  );
  return withoutUndefined({
    id: body.id,
    loyaltyType: body.loyaltyInfo.loyaltyType as LoyaltyType,
    identifiers: body.identifiers.map(({ type, value }: Identifier) => ({ type, value })),
    profiles,
    reachableOn: [...body.reachableOn],
    registeredOn: body.registeredOn,
    mergedInto: body.mergedInto,
    cards: Array.isArray(body.cardDetails) && body.cardDetails.length > 0 ? body.cardDetails.map(toCard) : undefined,
  });
}

/** The platform's cardDetails entry as a card. */
function toCard(body: Json): Card {
  return withoutUndefined({ number: body.cardNumber, seriesId: body.seriesId, status: body.statusInfo.status, label: body.statusInfo.label });
}

function mergeRecord(body: Json): MergeRecord {
  return {
    survivorId: body.survivorId,
    victimId: body.victimId,
    trigger: body.trigger,
    moved: body.moved.map(({ type, value }: Identifier) => ({ type, value })),
  };
}

export function createContractDriver(options: ContractDriverOptions): Driver {
  const { transport, profile } = options;
  let transcript: Exchange[] = [];
  const capabilities: Capabilities = { testControl: profile === undefined };
  const baseUrl = /^https?:\/\//i.test(transport.target) ? transport.target : '';

  /** Sends one request, records it, and checks the answer against the contract. */
  async function call(operationId: string, request: ApiRequest): Promise<OperationResponse> {
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (request.body !== undefined || request.rawBody !== undefined) headers['content-type'] ??= 'application/json';
    const sent: ApiRequest = { ...request, headers };
    const query = new URLSearchParams(request.query ?? {}).toString();
    const base = {
      operation: operationId,
      method: request.method,
      url: `${baseUrl}${request.path}${query ? `?${query}` : ''}`,
      requestHeaders: redactHeaders(headers),
      ...(request.rawBody !== undefined
        ? { requestBody: shorten(request.rawBody) }
        : request.body !== undefined
          ? { requestBody: structuredClone(request.body) }
          : {}),
    };
    const started = performance.now();
    let response: ApiResponse;
    try {
      response = await transport.send(sent);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      transcript.push({ ...base, status: 0, responseBody: message, durationMs: Math.round(performance.now() - started) });
      if (error instanceof HarnessError) throw new HarnessError(`${operationId}: ${message}`);
      throw new HarnessError(`${operationId}: ${request.method} ${request.path} on ${transport.target} failed (${message})`);
    }
    transcript.push({
      ...base,
      status: response.status,
      ...(response.body !== undefined ? { responseBody: redactBody(operationId, response.body) } : {}),
      durationMs: Math.round(performance.now() - started),
    });
    const problems = responseProblems(operationId, response.status, response.body);
    if (problems.length > 0) {
      throw new ContractViolationError(`${operationId} answered ${response.status} outside the contract: ${problems.join('; ')}`);
    }
    return { ...response, operation: operationId };
  }

  function session(orgId: string, authorization: string | undefined): OrgSession {
    const auth: Record<string, string> = authorization ? { authorization } : {};
    const view = (body: Json) => toCustomerView(body);
    const send = (operationId: string, request: Omit<ApiRequest, 'headers'>) => call(operationId, { ...request, headers: auth });
    const registration = (body: Json) => ({ customerId: body.createdId as number });

    return {
      orgId,
      async register(customer) {
        const body = withoutUndefined({
          loyaltyInfo: customer.loyaltyType ? { loyaltyType: customer.loyaltyType } : undefined,
          profiles: [customerFields(customer)],
          createDate: customer.createDate,
        });
        return toResult(await send('registerCustomer', { method: 'POST', path: '/v2/customers', body }), registration);
      },
      async registerRaw(rawBody) {
        return toResult(await send('registerCustomer', { method: 'POST', path: '/v2/customers', rawBody }), registration);
      },
      async addTransaction(transaction) {
        const body = {
          type: 'REGULAR',
          billNumber: transaction.billNumber,
          billAmount: transaction.billAmount,
          customer: withoutUndefined({ loyaltyType: transaction.customer.loyaltyType, ...customerFields(transaction.customer) }),
        };
        const response = await send('addTransaction', { method: 'POST', path: '/v2/transactions', body });
        return toResult(response, (b) => ({ transactionId: b.createdId as number, customerId: b.customerId as number }));
      },
      async lookUp(query) {
        const response = await send('lookupCustomer', { method: 'GET', path: '/v2/customers/lookup', query: lookupParameters(query) });
        return toResult(response, (b) => ({ customerId: b.entity as number }));
      },
      async getCustomer(customerId) {
        const response = await send('getCustomer', {
          method: 'GET',
          path: `/v2/customers/${encodeURIComponent(String(customerId))}`,
          query: { source: 'ALL' },
        });
        return toResult(response, view);
      },
      async getCustomerByIdentifier(query) {
        const response = await send('getCustomerByIdentifier', {
          method: 'GET',
          path: '/v2/customers/lookup/customerDetails',
          query: lookupParameters(query),
        });
        return toResult(response, view);
      },
      async updateCustomer(customerId, update) {
        const names = withoutUndefined({ firstName: update.firstName, lastName: update.lastName });
        const body = withoutUndefined({
          loyaltyInfo: update.loyaltyType ? { loyaltyType: update.loyaltyType } : undefined,
          profiles: Object.keys(names).length > 0 ? [names] : undefined,
        });
        const response = await send('updateCustomer', {
          method: 'PUT',
          path: `/v2/customers/${encodeURIComponent(String(customerId))}`,
          query: sourceParameters(update),
          body,
        });
        return toResult(response, registration);
      },
      async changeIdentifier(customerId, change) {
        const response = await send('changeIdentifier', {
          method: 'POST',
          path: `/v2/customers/${encodeURIComponent(String(customerId))}/changeIdentifier`,
          query: sourceParameters(change),
          body: { add: identifiersBody(change.add) ?? [], remove: identifiersBody(change.remove) ?? [] },
        });
        return toResult(response, registration);
      },
      async mergeCustomers({ survivorId, victimId }) {
        const response = await send('createMergeRequest', {
          method: 'POST',
          path: '/v2/requests',
          query: { client_auto_approve: 'true' },
          body: { type: 'CHANGE_IDENTIFIER', baseType: 'MERGE', customer: { id: victimId }, targetCustomer: { id: survivorId } },
        });
        return toResult(response, (b) => ({ requestId: b.createdId as number }));
      },
      async listCustomers() {
        if (!capabilities.testControl) {
          throw new NotApplicableError(`listing every customer needs the test-control extension, which ${transport.target} does not offer`);
        }
        const response = await send('listOrgCustomers', {
          method: 'GET',
          path: `/x-memberspec/orgs/${encodeURIComponent(orgId)}/customers`,
        });
        const result = toResult(response, (b) => ({
          customers: (b.entity.customers as Json[]).map(view),
          merges: (b.entity.merges as Json[]).map(mergeRecord),
        }));
        if (!result.ok) throw new HarnessError(`listOrgCustomers refused: ${result.error.code} ${result.error.message}`);
        return result.value;
      },
      anonymous() {
        return session(orgId, undefined);
      },
      async addCard(customerId, card, through) {
        const item = withoutUndefined({ type: 'cardnumber', value: card.number, seriesId: card.seriesId, statusLabel: card.statusLabel });
        const response = await send('changeIdentifier', {
          method: 'POST',
          path: `/v2/customers/${encodeURIComponent(String(customerId))}/changeIdentifier`,
          query: sourceParameters(through),
          body: { add: [item], remove: [] },
        });
        return toResult(response, registration);
      },
      async changeCardStatus(customerId, cardNumber, status, label) {
        const response = await send('changeCardStatus', {
          method: 'PUT',
          path: `/v2/customers/${encodeURIComponent(String(customerId))}/cards/${encodeURIComponent(cardNumber)}/status`,
          body: withoutUndefined({ status, label }),
        });
        return toResult(response, (b) => ({ card: toCard(b.entity) }));
      },
      async checkCardAvailability(cardNumber, seriesId) {
        const query = withoutUndefined({ cardNumber, seriesId: seriesId === undefined ? undefined : String(seriesId) });
        const response = await send('checkCardAvailability', { method: 'GET', path: '/v2/cards/availability', query });
        return toResult(response, (b) => withoutUndefined({ available: b.entity.available as boolean, reason: b.entity.reason as string | undefined }));
      },
    };
  }

  /** Test control: asks the target for a new org; a refusal (8206, 8207) is a Result, not an exception. */
  async function requestOrg(setup: OrgSetup): Promise<Result<OrgSession>> {
    if (profile) {
      throw new NotApplicableError(`requesting a new org needs the test-control extension, which ${transport.target} does not offer`);
    }
    const body = withoutUndefined({
      configs: setup.configs ?? {},
      baseCountry: setup.baseCountry,
      supportedCountries: setup.supportedCountries,
    });
    const response = await call('createTestOrg', { method: 'POST', path: '/x-memberspec/orgs', body });
    const result = toResult(response, (b) => b.entity as { orgId: number; till: { username: string; password: string } });
    if (!result.ok) return result;
    const { orgId, till } = result.value;
    return { ...result, value: session(String(orgId), basicAuthorization(till.username, till.password)) };
  }

  return {
    name: options.name,
    capabilities,
    requestOrg,
    async createOrg(setup: OrgSetup) {
      if (profile) {
        checkProfileApplicable(profile, setup);
        return session(profile.name, basicAuthorization(profile.till.username, profile.till.password));
      }
      const result = await requestOrg(setup);
      if (!result.ok) throw new HarnessError(`createOrg refused by ${transport.target}: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    takeTranscript() {
      const taken = transcript;
      transcript = [];
      return taken;
    },
    close: () => transport.close(),
  };
}
