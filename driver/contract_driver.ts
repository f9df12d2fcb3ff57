// The Driver over any Transport: domain calls become contract requests, every response is checked
// against the contract, error envelopes become Results, and each exchange goes into the transcript.
import { responseHeaderProblems, responseProblems } from '../contract/validator.ts';
import {
  ContractViolationError,
  HarnessError,
  NotApplicableError,
  type ApiMessage,
  type Capabilities,
  type Card,
  type CardRequest,
  type CommChannel,
  type CustomerView,
  type Driver,
  type Exchange,
  type Identifier,
  type IncomingCustomer,
  type LookupQuery,
  type LoyaltyType,
  type AdminCredential,
  type MergeRecord,
  type OrgSession,
  type OrgSetup,
  type Result,
  type SourceProfile,
  type Subscription,
  type TestControlStatus,
  type PointsWriteOutcome,
  type TransactionView,
  type LedgerEntryView,
  type LedgerPageView,
  type LedgerViewRequest,
  type ClosingBalanceView,
  type CouponView,
  type CouponSeriesView,
  type StatusLogEntryView,
  type UserGroupView,
  type GroupTransactionView,
} from './driver.ts';
import type { ApiRequest, ApiResponse, Transport } from './transport.ts';
import { checkProfileApplicable, type VendorProfile } from './vendor_profile.ts';
import { NO_SECRETS, REDACTED, basicAuthorization, md5Hex, secretScrubber, type SecretScrubber, type TillCredentials } from './credentials.ts';
import { toResult, type OperationResponse } from './results.ts';
import { createCustomerAppClient } from './customer_app_client.ts';

export interface ContractDriverOptions {
  /** 'in-process' or 'http'. */
  readonly name: string;
  readonly transport: Transport;
  /** Profile mode: the target has one fixed org and no test-control extension. */
  readonly profile?: VendorProfile;
  /** Keep each exchange for reports (default); a load, which never shows them, turns it off. */
  readonly recordTranscript?: boolean;
  /**
   * Profile mode on an org the test-control extension made and handed over as a profile file (load
   * shards): its customers can still be listed.
   */
  readonly orgListing?: boolean;
}

export { REDACTED, basicAuthorization } from './credentials.ts';
/** Longer request/response strings are shortened in the transcript (an oversized body is 100 kB). */
const TRANSCRIPT_TEXT_LIMIT = 2000;

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

/** Some answers carry credentials (a till password, a client secret, tokens): keep them out of reports. */
function redactBody(operationId: string, body: unknown): unknown {
  if (operationId === 'createTestOrg' && (body as Json)?.entity?.till?.password !== undefined) {
    const copy = structuredClone(body) as Json;
    copy.entity.till.password = REDACTED;
    return copy;
  }
  if (operationId === 'registerPartnerApp' && (body as Json)?.entity?.clientSecret !== undefined) {
    const copy = structuredClone(body) as Json;
    copy.entity.clientSecret = REDACTED;
    return copy;
  }
  if (operationId === 'exchangeOAuthToken' && (body as Json)?.access_token !== undefined) {
    return { ...(body as Json), access_token: REDACTED, refresh_token: REDACTED };
  }
  return shorten(body);
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
    fields: customer.fields ? { ...customer.fields } : undefined,
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
      fields: profile.fields ? { ...profile.fields } : undefined,
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
    extendedFields: body.extendedFields ? { ...body.extendedFields } : undefined,
    testControl: body.testControl?.status as TestControlStatus | undefined,
    customerStatus: body.customerStatus ? withoutUndefined({ status: body.customerStatus.status, label: body.customerStatus.label }) : undefined,
    fraudDetails: body.fraudDetails ? { ...body.fraudDetails } : undefined,
    cards: Array.isArray(body.cardDetails) && body.cardDetails.length > 0 ? body.cardDetails.map(toCard) : undefined,
  });
}

/** The contract's subscription entry in domain terms: channels lowercase, SMS is the mobile channel. */
export function toSubscription(body: Json): Subscription {
  const channel = String(body.channel).toLowerCase();
  return {
    source: body.sourceName,
    accountId: body.accountId ?? '',
    channel: channel === 'sms' ? 'mobile' : channel,
    priority: body.priority,
    type: body.type,
  };
}

function statusLogEntry(body: Json): StatusLogEntryView {
  return {
    status: body.status,
    label: body.label,
    reason: body.reason,
    changedBy: body.createdByUser,
    changedOn: body.createdOn,
    isActive: body.isActive,
  };
}

/** A card to link or issue as a changeIdentifier add item. */
function cardItem(card: CardRequest): Record<string, unknown> {
  return withoutUndefined({ type: 'cardnumber', value: card.number, cardExternalId: card.externalId, seriesId: card.seriesId, statusLabel: card.statusLabel });
}

