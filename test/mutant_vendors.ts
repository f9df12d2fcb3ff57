// Mutant vendors: the reference server behind a proxy that plants one plausible vendor bug, each the
// kind of slip a real implementation makes (a setting it ignores, a warning it drops, an order it does
// not keep, a check it skips). The suite must catch every one of them, and in the feature a product
// owner would look at first. Unlike the naive vendor, a mutant is right about everything else.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONFIG_ALIASES, CONFIG_DEFINITIONS } from '../reference/domain/configs.ts';
import { resolveSource } from '../reference/domain/sources.ts';
import { startReferenceServer } from '../reference/server/start_server.ts';

type Json = Record<string, any>;

export interface Exchange {
  method: string;
  /** Path without the query string. */
  path: string;
  /** The query string, with its leading "?" (or empty); a mutant may rewrite it. */
  search: string;
  headers: Record<string, string>;
  body: Buffer;
  /** The reference behind the proxy, for a mutant that asks it something before answering. */
  upstream: string;
}

export interface Mutant {
  /** What the vendor got wrong, in the words of a bug report. */
  bug: string;
  /** Feature files (under features/) of which at least one scenario must fail because of the bug. */
  caughtIn: string[];
  /** Rewrites a request before the reference sees it; `memory` lives as long as one proxy. */
  request?: (exchange: Exchange, memory: ProxyMemory) => void | Promise<void>;
  /** Rewrites a JSON answer before the suite sees it; `memory` is the request hook's. */
  response?: (exchange: Exchange, status: number, body: Json, memory: ProxyMemory) => { status: number; body: Json };
}

const CREATE_ORG = '/x-memberspec/orgs';
const CUSTOMER_VIEW = /^\/v2\/customers\/(\d+|lookup\/customerDetails)$/;
const SUBSCRIPTIONS = /^\/v2\/customers\/\d+\/subscriptions$/;
const COUPON_SERIES = '/v2/coupon/series';
const PROMOTIONS = '/v1/promotions';
const SERIES_INFO = /^\/v2\/coupon\/series\/\d+(\/claim)?$/;
const REDEMPTIONS = '/v1.1/customer/redemptions';
const AUDIENCES = '/v2/audiences/query';
const REGISTRATION = '/v2/customers';
const TRANSACTIONS = '/v2/transactions';
const LOOKUP = '/v2/customers/lookup';
const CHANGE_IDENTIFIER = /^\/v2\/customers\/\d+\/changeIdentifier$/;
const STATUS_LOG = /^\/v2\/customers\/\d+\/statusLog$/;
const GOODWILL = '/v2/points/goodwill';
const IMPORTS = '/v2/imports';
const SEND_SMS = '/v1.1/communications/sms';
/** Config names the platform documents (and their aliases): what a vendor that ignores the others still reads. */
const KNOWN_CONFIGS = new Set([...CONFIG_DEFINITIONS.map((definition) => definition.name), ...Object.keys(CONFIG_ALIASES)]);
/** The channels a subscription can name (seed 000's channels and the API's mobilePush). */
const SUBSCRIPTION_CHANNELS = ['wechat', 'mobile', 'ios', 'line', 'email', 'whatsapp', 'android', 'postmail', 'mobilepush'];
const USER_GROUP = /^\/v2\/userGroup2(\/\d+)?$/;

/** The promo codes a bill request presents. */
function presentedCodes(exchange: Exchange): string[] {
  if (exchange.method !== 'POST' || exchange.path !== TRANSACTIONS) return [];
  try {
    const codes = (JSON.parse(exchange.body.toString('utf8')) as Json).promoCodes;
    return Array.isArray(codes) ? codes.map(String) : [];
  } catch {
    return [];
  }
}

const LEDGER_INFO = '/v2/pointsLedger/getCustomerLedgerInfo';

const TEST_CONTROL = /^\/v2\/customers\/(\d+)\/testControl$/;

/** What the "survivor takes the victim's group" vendor remembers: groups set, and merges requested (victim -> survivor). */
const groupsSeen = { groups: new Map<number, string>(), survivorOf: new Map<number, number>() };

/** A vendor whose ledger pages leave out some events (the page's counts left as they were). */
function ledgerWithout(drop: (event: Json) => boolean): Mutant['response'] {
  return (exchange, status, body) => {
    if (exchange.path === LEDGER_INFO && Array.isArray(body.ledgerEntries)) body.ledgerEntries = body.ledgerEntries.filter((event: Json) => !drop(event));
    return { status, body };
  };
}

/** Edits a JSON request body; a body that is not JSON (the malformed-request scenarios) goes through as sent. */
function rewriteJson(exchange: Exchange, edit: (body: Json) => void): void {
  let body: Json;
  try {
    body = JSON.parse(exchange.body.toString('utf8')) as Json;
  } catch {
    return;
  }
  if (body === null || typeof body !== 'object') return;
  edit(body);
  exchange.body = Buffer.from(JSON.stringify(body));
}

/** A vendor that does not implement the given settings: orgs are created as if they were left out. */
function ignoresSettings(...names: string[]): Mutant['request'] {
  return (exchange) => {
    if (exchange.method !== 'POST' || exchange.path !== CREATE_ORG) return;
    rewriteJson(exchange, (body) => {
      for (const name of names) delete body.configs?.[name];
    });
  };
}

