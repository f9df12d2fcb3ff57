// The reference's service over a Store: each operation opens a Changeset, lets the domain rule decide, and
// commits only when the rule returns. A DomainError leaves the store exactly as it was.
// Groups of operations beyond identity (statuses, loyalty, cards, subscriptions) live in their own
// files as `create<Group>Operations(core)` and are spread into the service here.
import { createHash, timingSafeEqual } from 'node:crypto';
import { randomBytes, wallClock } from './entropy.ts';
import { changeWithCards, withGeneratedExternalId } from '../domain/cards.ts';
import { parseOrgConfigs, readSettings } from '../domain/configs.ts';
import { toCustomerView } from '../domain/customer_view.ts';
import { customerStatusEnabled, defaultLabel, parseStatusLabels } from '../domain/customer_status.ts';
import { DomainError, warning } from '../domain/errors.ts';
import { validateIncoming } from '../domain/incoming_customer.ts';
import { lookupCustomerId } from '../domain/lookup.ts';
import { requestMerge } from '../domain/merge_request.ts';
import { isKnownCountry } from '../domain/phone.ts';
import { resolveIncoming } from '../domain/registration.ts';
import type { OrgSetup } from '../domain/types.ts';
import { updateCustomer } from '../domain/update_customer.ts';
import { createMemoryStore } from '../store/memory_store.ts';
import type { Store, TransactionRecord } from '../store/store.ts';
import type { IdentityService } from './identity_service.ts';
import { createAudienceOperations } from './audience_operations.ts';
import { createCardOperations } from './card_operations.ts';
import { createCommunicationOperations, createMemoryOutbox } from './communications.ts';
import { createCustomerAppOperations } from './customer_app_sign_in.ts';
import { createUserGroupOperations } from './user_groups.ts';
import { createImportOperations } from './imports.ts';
import { createCouponOperations } from './coupon_operations.ts';
import { createLoyaltyOperations } from './loyalty_operations.ts';
import { createOperationGuard } from './operation_guard.ts';
import { createPromotionOperations } from './promotion_operations.ts';
import { createServiceCore } from './service_core.ts';
import { createStatusOperations } from './status_operations.ts';
import { createSubscriptionOperations } from './subscription_operations.ts';

const md5 = (text: string) => createHash('md5').update(text).digest();

function countries(setup: OrgSetup): { baseCountry: string; supportedCountries: string[] } {
  const baseCountry = (setup.baseCountry ?? 'IN').toUpperCase();
  const supportedCountries = (setup.supportedCountries ?? []).map((country) => country.toUpperCase());
  if (!isKnownCountry(baseCountry)) throw new DomainError(8207, 'baseCountry', setup.baseCountry ?? '');
  const unknown = supportedCountries.find((country) => !isKnownCountry(country));
  if (unknown !== undefined) throw new DomainError(8207, 'supportedCountries', unknown);
  return { baseCountry, supportedCountries };
}

export interface IdentityServiceOptions {
  /** The clock for registration dates; tests pin it. */
  readonly now?: () => string;
  /** How many orgs this server creates at most; past it, org creation is refused (8309, 429). Default DEFAULT_MAX_ORGS. */
  readonly maxOrgs?: number;
}

/** Enough for the whole suite many times over on one server; a shared sandbox sets its own. */
export const DEFAULT_MAX_ORGS = 10_000;