/** The platform's cardDetails entry as a card. */
function toCard(body: Json): Card {
  return withoutUndefined({ number: body.cardNumber, externalId: body.cardExternalId, seriesId: body.seriesId, status: body.statusInfo.status, label: body.statusInfo.label });
}

function mergeRecord(body: Json): MergeRecord {
  return {
    survivorId: body.survivorId,
    victimId: body.victimId,
    trigger: body.trigger,
    moved: body.moved.map(({ type, value }: Identifier) => ({ type, value })),
  };
}

// ---- Loyalty operations: contract answers in the driver's words ----------------------------------

/** Points awarded and tier upgrades from a write's sideEffects (read as the target states them). */
function pointsWriteOutcome(sideEffects: Json[] | undefined): PointsWriteOutcome {
  const list = sideEffects ?? [];
  return {
    awards: list
      .filter((effect) => effect.type === 'points')
      .map((effect) => ({ customerId: effect.customerId, points: effect.awardedPoints, isReferrer: effect.isReferrer === true })),
    tierUpgrades: list
      .filter((effect) => effect.type === 'tierUpgrade')
      .map((effect) => ({ customerId: effect.customerId, from: effect.fromTier, to: effect.toTier })),
  };
}

function transactionView(body: Json): TransactionView {
  return withoutUndefined({
    id: body.id,
    billNumber: body.billNumber,
    billAmount: body.billAmount,
    billingTime: body.billingTime,
    storeCode: body.storeCode,
    lineItems: (body.lineItems as Json[]).map((item) =>
      withoutUndefined({ sku: item.sku, description: item.description, category: item.category, attributes: item.attributes, qty: item.qty, rate: item.rate, amount: item.amount }),
    ),
    outlier: body.outlier,
    pointsIssued: body.pointsIssued,
  });
}

function userGroupView(body: Json): UserGroupView {
  const loyalty = body.loyaltyDetails;
  return withoutUndefined({
    id: body.id,
    name: body.name,
    externalId: body.externalId,
    primaryMemberId: body.primaryMemberId,
    memberIds: (body.members as Json[]).map((member) => member.customerId),
    loyalty: loyalty
      ? { programName: loyalty.programName, tier: loyalty.currentSlab, points: loyalty.loyaltyPoints, lifetimePoints: loyalty.lifetimePoints }
      : undefined,
  });
}

function groupTransactionView(body: Json): GroupTransactionView {
  return {
    id: body.id,
    memberId: body.memberId,
    billNumber: body.billNumber,
    billAmount: body.billAmount,
    pointsIssued: body.pointsIssued,
    pointsExpiryDate: body.pointsExpiryDate,
  };
}

/** The API's pointsCategory names in the seed's terms (capillary-api-notes §8.1). */
const POINTS_CATEGORIES: Readonly<Record<string, string>> = {
  Main: 'REGULAR',
  DelayedAccrualPointCategory: 'PROMISED',
  ExternalTriggerBasedPointCategory: 'TRIGGER_BASED',
};

function categoryOf(name: unknown): string {
  return POINTS_CATEGORIES[String(name)] ?? String(name);
}

function couponSeriesView(body: Json): CouponSeriesView {
  return withoutUndefined({
    issualLimit: body.issualLimit,
    issued: body.issued,
    remaining: body.remaining,
    claimed: body.claimed,
    claimedBy: body.claimedBy,
    campaignUsingThisOffer: body.campaignUsingThisOffer,
    programUsingThisOffer: body.programUsingThisOffer,
  });
}

function ledgerEntryView(body: Json): LedgerEntryView {
  const transaction = body.transactionDetails ?? {};
  return withoutUndefined({
    eventLogId: body.eventLogId,
    eventName: body.eventName,
    createdAt: body.ledgerCreatedDate,
    pointsOnEvent: Number(body.netPointsOnEvent),
    entries: (body.entryDetails as Json[]).map((detail) =>
      withoutUndefined({
        entryType: detail.ledgerEntryType,
        points: Number(detail.points),
        category: categoryOf(detail.pointsCategory),
        programId: detail.programId,
        programName: detail.programName,
      }),
    ),
    transactionId: transaction.transactionId,
    transactionNumber: transaction.transactionNumber,
    reason: body.eventDetails?.reason,
    source: body.eventSource,
    storeCode: optionalText(body.storeCode),
    tillCode: optionalText(body.tillCode),
  });
}

function ledgerPageView(body: Json): LedgerPageView {
  const customer = body.customerDetails ?? {};
  const details = body.ledgerDetails;
  return {
    customer: withoutUndefined({ userId: customer.userId, firstName: customer.firstName, lastName: customer.lastName }),
    pageNumber: details.pageNumber,
    pageSize: details.pageSize,
    totalEntries: details.totalEntries,
    pageCount: details.pageCount,
    entries: (body.ledgerEntries as Json[]).map(ledgerEntryView),
  };
}