/** A vendor that hard-codes a setting to one value, whatever the org says. */
function pinsSetting(name: string, value: unknown): Mutant['request'] {
  return (exchange) => {
    if (exchange.method !== 'POST' || exchange.path !== CREATE_ORG) return;
    rewriteJson(exchange, (body) => {
      body.configs = { ...body.configs, [name]: value };
    });
  };
}

/** Every string in a JSON value, rewritten by `edit` (objects and arrays are walked, keys kept). */
function mapStrings(value: unknown, edit: (text: string) => string): any {
  if (typeof value === 'string') return edit(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, edit));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, edit)]));
  return value;
}

/**
 * A store that keeps emails exactly as typed and compares them byte for byte: the reference lower-cases
 * emails, so each capital of an email is sent as "^" and its small letter (which lower-casing keeps
 * apart from the small letter alone), and turned back into the capital in every answer.
 */
const keepCase = (text: string) => (text.includes('@') ? text.replace(/[A-Z]/g, (letter) => `^${letter.toLowerCase()}`) : text);
const restoreCase = (text: string) => text.replace(/\^([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** What a proxy remembers between requests: the credentials last seen, for the "no auth check" mutant. */
export interface ProxyMemory {
  lastAuthorization?: string;
  /** The racy promo-code mutant: bills in flight per code, and the last answer that redeemed each code. */
  billsInFlight?: Map<string, number>;
  lastRedemption?: Map<string, Json>;
  /** Customer id -> the Authorization header of a Bearer call that was answered for that customer. */
  bearerFor?: Map<string, string>;
}

const CUSTOMER_APP_CALL = /^\/oauth2\/customers\/(\d+)\//;

export const MUTANTS: Record<string, Mutant> = {
  'ignores-skip-secondary': {
    bug: 'CONF_SKIP_SECONDARY is not implemented: secondary identifiers still match on a primary mismatch',
    caughtIn: ['merges/skip_secondary_enabled.feature'],
    request: ignoresSettings('CONF_SKIP_SECONDARY', 'CONF_SKIP_SECONDARY_ID_ON_PRIMARY_MISMATCH'),
  },
  'email-never-unique': {
    bug: 'CONF_USERS_IS_EMAIL_UNIQUE is always off: an email never identifies a customer',
    caughtIn: ['registration/email_and_external_id.feature', 'merges/skip_secondary_disabled.feature'],
    request: pinsSetting('CONF_USERS_IS_EMAIL_UNIQUE', false),
  },
  'mobile-always-updatable': {
    bug: 'CONF_ALLOW_MOBILE_UPDATE is ignored: a mobile can always be changed',
    caughtIn: ['identifiers/identifier_updates.feature'],
    request: pinsSetting('CONF_ALLOW_MOBILE_UPDATE', true),
  },
  'no-dual-eligibility': {
    bug: 'CONF_INSTORE_V2_ENABLED is not implemented: users sharing secondary identifiers are merged',
    caughtIn: ['dual_eligibility/dual_eligibility.feature'],
    request: ignoresSettings('CONF_INSTORE_V2_ENABLED'),
  },
  'orphans-allowed': {
    bug: 'CONF_RESTRICT_ORPHAN_V2_PROFILE is ignored: WebEngage profiles are created without an Instore one',
    caughtIn: ['registration/orphan_profiles.feature'],
    request: ignoresSettings('CONF_RESTRICT_ORPHAN_V2_PROFILE'),
  },
  'no-strict-check': {
    bug: 'CONF_PRIMARY_IDENTIFIER_STRICT_CHECK is ignored: a secondary match elsewhere is accepted',
    caughtIn: ['registration/primary_identifier_conflicts.feature'],
    request: ignoresSettings('CONF_PRIMARY_IDENTIFIER_STRICT_CHECK'),
  },
  'drops-warnings': {
    bug: 'warnings are never sent: merges and ignored identifiers happen silently',
    caughtIn: ['merges/survivor_and_victim.feature', 'sources_and_channels/source_profiles.feature'],
    response: (_exchange, status, body) => (Array.isArray(body.warnings) ? { status, body: { ...body, warnings: [] } } : { status, body }),
  },
  'primary-not-first': {
    bug: 'the customer view lists identifiers in storage order, not the primary one first',
    caughtIn: ['customer_view/customer_view.feature'],
    response: (exchange, status, body) => {
      if (exchange.method === 'GET' && CUSTOMER_VIEW.test(exchange.path) && Array.isArray(body.identifiers)) {
        body.identifiers = [...body.identifiers].sort((a: Json, b: Json) => String(a.type).localeCompare(String(b.type)));
      }
      return { status, body };
    },
  },
  'no-auth-check': {
    bug: 'requests without credentials are answered as the last till that called',
    caughtIn: ['access/authentication.feature'],
    request: (exchange, memory) => {
      if (exchange.path.startsWith('/x-memberspec')) return;
      if (exchange.headers.authorization) memory.lastAuthorization = exchange.headers.authorization;
      else if (memory.lastAuthorization) exchange.headers.authorization = memory.lastAuthorization;
    },
  },
  'one-subscription-switch': {
    bug: 'promotional and transactional subscriptions are one switch: setting one sets the other too',
    caughtIn: ['subscriptions/subscriptions.feature'],
    request: (exchange) => {
      if (exchange.method !== 'POST' || !SUBSCRIPTIONS.test(exchange.path)) return;
      rewriteJson(exchange, (body) => {
        if (!Array.isArray(body.subscriptions)) return;
        const other = (priority: unknown) => (/^trans(actional)?$/i.test(String(priority)) ? 'BULK' : 'TRANS');
        body.subscriptions = body.subscriptions.flatMap((entry: Json) => [entry, { ...entry, priority: other(entry.priority) }]);
      });
    },
  },
  'one-channel-for-all': {
    bug: "a subscription set for one channel is applied to every channel of the source account",
    caughtIn: ['subscriptions/subscriptions.feature'],
    request: (exchange) => {
      if (exchange.method !== 'POST' || !SUBSCRIPTIONS.test(exchange.path)) return;
      rewriteJson(exchange, (body) => {
        if (!Array.isArray(body.subscriptions)) return;
        body.subscriptions = body.subscriptions.flatMap((entry: Json) => [
          ...SUBSCRIPTION_CHANNELS.filter((channel) => channel !== String(entry.channel).toLowerCase()).map((channel) => ({ ...entry, channel })),
          entry,
        ]);
      });
    },
  },
  'crashes-on-bad-json': {
    bug: 'a malformed JSON body is answered with a 500 and a stack trace',
    caughtIn: ['bad_input/malformed_requests.feature'],
    response: (_exchange, status, body) =>
      body.errors?.some((e: Json) => e.code === 8201)
        ? { status: 500, body: { message: 'SyntaxError: Unexpected token', stack: 'at JSON.parse (<anonymous>)' } }
        : { status, body },
  },
  'luhn-only': {
    bug: 'CONF_CARD_CHECKSUM_DIGIT_ALGO is ignored for MOD7_ALGO: every card number gets a Luhn check digit',
    caughtIn: ['cards/generated_external_ids.feature'],
    request: (exchange) => {
      if (exchange.method !== 'POST' || exchange.path !== CREATE_ORG) return;
      rewriteJson(exchange, (body) => {
        if (body.configs?.CONF_CARD_CHECKSUM_DIGIT_ALGO === 'MOD7_ALGO') body.configs.CONF_CARD_CHECKSUM_DIGIT_ALGO = 'LUHN_ALGO';
      });
    },
  },
  'flat-earn-rate': {
    bug: 'CONF_LOYALTY_POINTS_PER_CURRENCY_UNIT is ignored: every bill earns one point per currency unit',
    caughtIn: ['loyalty_operations/earning_and_referrals.feature'],
    request: ignoresSettings('CONF_LOYALTY_POINTS_PER_CURRENCY_UNIT'),
  },
  'no-issual-limit': {
    bug: "a coupon series' issual limit is not enforced: it issues coupons without end",
    caughtIn: ['loyalty_operations/coupons.feature'],
    request: (exchange) => {
      if (exchange.method !== 'POST' || exchange.path !== COUPON_SERIES) return;
      rewriteJson(exchange, (body) => {
        if (typeof body.issualLimit === 'number' && Number.isInteger(body.issualLimit) && body.issualLimit > 0) body.issualLimit = 1_000_000;
      });
    },
  },
  'restrictions-per-status': {
    bug: 'a restriction selected for one label is applied to every label of the same status',
    caughtIn: ['customer_status/restrictions.feature'],
    request: (exchange) => {
      if (exchange.method !== 'POST' || exchange.path !== CREATE_ORG) return;
      rewriteJson(exchange, (body) => {
        const labels: Json[] = body.statusLabels ?? [];
        for (const label of labels) {
          const sameStatus = labels.filter((other) => other.status === label.status);
          const restrictions = [...new Set(sameStatus.flatMap((other) => other.restrictions ?? []))];
          if (restrictions.length > 0) label.restrictions = restrictions;
        }
      });
    },
  },
  'status-off-by-default': {
    bug: 'customer status is off unless the org turns it on: new orgs show the legacy fraud status (seed 002: enabled by default for new organizations)',
    caughtIn: ['customer_status/fraud_status.feature'],
    request: (exchange) => {
      if (exchange.method !== 'POST' || exchange.path !== CREATE_ORG) return;
      rewriteJson(exchange, (body) => {
        body.configs = { CONF_CUSTOMER_STATUS_ENABLED: false, ...body.configs };
      });
    },
  },
  'channels-from-any-source': {
    bug: 'CONF_CHANNELS_FROM_OWN_SOURCE_ONLY is ignored: a WeChat channel is accepted through any source',
    caughtIn: ['sources_and_channels/channels.feature'],
    request: ignoresSettings('CONF_CHANNELS_FROM_OWN_SOURCE_ONLY'),
  },
  'email-case-sensitive': {
    bug: 'emails are matched letter for letter: Asha.Rao@Example.com and asha.rao@example.com are two customers',
    caughtIn: ['identifiers/email_letter_case.feature'],
    request: (exchange) => {
      if (exchange.body.length > 0 && exchange.headers['content-type']?.includes('json')) {
        try {
          exchange.body = Buffer.from(JSON.stringify(mapStrings(JSON.parse(exchange.body.toString('utf8')), keepCase)));
        } catch {
          // Not JSON: the reference answers it as it is.
        }
      }
      const query = new URLSearchParams(exchange.search);
      // Dual-eligibility lookups send several values in one, comma-separated.
      for (const [name, value] of [...query]) query.set(name, value.split(',').map(keepCase).join(','));
      exchange.search = query.size > 0 ? `?${query}` : '';
    },
    response: (_exchange, status, body) => ({ status, body: mapStrings(body, restoreCase) }),
  },
  'token-reads-any-customer': {
    bug: "a customer app's access token is checked for validity but not for whose it is: it reads and redeems any customer's points",
    caughtIn: ['customer_apps/oauth2_sign_in.feature'],
    // The vendor answers a call about customer B as if B's own token had come: it remembers a token each
    // customer used, and puts it in place of the token sent.
    request: (exchange, memory) => {
      const customerId = CUSTOMER_APP_CALL.exec(exchange.path)?.[1];
      const known = customerId === undefined ? undefined : memory.bearerFor?.get(customerId);
      if (known && /^Bearer /i.test(exchange.headers.authorization ?? '')) exchange.headers.authorization = known;
    },
    response: (exchange, status, body, memory) => {
      const customerId = CUSTOMER_APP_CALL.exec(exchange.path)?.[1];
      if (customerId !== undefined && status === 200 && exchange.headers.authorization) {
        memory.bearerFor ??= new Map();
        memory.bearerFor.set(customerId, exchange.headers.authorization);
      }
      return { status, body };
    },
  },
  'goodwill-active-cards-only': {
    bug: 'goodwill points by card find only the holders of active cards: an expired, blocked or deleted card names no one',
    caughtIn: ['cards/goodwill_by_card.feature'],
    request: async (exchange) => {
      if (exchange.method !== 'POST' || exchange.path !== GOODWILL) return;
      const body = JSON.parse(exchange.body.toString('utf8')) as Json;
      if (body.identifierName !== 'cardnumber' || typeof body.identifierValue !== 'string') return;
      const lookup = new URL('/v2/customers/lookup/customerDetails', exchange.upstream);
      lookup.search = new URLSearchParams({ source: 'ALL', identifierName: 'cardnumber', identifierValue: body.identifierValue }).toString();
      const holder = (await (await fetch(lookup, { headers: { authorization: exchange.headers.authorization ?? '' } })).json()) as Json;
      const card = (holder.cardDetails ?? []).find((entry: Json) => entry.cardNumber === body.identifierValue);
      if (card && card.statusInfo?.status !== 'ACTIVE') rewriteJson(exchange, (edited) => void (edited.identifierValue = `${body.identifierValue}0`));
    },
  },
  'group-loyalty-null-until-transaction': {
    bug: 'a new user group joins the loyalty program only at its first group transaction: until then its slab and points read null',
    caughtIn: ['user_groups/user_groups.feature'],
    response: (exchange, status, body) => {
      const details = body.entity?.loyaltyDetails;
      if (USER_GROUP.test(exchange.path) && details && details.lifetimePoints === 0) body.entity.loyaltyDetails = null;
      return { status, body };
    },
  },
  'day-month-swapped': {
    bug: "an import's slash date formats are read the other way round: D/M/YY as M/D/YY and MM/DD/YY as DD/MM/YY",
    caughtIn: ['imports/connect_plus_imports.feature'],
    request: (exchange) => {
      if (exchange.method !== 'POST' || exchange.path !== IMPORTS) return;
      const swapped: Record<string, string> = {
        'M/D/YY HH:mm:ss': 'D/M/YY HH:mm:ss',
        'D/M/YY HH:mm:ss': 'M/D/YY HH:mm:ss',
        'MM/DD/YY HH:mm:ss': 'D/M/YY HH:mm:ss',
      };
      rewriteJson(exchange, (body) => {
        if (typeof body.dateFormat === 'string' && swapped[body.dateFormat]) body.dateFormat = swapped[body.dateFormat];
      });
    },
  },
  'one-sender-id': {
    bug: 'every SMS goes out from the org default sender ID: the sender ID asked for is ignored even when the OU has it',
    caughtIn: ['communications/communications.feature'],
    request: (exchange) => {
      if (exchange.method !== 'POST' || exchange.path !== SEND_SMS) return;
      rewriteJson(exchange, (body) => void delete body.sender);
    },
  },
  'no-opening-balance': {
    bug: "ledgers start with the first points event: registration writes no opening-balance entries",
    caughtIn: ['points_ledger/opening_balance.feature'],
    response: ledgerWithout((event) => (event.entryDetails ?? []).every((entry: Json) => entry.ledgerEntryType === 'OPENING_BALANCE')),
  },
  'ledger-pages-newest-first': {
    bug: 'each ledger page lists its events newest first',
    caughtIn: ['points_ledger/pages.feature'],
    response: (exchange, status, body) => {
      if (exchange.path === LEDGER_INFO && Array.isArray(body.ledgerEntries)) body.ledgerEntries = [...body.ledgerEntries].reverse();
      return { status, body };
    },
  },
  'merge-writes-no-entries': {
    bug: "a merge moves the victim's balance but writes nothing into either ledger",
    caughtIn: ['points_ledger/merge_entries.feature'],
    response: ledgerWithout((event) => event.eventName === 'MergeCustomer'),
  },
  'return-keeps-redemptions': {
    bug: 'a transaction return takes back the points but shows no credit for the redemptions it reverses',
    caughtIn: ['points_ledger/returns_and_transfers.feature'],
    response: (exchange, status, body) => {
      if (exchange.path === LEDGER_INFO && Array.isArray(body.ledgerEntries)) {
        for (const event of body.ledgerEntries) {
          if (event.eventName === 'TransactionReturn') event.entryDetails = event.entryDetails.filter((entry: Json) => entry.ledgerEntryType !== 'CREDIT');
        }
      }
      return { status, body };
    },
  },
  'ledger-filters-ignored': {
    bug: 'the ledger ignores its entry-type and points-category filters: every entry is listed',
    caughtIn: ['points_ledger/filters_and_balances.feature'],
    request: (exchange) => {
      if (exchange.path !== LEDGER_INFO) return;
      const query = new URLSearchParams(exchange.search);
      query.delete('ledgerEntryType');
      query.delete('pointCategoryType');
      exchange.search = query.toString() ? `?${query}` : '';
    },
  },
  'group-redemption-one-program': {
    bug: 'a redemption spread over several programs shows only the debit of the first program',
    caughtIn: ['points_ledger/redemptions.feature'],
    response: (exchange, status, body) => {
      if (exchange.path === LEDGER_INFO && Array.isArray(body.ledgerEntries)) {
        for (const event of body.ledgerEntries) if (event.eventName === 'PointsRedemption') event.entryDetails = event.entryDetails.slice(0, 1);
      }
      return { status, body };
    },
  },
  'expiry-not-in-ledger': {
    bug: 'expired points leave the balance but the expiry is not written into the ledger',
    caughtIn: ['points_ledger/expiry_and_promised_points.feature'],
    response: ledgerWithout((event) => event.eventName === 'PointsExpiry'),
  },
  'survivor-takes-victim-group': {
    bug: "a merge gives the survivor the victim's test or control group",
    caughtIn: ['merges/what_a_merge_moves.feature'],
    request: (exchange) => {
      const group = TEST_CONTROL.exec(exchange.path);
      if (exchange.method === 'PUT' && group) rewriteJson(exchange, (body) => void groupsSeen.groups.set(Number(group[1]), String(body.status)));
      if (exchange.method === 'POST' && exchange.path === '/v2/requests') {
        rewriteJson(exchange, (body) => void groupsSeen.survivorOf.set(Number(body.customer?.id), Number(body.targetCustomer?.id)));
      }
    },
    response: (exchange, status, body) => {
      if (exchange.method === 'GET' && CUSTOMER_VIEW.test(exchange.path) && typeof body.id === 'number') {
        const victim = [...groupsSeen.survivorOf].find(([, survivor]) => survivor === body.id)?.[0];
        const group = victim === undefined ? undefined : groupsSeen.groups.get(victim);
        if (group !== undefined) body.testControl = { status: group };
      }
      return { status, body };
    },
  },
  'ignores-label-restrictions': {
    bug: 'restrictions set on status labels are never enforced: a suspended customer can still merge, transact, earn and redeem',
    caughtIn: ['customer_status/restrictions.feature'],
    request: (exchange) => {
      if (exchange.method !== 'POST' || exchange.path !== CREATE_ORG) return;
      rewriteJson(exchange, (body) => {
        for (const label of body.statusLabels ?? []) delete label.restrictions;
      });
    },
  },
  // One per rule group (feature file) that no mutant above reaches, so each is proved able to fail.
  'unknown-type-not-found': {
    bug: 'a lookup by an identifier type that does not exist answers "customer not found" (8015) instead of 8013',
    caughtIn: ['bad_input/invalid_registrations.feature'],
    response: (exchange, status, body) =>
      exchange.path === LOOKUP && body.errors?.[0]?.code === 8013
        ? { status: 404, body: { ...body, errors: [{ code: 8015, message: 'Customer not found for the given identifiers' }] } }
        : { status, body },
  },
  'unknown-settings-ignored': {
    bug: 'an org setting the platform does not know is silently ignored instead of refused (8206)',
    caughtIn: ['bad_input/org_settings.feature'],
    request: (exchange) => {
      if (exchange.method !== 'POST' || exchange.path !== CREATE_ORG) return;
      rewriteJson(exchange, (body) => {
        for (const name of Object.keys(body.configs ?? {})) if (!KNOWN_CONFIGS.has(name)) delete body.configs[name];
      });
    },
  },
  'card-length-capped': {
    bug: 'a CONF_CARD_NUMBER_LENGTH above 50 is cut to 50 instead of refused (8260)',
    caughtIn: ['cards/card_series_settings.feature'],
    request: (exchange) => {
      if (exchange.method !== 'POST' || exchange.path !== CREATE_ORG) return;
      rewriteJson(exchange, (body) => {
        if (Number(body.configs?.CONF_CARD_NUMBER_LENGTH) > 50) body.configs.CONF_CARD_NUMBER_LENGTH = 50;
      });
    },
  },
  'card-label-ignored': {
    bug: 'the label given when a card is linked or issued is ignored: every card is added as ACTIVE',
    caughtIn: ['cards/cards.feature'],
    request: (exchange) => {
      if (exchange.method !== 'POST' || !CHANGE_IDENTIFIER.test(exchange.path)) return;
      rewriteJson(exchange, (body) => {
        for (const item of body.add ?? []) if (item?.statusLabel !== undefined) item.statusLabel = 'ACTIVE';
      });
    },
  },
  'fraud-status-hidden': {
    bug: 'the customer view never shows the fraud status',
    caughtIn: ['customer_status/fraud_status.feature'],
    response: (exchange, status, body) => {
      if (exchange.method === 'GET' && CUSTOMER_VIEW.test(exchange.path)) delete body.fraudDetails;
      return { status, body };
    },
  },
  'status-log-oldest-first': {
    bug: 'the status log lists label changes oldest first',
    caughtIn: ['customer_status/status_labels.feature'],
    response: (exchange, status, body) => {
      if (exchange.method === 'GET' && STATUS_LOG.test(exchange.path) && Array.isArray(body.data)) body.data = [...body.data].reverse();
      return { status, body };
    },
  },
  'test-control-change-not-shown': {
    bug: 'a change of test and control group is accepted, but the view keeps showing the auto-assigned test group',
    caughtIn: ['customer_view/test_and_control.feature'],
    response: (exchange, status, body) => {
      if (exchange.method === 'GET' && CUSTOMER_VIEW.test(exchange.path) && body.testControl) body.testControl = { ...body.testControl, status: 'TEST' };
      return { status, body };
    },
  },
  'no-identifier-sync': {
    bug: 'CONF_IDENTIFIERS_SYNC_ENABLED is not implemented: an Instore identifier change never reaches the other profiles',
    caughtIn: ['identifiers/identifier_sync.feature'],
    request: ignoresSettings('CONF_IDENTIFIERS_SYNC_ENABLED'),
  },
  'transactions-always-loyalty': {
    bug: 'every transaction is taken as a loyalty one: a non-loyalty transaction enrols its customer',
    caughtIn: ['loyalty/loyalty_type.feature'],
    request: (exchange) => {
      if (exchange.method !== 'POST' || exchange.path !== TRANSACTIONS) return;
      rewriteJson(exchange, (body) => {
        if (body.customer?.loyaltyType !== undefined) body.customer.loyaltyType = 'loyalty';
      });
    },
  },
  'goodwill-reason-lost': {
    bug: 'goodwill points are credited with a fixed reason, not the one given',
    caughtIn: ['loyalty_operations/points.feature'],
    request: (exchange) => {
      if (exchange.method !== 'POST' || exchange.path !== GOODWILL) return;
      rewriteJson(exchange, (body) => {
        body.reason = 'goodwill';
      });
    },
  },
  'default-tiers-only': {
    bug: "CONF_LOYALTY_TIERS is ignored: every org has the platform's default tiers",
    caughtIn: ['loyalty_operations/tiers.feature'],
    request: ignoresSettings('CONF_LOYALTY_TIERS'),
  },
  'bill-total-not-checked': {
    bug: 'a bill whose lines do not add up is recorded: the vendor recomputes the amounts from the lines',
    caughtIn: ['loyalty_operations/transactions.feature'],
    request: (exchange) => {
      if (exchange.method !== 'POST' || exchange.path !== TRANSACTIONS) return;
      rewriteJson(exchange, (body) => {
        if (!Array.isArray(body.lineItems) || body.lineItems.length === 0) return;
        for (const line of body.lineItems) line.amount = Number(line.qty) * Number(line.rate);
        body.billAmount = body.lineItems.reduce((total: number, line: Json) => total + line.amount, 0);
      });
    },
  },
  'no-country-code-completion': {
    bug: 'CONF_CLIENT_DEFAULT_COUNTRYCODE_PASSED is not implemented: a mobile without its country code is refused',
    caughtIn: ['registration/mobile_country_code.feature'],
    request: ignoresSettings('CONF_CLIENT_DEFAULT_COUNTRYCODE_PASSED'),
  },
  'email-never-required': {
    bug: 'CONF_USERS_IS_EMAIL_REQUIRED is ignored: a registration without an email is accepted',
    caughtIn: ['registration/primary_identifier.feature'],
    request: ignoresSettings('CONF_USERS_IS_EMAIL_REQUIRED'),
  },
  'no-minimum-registration-date': {
    bug: 'CONF_MIN_REGISTRATION_DATE is ignored: registrations dated before the minimum are accepted',
    caughtIn: ['registration/registration_date.feature'],
    request: ignoresSettings('CONF_MIN_REGISTRATION_DATE'),
  },
  'channels-of-first-profile': {
    bug: "the customer view shows the first source profile's communication channels on every profile",
    caughtIn: ['sources_and_channels/channels.feature'],
    response: (exchange, status, body) => {
      if (exchange.method === 'GET' && CUSTOMER_VIEW.test(exchange.path) && Array.isArray(body.profiles) && body.profiles.length > 1) {
        const first = body.profiles[0].commChannels;
        body.profiles = body.profiles.map((profile: Json) => ({ ...profile, commChannels: first }));
      }
      return { status, body };
    },
  },
  'one-profile-per-source': {
    bug: 'the customer view shows one profile per source, hiding the other accounts of a multi-account source',
    caughtIn: ['sources_and_channels/multi_account_sources.feature'],
    response: (exchange, status, body) => {
      if (exchange.method === 'GET' && CUSTOMER_VIEW.test(exchange.path) && Array.isArray(body.profiles)) {
        body.profiles = body.profiles.filter((profile: Json, index: number) => body.profiles.findIndex((other: Json) => other.source === profile.source) === index);
      }
      return { status, body };
    },
  },
  'unknown-source-as-instore': {
    bug: 'a registration through a source the platform does not support is taken as an Instore registration',
    caughtIn: ['sources_and_channels/sources.feature'],
    request: (exchange) => {
      if (exchange.method !== 'POST' || exchange.path !== REGISTRATION) return;
      rewriteJson(exchange, (body) => {
        for (const profile of Array.isArray(body.profiles) ? body.profiles : []) {
          if (typeof profile?.source === 'string' && !resolveSource(profile.source)) {
            profile.source = 'INSTORE';
            delete profile.accountId;
          }
        }
      });
    },
  },
  'drops-customer-attributes': {
    bug: "a registration's custom fields and extended fields are accepted but never stored",
    caughtIn: ['customer_view/customer_attributes.feature'],
    request: (exchange) => {
      if (exchange.method !== 'POST' || exchange.path !== REGISTRATION) return;
      rewriteJson(exchange, (body) => {
        delete body.extendedFields;
        for (const profile of Array.isArray(body.profiles) ? body.profiles : []) delete profile?.fields;
      });
    },
  },
  'refuses-wechat': {
    bug: 'only mobile, email and external ID are identifiers: a WeChat id is refused as an unknown identifier type (8013)',
    caughtIn: ['identifiers/other_identifiers.feature'],
    request: (exchange) => {
      const change = exchange.method === 'POST' && CHANGE_IDENTIFIER.test(exchange.path);
      if (!change && !(exchange.method === 'POST' && exchange.path === REGISTRATION)) return;
      // As the vendor's own type check would: the wechat type becomes one the reference does not know either.
      const rename = (list: unknown) => {
        for (const item of Array.isArray(list) ? list : []) if (item?.type === 'wechat') item.type = 'wechat-unsupported';
      };
      rewriteJson(exchange, (body) => {
        if (change) rename(body.add);
        else for (const profile of Array.isArray(body.profiles) ? body.profiles : []) rename(profile?.identifiers);
      });
    },
  },
  // Seed 003: code-linked promotions.
  'promo-codes-never-expire': {
    bug: "a promotion's expiry is not enforced: its codes stay valid after it ends",
    caughtIn: ['promotions/code_linked_promotions.feature'],
    request: (exchange) => {
      if (exchange.method !== 'POST' || exchange.path !== PROMOTIONS) return;
      rewriteJson(exchange, (body) => {
        if (typeof body.validTill === 'string') body.validTill = '2199-12-31T23:59:59Z';
      });
    },
  },
  'no-promo-code-limit': {
    bug: "a promo code's redemption limit is not enforced: every customer gets the benefit",
    caughtIn: ['promotions/redemption_limits.feature'],
    request: (exchange) => {
      if (exchange.method !== 'POST' || exchange.path !== PROMOTIONS) return;
      rewriteJson(exchange, (body) => {
        body.limits = { ...body.limits, redemptionsPerCode: 1_000_000 };
      });
    },
  },
  'linked-code-not-applied': {
    bug: 'a code linked to a customer is never applied at their next transaction',
    caughtIn: ['promotions/code_linked_promotions.feature'],
    response: (exchange, status, body) => {
      if (exchange.method === 'POST' && exchange.path === TRANSACTIONS && Array.isArray(body.appliedPromotions)) {
        body.appliedPromotions = body.appliedPromotions.filter((applied: Json) => applied.linked !== true);
      }
      return { status, body };
    },
  },
  'racy-promo-code-limit': {
    bug: "a promo code's remaining redemptions are read before the bill and counted after it: customers paying at the same time all get the last one",
    caughtIn: ['promotions/redemption_limits.feature'],
    request: (exchange, memory) => {
      const inFlight = (memory.billsInFlight ??= new Map());
      for (const code of presentedCodes(exchange)) inFlight.set(code, (inFlight.get(code) ?? 0) + 1);
    },
    response: (exchange, status, body, memory) => {
      const codes = presentedCodes(exchange);
      const inFlight = (memory.billsInFlight ??= new Map());
      const redeemed = (memory.lastRedemption ??= new Map());
      const raced = codes.some((code) => (inFlight.get(code) ?? 0) > 1);
      for (const code of codes) inFlight.set(code, (inFlight.get(code) ?? 1) - 1);
      if (status === 200) for (const code of codes) redeemed.set(code, body);
      const winner = codes.map((code) => redeemed.get(code)).find(Boolean);
      // A bill refused for the limit while another bill with the code was in flight saw the old count.
      if (raced && winner && body.errors?.some((e: Json) => e.code === 8508)) return { status: 200, body: { ...winner, warnings: [] } };
      return { status, body };
    },
  },
  // Seed 003: coupon statuses, issual notification, claimed information, redemptions.
  'coupons-never-expire': {
    bug: "a coupon series' expiry is ignored: its coupons stay active for ever",
    caughtIn: ['coupons/coupon_statuses.feature'],
    request: (exchange) => {
      if (exchange.method !== 'POST' || exchange.path !== COUPON_SERIES) return;
      rewriteJson(exchange, (body) => {
        delete body.validTill;
      });
    },
  },
  'no-issual-limit-notification': {
    bug: "the series' \"send notification for issual limit\" setting is ignored: the brand is never notified",
    caughtIn: ['coupons/issual_limit_notification.feature'],
    request: (exchange) => {
      if (exchange.method !== 'POST' || exchange.path !== COUPON_SERIES) return;
      rewriteJson(exchange, (body) => {
        if (typeof body.notifyWhenRemaining === 'number' && Number.isInteger(body.notifyWhenRemaining) && body.notifyWhenRemaining > 0 && body.notifyWhenRemaining < body.issualLimit) {
          delete body.notifyWhenRemaining;
        }
      });
    },
  },
  'claimed-by-type-only': {
    bug: 'a claimed series shows only whether Outbound or Loyalty claimed it, not the campaign or program',
    caughtIn: ['coupons/claimed_information.feature'],
    response: (exchange, status, body) => {
      if (SERIES_INFO.test(exchange.path) && body.entity) {
        delete body.entity.campaignUsingThisOffer;
        delete body.entity.programUsingThisOffer;
      }
      return { status, body };
    },
  },
  'redemptions-without-store': {
    bug: 'redemptions do not record the store they were made in',
    caughtIn: ['coupons/customer_redemptions.feature'],
    response: (exchange, status, body) => {
      const redemptions = body.response?.customer?.redemptions;
      if (exchange.path === REDEMPTIONS && redemptions) {
        for (const row of [...(redemptions.coupons?.coupon ?? []), ...(redemptions.points?.point ?? [])]) {
          delete row.redeemed_store;
          row.redeemed_at = '';
        }
      }
      return { status, body };
    },
  },
  // Seed 003: Audience Manager filters.
  'audience-at-least-n': {
    bug: 'the distinct-transactions audience filter reads "more than n" as "n or more"',
    caughtIn: ['audiences/audience_filters.feature'],
    request: (exchange) => {
      if (exchange.method !== 'POST' || exchange.path !== AUDIENCES) return;
      rewriteJson(exchange, (body) => {
        for (const filter of Array.isArray(body.filters) ? body.filters : []) {
          if (filter?.type === 'DISTINCT_TRANSACTIONS' && typeof filter.moreThan === 'number' && filter.moreThan >= 1) filter.moreThan -= 1;
        }
      });
    },
  },
};

export interface RunningMutant {
  url: string;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Starts a fresh reference server and the mutant's proxy in front of it. */
export async function startMutantVendor(mutant: Mutant): Promise<RunningMutant> {
  const reference = await startReferenceServer();
  const memory: ProxyMemory = {};
  const proxy = createServer((request: IncomingMessage, response: ServerResponse) => {
    void forward(reference.url, mutant, memory, request, response).catch((error: unknown) => {
      response.writeHead(502, { 'content-type': 'text/plain' }).end(`mutant proxy: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        proxy.close(() => resolve());
        proxy.closeAllConnections();
      });
      await reference.close();
    },
  };
}

/** Answer headers the suite reads besides the content type: a redirect's target, an auth challenge, a token
 * answer's caching (RFC 6749 5.1). */
const PASSED_HEADERS = ['location', 'www-authenticate', 'cache-control', 'pragma'];

async function forward(
  upstream: string,
  mutant: Mutant,
  memory: ProxyMemory,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', upstream);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string' && name !== 'host' && name !== 'content-length' && name !== 'connection') headers[name] = value;
  }
  const exchange: Exchange = { method: request.method ?? 'GET', path: url.pathname, search: url.search, headers, body: await readBody(request), upstream };
  await mutant.request?.(exchange, memory);
  url.search = exchange.search;
  const answer = await fetch(url, {
    method: exchange.method,
    headers: exchange.headers,
    ...(exchange.body.length > 0 ? { body: new Uint8Array(exchange.body) } : {}),
    // A sign-in page's redirect goes back to the suite as it is, like any other answer.
    redirect: 'manual',
  });
  const text = await answer.text();
  let status = answer.status;
  let body = text;
  if (mutant.response && answer.headers.get('content-type')?.includes('json')) {
    const mutated = mutant.response(exchange, status, JSON.parse(text) as Json, memory);
    status = mutated.status;
    body = JSON.stringify(mutated.body);
  }
  const passed = Object.fromEntries(PASSED_HEADERS.flatMap((name) => (answer.headers.has(name) ? [[name, answer.headers.get(name) as string]] : [])));
  response.writeHead(status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain', ...passed }).end(body);
}