/** The reference's application layer; in-memory by default. Also exposes the store's transactions. */
export function createIdentityService(
  store: Store = createMemoryStore(),
  options: IdentityServiceOptions = {},
): IdentityService & { listTransactions(orgId: number): TransactionRecord[] } {
  const core = createServiceCore(store, options.now ?? wallClock);
  const { orgOf, transact, guardForeign, view, now } = core;
  const guard = createOperationGuard(core);
  const outbox = createMemoryOutbox();

  const service: IdentityService & { listTransactions(orgId: number): TransactionRecord[] } = {
    createOrg(setup) {
      // Stryker disable next-line LogicalOperator: the server's org budget (serve --max-orgs), memberspec's own limit, no vendor rule
      const maxOrgs = options.maxOrgs ?? DEFAULT_MAX_ORGS;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: the same
      if (store.orgCount() >= maxOrgs) throw new DomainError(8309, maxOrgs);
      const configs = parseOrgConfigs(setup.configs);
      const { baseCountry, supportedCountries } = countries(setup);
      const statusLabels = parseStatusLabels(setup.statusLabels);
      const brandContacts = (setup.brandContacts ?? []).map(String);
      return store.createOrg((id) => ({
        id,
        configs,
        baseCountry,
        supportedCountries,
        till: { username: `org${id}.till`, password: randomBytes(12).toString('hex') },
        // Stryker disable next-line ConditionalExpression,EqualityOperator: an empty list and no list are read alike
        ...(statusLabels.length > 0 ? { statusLabels } : {}),
        // Stryker disable next-line ConditionalExpression,EqualityOperator: the same
        ...(brandContacts.length > 0 ? { brandContacts } : {}),
      }));
    },

    authenticate(username, passwordMd5) {
      const org = store.findOrgByTillUsername(username);
      if (!org || !/^[0-9a-fA-F]{32}$/.test(passwordMd5)) return undefined;
      const expected = md5(org.till.password);
      return timingSafeEqual(expected, Buffer.from(passwordMd5, 'hex')) ? org : undefined;
    },

    register(orgId, input) {
      const { result } = transact(orgId, (changeset, org) => {
        const outcome = withGeneratedExternalId(org, changeset, input, (incoming) =>
          resolveIncoming(org, changeset, validateIncoming(incoming, org, now()), 'registration'),
        );
        return { ...outcome, created: changeset.createdCustomerIds().includes(outcome.result.customerId) };
      });
      const org = orgOf(orgId);
      // Ruling 6: with customer status on and no default label yet, the new customer is Active without one.
      const noDefault = result.created && customerStatusEnabled(org) && !defaultLabel(org);
      return { value: result.result, warnings: noDefault ? [...result.warnings, warning(8107)] : result.warnings };
    },

    lookup(orgId, query) {
      return { value: lookupCustomerId(orgOf(orgId), store.customers(orgId), query), warnings: [] };
    },

    getCustomer(orgId, customerId) {
      const org = orgOf(orgId);
      const customer = store.customers(orgId).get(customerId);
      if (!customer) throw new DomainError(8015);
      return view(org, customer);
    },

    getCustomerByIdentifier(orgId, query) {
      const org = orgOf(orgId);
      const reader = store.customers(orgId);
      return view(org, reader.get(lookupCustomerId(org, reader, query))!);
    },

    updateCustomer(orgId, customerId, update) {
      guardForeign(orgId, customerId);
      const { result } = transact(orgId, (changeset) => updateCustomer(changeset, customerId, update));
      return { value: result, warnings: [] };
    },

    changeIdentifier(orgId, customerId, change) {
      guardForeign(orgId, customerId);
      const customer = store.customers(orgId).get(customerId);
      if (customer) guard.requireAllowed(orgId, customer, 'BLOCK_IDENTIFIER_CHANGE_AND_MERGE');
      const { result } = transact(orgId, (changeset, org) => changeWithCards(org, changeset, customerId, change));
      return { value: { customerId: result.customerId }, warnings: result.warnings };
    },

    requestMerge(orgId, request) {
      const { result } = transact(orgId, (changeset, org) => requestMerge(org, changeset, request));
      const value = { requestId: store.nextMergeRequestId(), survivorId: request.survivorId, victimId: request.victimId, status: 'APPROVED' as const };
      return { value, warnings: [result.warning] };
    },

    listCustomers(orgId) {
      const org = orgOf(orgId);
      const primaryKey = readSettings(org.configs).primaryKey;
      // The store lists customers in the order they were created, which is the order of their ids.
      const customers = store.listCustomers(orgId);
      return { customers: customers.map((customer) => toCustomerView(customer, primaryKey)), merges: store.listMerges(orgId) };
    },

    listTransactions: (orgId) => store.listTransactions(orgId),

    ...createSubscriptionOperations(core),
    ...createLoyaltyOperations(core, guard),
    ...createStatusOperations(core),
    ...createCardOperations(core),
    ...createCustomerAppOperations(core, outbox),
    ...createUserGroupOperations(core, guard),
    ...createCommunicationOperations(core, outbox),
    // Imports run each row through the service's own operations.
    ...createImportOperations(core, () => service),
    ...createPromotionOperations(core),
    ...createCouponOperations(core),
    ...createAudienceOperations(core),
    orgNow: (orgId) => core.orgNow(orgId),
  };
  return service;
}