function closingBalanceView(body: Json): ClosingBalanceView {
  return withoutUndefined({ category: categoryOf(body.pointsCategory), programId: body.programId, programName: body.programName, balance: Number(body.closingBalance) });
}

/** A ledger view as the API's query parameters. */
function ledgerViewParameters(view: LedgerViewRequest): Record<string, string> {
  const text = (value: number | boolean | undefined) => (value === undefined ? undefined : String(value));
  return withoutUndefined({
    limit: text(view.limit),
    offset: text(view.page),
    startDate: view.startDate,
    endDate: view.endDate,
    ledgerEntryType: view.entryType,
    pointCategoryType: view.category,
    programId: text(view.programId),
    includeTillConceptEvents: text(view.includeTillConceptEvents),
    eventSource: view.eventSource,
    tillCode: view.tillCode,
  });
}

/** More pages than any scenario's ledger has: a target whose page count never ends is answered as a failure. */
const MAX_LEDGER_PAGES = 100;

function couponView(body: Json): CouponView {
  return withoutUndefined({ code: body.code, seriesId: body.seriesId, discountType: body.discountType, discountValue: body.discountValue, redeemed: body.redemptionCount > 0, validTill: body.validTill });
}

/** The ledger calls name the customer by id. */
function ledgerParameters(customerId: number): Record<string, string> {
  return { identifierName: 'id', identifierValue: String(customerId), source: 'ALL' };
}

export function createContractDriver(options: ContractDriverOptions): Driver {
  const { transport, profile } = options;
  let transcript: Exchange[] = [];
  const capabilities: Capabilities = { testControl: profile === undefined, adminToken: profile === undefined && transport.sendsAdminToken === true };

  /** The request field that presents the admin credential; NotApplicable when the harness holds no token to leave out or alter. */
  function presenting(credential: AdminCredential): Pick<ApiRequest, 'adminToken'> {
    if (credential === 'held') return {};
    if (!capabilities.adminToken) {
      throw new NotApplicableError(`the harness holds no admin token for ${transport.target}'s test-control extension (certify --admin-token), so a request without it proves nothing`);
    }
    return { adminToken: credential === 'missing' ? 'omit' : 'wrong' };
  }
  const baseUrl = /^https?:\/\//i.test(transport.target) ? transport.target : '';

  /**
   * Sends one request, records it (unless the driver keeps no transcript), and checks the answer against
   * the contract. The answer is scrubbed of the session's credentials first (a target may echo them), so
   * no step, message or transcript holds them.
   */
  async function call(operationId: string, request: ApiRequest, secrets: SecretScrubber = NO_SECRETS): Promise<OperationResponse> {
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (request.body !== undefined || request.rawBody !== undefined) headers['content-type'] ??= 'application/json';
    const sent: ApiRequest = { ...request, headers };
    if (options.recordTranscript === false) return contractChecked(operationId, await scrubbedAnswer(operationId, sent, secrets));
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
    const response = await scrubbedAnswer(operationId, sent, secrets, (message) =>
      transcript.push({ ...base, status: 0, responseBody: message, durationMs: Math.round(performance.now() - started) }),
    );
    transcript.push({
      ...base,
      status: response.status,
      ...(response.body !== undefined ? { responseBody: redactBody(operationId, response.body) } : {}),
      durationMs: Math.round(performance.now() - started),
    });
    return contractChecked(operationId, response);
  }

  /** The transport's answer without the session's credentials; a failure becomes a HarnessError naming the operation. */
  async function scrubbedAnswer(operationId: string, sent: ApiRequest, secrets: SecretScrubber, onFailure?: (message: string) => void): Promise<ApiResponse> {
    try {
      const answer = await transport.send(sent);
      return { ...answer, body: secrets.value(answer.body), headers: secrets.value(answer.headers) };
    } catch (error) {
      const message = secrets.text(error instanceof Error ? error.message : String(error));
      onFailure?.(message);
      if (error instanceof HarnessError) throw new HarnessError(`${operationId}: ${message}`);
      throw new HarnessError(`${operationId}: ${sent.method} ${sent.path} on ${transport.target} failed (${message})`);
    }
  }

  function contractChecked(operationId: string, response: ApiResponse): OperationResponse {
    const problems = [
      ...responseProblems(operationId, response.status, response.body),
      ...responseHeaderProblems(operationId, response.status, response.headers ?? {}),
    ];
    if (problems.length > 0) {
      throw new ContractViolationError(`${operationId} answered ${response.status} outside the contract: ${problems.join('; ')}`);
    }
    return { ...response, operation: operationId };
  }

  type Credentials = 'md5' | 'none' | 'plain password' | 'md5 and one more digit';
  function session(orgId: string, till: TillCredentials, credentials: Credentials = 'md5', secrets = secretScrubber([till])): OrgSession {
    const tillUsername = till.username;
    const basic = (password: string) => `Basic ${Buffer.from(`${till.username}:${password}`, 'utf8').toString('base64')}`;
    const authorization = {
      md5: () => ({ authorization: basicAuthorization(till.username, till.password) }),
      none: () => ({}),
      'plain password': () => ({ authorization: basic(till.password) }),
      'md5 and one more digit': () => ({ authorization: basic(`${md5Hex(till.password)}0`) }),
    };
    const auth: Record<string, string> = authorization[credentials]();
    const view = (body: Json) => toCustomerView(body);
    const send = (operationId: string, request: Omit<ApiRequest, 'headers'>) => call(operationId, { ...request, headers: auth }, secrets);
    const registration = (body: Json) => ({ customerId: body.createdId as number });

    return {
      orgId,
      till: () => ({ username: till.username, password: till.password }),
      async register(customer) {
        const body = withoutUndefined({
          loyaltyInfo: customer.loyaltyType ? { loyaltyType: customer.loyaltyType } : undefined,
          profiles: [customerFields(customer)],
          extendedFields: customer.extendedFields ? { ...customer.extendedFields } : undefined,
          createDate: customer.createDate,
        });
        return toResult(await send('registerCustomer', { method: 'POST', path: '/v2/customers', body }), registration);
      },
      async registerRaw(rawBody) {
        return toResult(await send('registerCustomer', { method: 'POST', path: '/v2/customers', rawBody }), registration);
      },
      async addTransaction(transaction) {
        const body = withoutUndefined({
          type: 'REGULAR',
          billNumber: transaction.billNumber,
          billAmount: transaction.billAmount,
          billingTime: transaction.billingTime,
          storeCode: transaction.storeCode,
          lineItems: transaction.lineItems?.map((item) => withoutUndefined({ ...item })),
          promoCodes: transaction.promoCodes,
          customer: withoutUndefined({ loyaltyType: transaction.customer.loyaltyType, ...customerFields(transaction.customer) }),
        });
        const response = await send('addTransaction', { method: 'POST', path: '/v2/transactions', body });
        return toResult(response, (b) => ({
          transactionId: b.createdId as number,
          customerId: b.customerId as number,
          outlier: b.outlier as boolean,
          appliedPromotions: ((b.appliedPromotions ?? []) as Json[]).map((applied) => ({ code: applied.code, discount: applied.discount, linked: applied.linked })),
          ...pointsWriteOutcome(b.sideEffects),
        }));
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
          body: { add: [...(identifiersBody(change.add) ?? []), ...(change.cards ?? []).map(cardItem)], remove: identifiersBody(change.remove) ?? [] },
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
      async requestCustomerList(credential) {
        if (!capabilities.testControl) {
          throw new NotApplicableError(`listing every customer needs the test-control extension, which ${transport.target} does not offer`);
        }
        const response = await send('listOrgCustomers', {
          method: 'GET',
          path: `/x-memberspec/orgs/${encodeURIComponent(orgId)}/customers`,
          ...presenting(credential),
        });
        return toResult(response, (b) => ({ customers: (b.entity.customers as Json[]).map(view) }));
      },
      async listCustomers() {
        if (!capabilities.testControl && !options.orgListing) {
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
      async setClock(instant) {
        if (!capabilities.testControl) {
          throw new NotApplicableError(`setting the org's clock needs the test-control extension, which ${transport.target} does not offer`);
        }
        const response = await send('setOrgClock', { method: 'PUT', path: `/x-memberspec/orgs/${encodeURIComponent(orgId)}/clock`, body: { now: instant } });
        return toResult(response, (b) => ({ now: b.entity.now as string }));
      },
      anonymous() {
        // Still scrubbed of this till's credentials: a target might echo the last ones it saw.
        return session(orgId, till, 'none', secrets);
      },
      withPlainPassword() {
        return session(orgId, till, 'plain password', secrets);
      },
      withMd5AndOneMoreDigit() {
        return session(orgId, till, 'md5 and one more digit', secrets);
      },
      tillUsername,
      async changeStatusLabel(query, change) {
        const response = await send('changeCustomerStatus', {
          method: 'PUT',
          path: '/v2/customers/lookup/status',
          query: lookupParameters(query),
          body: { label: change.label, reason: change.reason },
        });
        return toResult(response, registration);
      },
      async statusLog(customerId) {
        const response = await send('getCustomerStatusLog', { method: 'GET', path: `/v2/customers/${encodeURIComponent(String(customerId))}/statusLog` });
        return toResult(response, (b) => (b.data as Json[]).map(statusLogEntry));
      },
      async requestPiiDeletion(customerId) {
        const response = await send('requestPiiDeletion', {
          method: 'POST',
          path: `/v2/customers/${encodeURIComponent(String(customerId))}/piiDeletionRequest`,
          body: {},
        });
        return toResult(response, registration);
      },
      async setFraudStatus(customerId, change) {
        const response = await send('setFraudStatus', {
          method: 'PUT',
          path: `/v2/customers/${encodeURIComponent(String(customerId))}/fraudStatus`,
          body: { status: change.status, reason: change.reason },
        });
        return toResult(response, registration);
      },

      // Subscriptions and test/control groups
      async updateSubscriptions(customerId, subscriptions) {
        const body = {
          subscriptions: subscriptions.map((entry) =>
            withoutUndefined({
              channel: entry.channel,
              accountId: optionalText(entry.accountId),
              priority: entry.priority,
              type: entry.type,
              sourceName: entry.source,
            }),
          ),
        };
        const response = await send('updateSubscriptions', {
          method: 'POST',
          path: `/v2/customers/${encodeURIComponent(String(customerId))}/subscriptions`,
          body,
        });
        return toResult(response, (b) => ({ subscriptions: (b.subscriptions as Json[]).map(toSubscription) }));
      },
      async getSubscriptions(customerId, filter) {
        const response = await send('getSubscriptions', {
          method: 'GET',
          path: `/v2/customers/${encodeURIComponent(String(customerId))}/subscriptions`,
          query: withoutUndefined({ source: filter.source, accountId: optionalText(filter.accountId) }),
        });
        return toResult(response, (b) => ({ subscriptions: (b.subscriptions as Json[]).map(toSubscription) }));
      },
      async changeTestControl(customerId, status) {
        const response = await send('changeTestControl', {
          method: 'PUT',
          path: `/v2/customers/${encodeURIComponent(String(customerId))}/testControl`,
          body: { status },
        });
        return toResult(response, registration);
      },
      // ---- Loyalty operations
      async transactionsOf(customerId) {
        const response = await send('getCustomerTransactions', { method: 'GET', path: `/v2/customers/${encodeURIComponent(String(customerId))}/transactions` });
        return toResult(response, (b) => (b.entity.transactions as Json[]).map(transactionView));
      },
      async pointsSummary(customerId) {
        const response = await send('getCustomer', {
          method: 'GET',
          path: `/v2/customers/${encodeURIComponent(String(customerId))}`,
          query: { source: 'ALL', embed: 'points' },
        });
        return toResult(response, (b) => {
          const summary = b.pointsSummary;
          if (!summary) throw new ContractViolationError('getCustomer with embed=points answered without pointsSummary');
          return {
            balance: summary.loyaltyPoints,
            lifetimePoints: summary.lifetimePoints,
            redeemed: summary.redeemed,
            tier: summary.currentSlab,
            tierNumber: summary.slabSNo,
            ...(summary.nextSlab ? { nextTier: { name: summary.nextSlab, threshold: summary.nextSlabThreshold } } : {}),
          };
        });
      },
      async pointsLedger(customerId, view = {}) {
        const events: LedgerEntryView[] = [];
        for (let page = 0; page < MAX_LEDGER_PAGES; page++) {
          const result = await this.readLedger(customerId, { ...view, page, limit: 10 });
          if (!result.ok) return result;
          events.push(...result.value.entries);
          if (page + 1 >= result.value.pageCount || result.value.entries.length === 0) return { ...result, value: events };
        }
        throw new ContractViolationError(`getCustomerLedgerInfo answered more than ${MAX_LEDGER_PAGES} pages of 10 for customer ${customerId}`);
      },
      async readLedger(customerId, view = {}) {
        const response = await send('getCustomerLedgerInfo', {
          method: 'GET',
          path: '/v2/pointsLedger/getCustomerLedgerInfo',
          query: { ...ledgerParameters(customerId), ...ledgerViewParameters(view) },
        });
        return toResult(response, ledgerPageView);
      },
      async pointsBalance(customerId) {
        const response = await send('getCustomerLedgerBalance', {
          method: 'GET',
          path: '/v2/pointsLedger/getCustomerLedgerBalance',
          query: ledgerParameters(customerId),
        });
        return toResult(response, (b) => {
          const main = (b.ledgerDetails.ledgerClosingBalance as Json[]).filter((balance) => balance.pointsCategory === 'Main');
          if (main.length === 0) throw new ContractViolationError('getCustomerLedgerBalance answered without a Main closing balance');
          return main.reduce((sum, balance) => sum + Number(balance.closingBalance), 0);
        });
      },
      async ledgerBalances(customerId, view = {}) {
        const response = await send('getCustomerLedgerBalance', {
          method: 'GET',
          path: '/v2/pointsLedger/getCustomerLedgerBalance',
          query: { ...ledgerParameters(customerId), ...ledgerViewParameters(view) },
        });
        return toResult(response, (b) => (b.ledgerDetails.ledgerClosingBalance as Json[]).map(closingBalanceView));
      },
      async transferPoints(fromId, toId, points) {
        const response = await send('transferPoints', { method: 'POST', path: '/v2/points/transfer', body: { fromCustomerId: fromId, toCustomerId: toId, points } });
        return toResult(response, (b) => ({ balance: b.entity.balance as number }));
      },
      async returnTransaction(customerId, billNumber, amount) {
        const body = amount === undefined ? { customerId, billNumber, returnType: 'FULL' } : { customerId, billNumber, returnType: 'AMOUNT', amount };
        const response = await send('returnTransaction', { method: 'POST', path: '/v2/transactions/return', body });
        return toResult(response, (b) => ({
          returnTransactionId: b.createdId as number,
          pointsReturned: b.entity.pointsReturned as number,
          redemptionsReversed: b.entity.redemptionsReversed as number,
        }));
      },
      async reverseRedemption(customerId, redemptionId) {
        const response = await send('reversePointsRedemption', { method: 'POST', path: '/v2/points/redeem/reverse', body: { customerId, redemptionId } });
        return toResult(response, (b) => ({ balance: b.entity.balance as number }));
      },
      async giveGoodwillPoints(customerId, points, reason, programId) {
        const response = await send('allocateGoodwillPoints', { method: 'POST', path: '/v2/points/goodwill', body: withoutUndefined({ customerId, points, reason, programId }) });
        return toResult(response, (b) => pointsWriteOutcome(b.sideEffects));
      },
      async giveGoodwillPointsByCard(card, points, reason, programId) {
        const body = withoutUndefined({ identifierName: card.by, identifierValue: card.value, points, reason, programId });
        const response = await send('allocateGoodwillPoints', { method: 'POST', path: '/v2/points/goodwill', body });
        return toResult(response, (b) =>
          withoutUndefined({ ...pointsWriteOutcome(b.sideEffects), customerId: b.entity?.customerId, programId: b.entity?.programId, programName: b.entity?.programName }),
        );
      },
      async importPoints(customerId, points, importReference, type) {
        const response = await send('importPoints', { method: 'POST', path: '/v2/points/import', body: withoutUndefined({ customerId, points, importReference, type }) });
        return toResult(response, (b) => pointsWriteOutcome(b.sideEffects));
      },
      async awardReferral(referrerId, refereeId) {
        const response = await send('awardReferralPoints', { method: 'POST', path: '/v2/points/referral', body: { referrerId, refereeId } });
        return toResult(response, (b) => pointsWriteOutcome(b.sideEffects));
      },
      async redeemPoints(customerId, points, where = {}) {
        const response = await send('redeemPoints', { method: 'POST', path: '/v2/points/redeem', body: withoutUndefined({ customerId, points, storeCode: where.storeCode, billNumber: where.billNumber }) });
        return toResult(response, (b) => ({ balance: b.entity.balance as number, redemptionId: b.createdId as number }));
      },
      async createCouponSeries(series) {
        const response = await send('createCouponSeries', { method: 'POST', path: '/v2/coupon/series', body: { ...series } });
        return toResult(response, (b) => ({ seriesId: b.createdId as number }));
      },
      async issueCoupon(seriesId, customerId) {
        const response = await send('issueCoupon', { method: 'POST', path: '/v2/coupon/issue', body: { seriesId, customerId } });
        return toResult(response, (b) => ({ couponId: b.createdId as number, code: b.entity.code as string }));
      },
      async redeemCoupon(code, customerId, storeCode) {
        const response = await send('redeemCoupon', { method: 'POST', path: '/v2/coupon/redeem', body: withoutUndefined({ code, customerId, storeCode }) });
        return toResult(response, (b) => ({ couponId: b.createdId as number }));
      },
      async couponsOf(customerId, status) {
        const response = await send('getCustomerCoupons', {
          method: 'GET',
          path: '/v2/customers/coupons',
          query: withoutUndefined({ id: String(customerId), status }),
        });
        return toResult(response, (b) => {
          const customer = (b.entity.customers as Json[]).find((entry) => entry.id === customerId);
          return ((customer?.coupons ?? []) as Json[]).map(couponView);
        });
      },
      async couponSeries(seriesId) {
        const response = await send('getCouponSeries', { method: 'GET', path: `/v2/coupon/series/${encodeURIComponent(String(seriesId))}` });
        return toResult(response, (b) => couponSeriesView(b.entity));
      },
      async setIssualLimit(seriesId, issualLimit) {
        const response = await send('updateCouponSeries', { method: 'PUT', path: `/v2/coupon/series/${encodeURIComponent(String(seriesId))}`, body: { issualLimit } });
        return toResult(response, (b) => couponSeriesView(b.entity));
      },
      async claimCouponSeries(seriesId, claimedBy, name) {
        const response = await send('claimCouponSeries', { method: 'POST', path: `/v2/coupon/series/${encodeURIComponent(String(seriesId))}/claim`, body: { claimedBy, name } });
        return toResult(response, (b) => couponSeriesView(b.entity));
      },
      async customerRedemptions(customerId, filter) {
        const query = withoutUndefined({
          identifierName: 'id',
          identifierValue: String(customerId),
          type: filter.type,
          start_date: filter.startDate,
          end_date: filter.endDate,
          coupons_start_id: filter.couponsStartId === undefined ? undefined : String(filter.couponsStartId),
          coupons_end_id: filter.couponsEndId === undefined ? undefined : String(filter.couponsEndId),
          merchant_store_id: filter.merchantStoreId,
        });
        const response = await send('getCustomerRedemptions', { method: 'GET', path: '/v1.1/customer/redemptions', query });
        return toResult(response, (b) => {
          const redemptions = b.response.customer.redemptions;
          return {
            coupons: ((redemptions.coupons?.coupon ?? []) as Json[]).map((c) =>
              withoutUndefined({ id: c.id, code: c.code, redeemedTime: c.redeemed_time, store: c.redeemed_store?.code, bill: c.transaction_number || undefined }),
            ),
            points: ((redemptions.points?.point ?? []) as Json[]).map((p) =>
              withoutUndefined({ id: p.id, points: p.points_redeemed, redeemedTime: p.redeemed_time, store: p.redeemed_store?.code, bill: p.transaction_number || undefined }),
            ),
          };
        });
      },
      async brandNotifications() {
        if (!capabilities.testControl) {
          throw new NotApplicableError(`reading the notifications sent to the brand needs the test-control extension, which ${transport.target} does not offer`);
        }
        const response = await send('listBrandNotifications', { method: 'GET', path: `/x-memberspec/orgs/${encodeURIComponent(orgId)}/notifications` });
        const result = toResult(response, (b) =>
          (b.entity.notifications as Json[]).map((n) => ({ type: n.type, seriesId: n.seriesId, remaining: n.remaining, issualLimit: n.issualLimit, recipients: [...n.recipients] })),
        );
        if (!result.ok) throw new HarnessError(`listBrandNotifications refused: ${result.error.code} ${result.error.message}`);
        return result.value;
      },
      async queryAudience(query) {
        const response = await send('queryAudience', { method: 'POST', path: '/v2/audiences/query', body: withoutUndefined({ ...query }) });
        return toResult(response, (b) => ({ customerIds: [...(b.entity.customerIds as number[])] }));
      },
      // ---- Code-linked promotions
      async createPromotion(promotion) {
        const response = await send('createPromotion', { method: 'POST', path: '/v1/promotions', body: withoutUndefined({ ...promotion }) });
        return toResult(response, (b) => ({ promotionId: b.data.id as number }));
      },
      async addPromoCodes(promotionId, request) {
        const response = await send('addPromoCodes', {
          method: 'POST',
          path: `/v1/promotions/${encodeURIComponent(String(promotionId))}/codes`,
          body: withoutUndefined({ count: request.count, codes: request.codes }),
        });
        return toResult(response, (b) => ({ codes: (b.data.codes as Json[]).map((code) => code.code as string) }));
      },
      async promoCodes(promotionId) {
        const response = await send('getPromoCodes', { method: 'GET', path: `/v1/promotions/${encodeURIComponent(String(promotionId))}/codes` });
        return toResult(response, (b) =>
          (b.data.codes as Json[]).map((code) => withoutUndefined({ code: code.code, origin: code.origin, redemptions: code.redemptions, linkedCustomerId: code.linkedCustomerId })),
        );
      },
      async linkPromoCode(customerId, code, mode) {
        const response = await send('linkPromoCode', { method: 'POST', path: '/v1/promotions/code/link', body: { customerId, code, mode } });
        return toResult(response, (b) => ({ code: b.data.code as string, customerId: b.data.customerId as number }));
      },
      async addCard(customerId, card, through) {
        const item = cardItem(card);
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
      async sendSms(message) {
        const response = await send('sendSms', { method: 'POST', path: '/v1.1/communications/sms', body: withoutUndefined({ ...message }) });
        return toResult(response, (b) => ({ sender: b.entity.sender }));
      },
      async sendEmail(message) {
        const response = await send('sendEmail', { method: 'POST', path: '/v2/communications/email', body: withoutUndefined({ ...message }) });
        return toResult(response, (b) => ({ attachments: (b.entity.attachments as Json[]).map((item) => ({ fileName: item.fileName, bytes: item.bytes })) }));
      },
      async importCsv(request) {
        const response = await send('importCsv', { method: 'POST', path: '/v2/imports', body: withoutUndefined({ ...request }) });
        return toResult(response, (b) => ({
          accepted: b.entity.accepted,
          refused: b.entity.refused,
          rows: (b.entity.rows as Json[]).map((row) => withoutUndefined({ row: row.row, status: row.status, customerId: row.customerId, code: row.errors?.[0]?.code })),
        }));
      },
      async createUserGroup(group) {
        const response = await send('createUserGroup', { method: 'POST', path: '/v2/userGroup2', body: withoutUndefined({ ...group }) });
        return toResult(response, (b) => userGroupView(b.entity));
      },
      async getUserGroup(groupId) {
        const response = await send('getUserGroup', { method: 'GET', path: `/v2/userGroup2/${encodeURIComponent(String(groupId))}` });
        return toResult(response, (b) => userGroupView(b.entity));
      },
      async addGroupTransaction(groupId, transaction) {
        const response = await send('addUserGroupTransaction', {
          method: 'POST',
          path: `/v2/userGroup2/${encodeURIComponent(String(groupId))}/transactions`,
          body: withoutUndefined({ ...transaction }),
        });
        return toResult(response, (b) => groupTransactionView(b.entity));
      },
      async groupTransactions(groupId) {
        const response = await send('getUserGroupTransactions', { method: 'GET', path: '/v2/userGroup2/transactions', query: { groupId: String(groupId) } });
        return toResult(response, (b) => (b.entity.transactions as Json[]).map(groupTransactionView));
      },
      async registerPartnerApp(app) {
        if (!capabilities.testControl) {
          throw new NotApplicableError(`registering a partner app (OAuth2 client) needs the test-control extension, which ${transport.target} does not offer`);
        }
        const response = await send('registerPartnerApp', { method: 'POST', path: `/x-memberspec/orgs/${encodeURIComponent(orgId)}/partnerApps`, body: withoutUndefined({ ...app }) });
        return toResult(response, (b) => ({ clientKey: b.entity.clientKey, clientSecret: b.entity.clientSecret, name: b.entity.name, redirectUri: b.entity.redirectUri }));
      },
      partnerApp(credentials) {
        // The partner app never sends the till's credentials: only its own client key and secret, then Bearer tokens.
        return createCustomerAppClient(call, baseUrl, credentials);
      },
      async sentMessages() {
        if (!capabilities.testControl) {
          throw new NotApplicableError(`reading the messages the org sent needs the test-control extension, which ${transport.target} does not offer`);
        }
        const response = await send('listSentMessages', { method: 'GET', path: `/x-memberspec/orgs/${encodeURIComponent(orgId)}/messages` });
        const result = toResult(response, (b) => (b.entity.messages as Json[]).map((m) => withoutUndefined({ channel: m.channel, to: m.to, body: m.body, purpose: m.purpose, sentAt: m.sentAt, sender: m.sender, subject: m.subject, attachments: (m.attachments as Json[] | undefined)?.map((item) => ({ fileName: item.fileName, bytes: item.bytes })) })));
        if (!result.ok) throw new HarnessError(`listSentMessages refused: ${result.error.code} ${result.error.message}`);
        return result.value;
      },
    };
  }

  /** Test control: asks the target for a new org; a refusal (8206, 8207) is a Result, not an exception. */
  async function requestOrg(setup: OrgSetup, credential: AdminCredential = 'held'): Promise<Result<OrgSession>> {
    if (profile) {
      throw new NotApplicableError(`requesting a new org needs the test-control extension, which ${transport.target} does not offer`);
    }
    const admin = presenting(credential);
    const body = withoutUndefined({
      configs: setup.configs ?? {},
      baseCountry: setup.baseCountry,
      supportedCountries: setup.supportedCountries,
      statusLabels: setup.statusLabels,
      brandContacts: setup.brandContacts,
    });
    const response = await call('createTestOrg', { method: 'POST', path: '/x-memberspec/orgs', body, ...admin });
    const result = toResult(response, (b) => b.entity as { orgId: number; till: { username: string; password: string } });
    if (!result.ok) return result;
    const { orgId, till } = result.value;
    return { ...result, value: session(String(orgId), till) };
  }

  return {
    name: options.name,
    capabilities,
    requestOrg,
    async createOrg(setup: OrgSetup) {
      if (profile) {
        checkProfileApplicable(profile, setup);
        return session(profile.name, profile.till);
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
