// Per-scenario state: the driver, the org (created lazily so Background and scenario can both add
// settings), the named customers, the symbol table and the last answer. Holds no business rules.
import { randomBytes } from 'node:crypto';
import { World, setWorldConstructor, type IWorldOptions } from '@cucumber/cucumber';
import { expect } from 'chai';
import {
  HarnessError,
  NotApplicableError,
  type CustomerView,
  type Driver,
  type Identifier,
  type IncomingCustomer,
  type LedgerPageView,
  type LoyaltyType,
  type OrgSession,
  type OrgSetup,
  type Result,
  type StatusLabelSetup,
} from '../../driver/driver.ts';
import type { IdentifierSpec, SourceSpec } from './parameter_types.ts';
import { SymbolTable } from './symbol_table.ts';

/** "Campaign User (Customer 1)" and "campaign user" name the same role. */
export function roleKey(name: string): string {
  return name.replace(/\(.*?\)/g, '').trim().toLowerCase().replace(/\s+/g, ' ');
}

type Setup = { configs: Record<string, unknown>; baseCountry?: string; supportedCountries?: string[]; statusLabels?: StatusLabelSetup[]; brandContacts?: string[] };

/** A feature's setting row into an org setup: "base country", "supported countries" or a CONF_* config. */
export function applySetting(setup: Setup, name: string, value: string): void {
  if (name === 'base country') setup.baseCountry = value;
  else if (name === 'supported countries') setup.supportedCountries = value.split(/\s*,\s*/).filter(Boolean);
  else setup.configs[name] = value === 'true' ? true : value === 'false' ? false : value;
}

export class MemberspecWorld extends World {
  driver?: Driver;
  readonly symbols = new SymbolTable();
  /** Role (see roleKey) -> customer id. */
  readonly customers = new Map<string, number>();
  /** Role -> loyalty type, from the seed's terms. */
  readonly userTypes = new Map<string, LoyaltyType>();
  /** Seed 004's "Incoming transaction user data" (ruling 4: data, not a customer). */
  incoming?: Identifier[];
  private lastResult?: Result<unknown>;
  private lastRead = true;
  private setup: Setup = { configs: {} };
  private orgSession?: Promise<OrgSession>;
  private billCount = 0;
  /** @new-org scenarios: their outcome depends on a fresh org (a card series' first numbers). */
  requiresNewOrg = false;
  private readonly billPrefix = randomBytes(4).toString('hex');
  /** Loyalty operations: coupon series by the feature's name, and issued codes by "series/customer". */
  readonly couponSeries = new Map<string, number>();
  readonly couponCodes = new Map<string, string>();
  /** The restriction matrix: loyalty accounts (points, ledger, coupons, transactions) as read before a request. */
  readonly notedAccounts = new Map<string, unknown>();
  /** Points ledger (seed 003): bills by the feature's name, redemptions by "customer/points", the programs given. */
  readonly bills = new Map<string, { billNumber: string; transactionId: number; customer: string }>();
  readonly redemptions = new Map<string, number>();
  /** Pages read one after the other, and the org's clock as a scenario set it (epoch ms). */
  ledgerPages: LedgerPageView[] = [];
  clock?: number;

  constructor(options: IWorldOptions) {
    super(options);
  }

  /** The last request's answer. Reading it counts as checking it (see uncheckedRefusal). */
  get last(): Result<unknown> | undefined {
    this.lastRead = true;
    return this.lastResult;
  }

  set last(result: Result<unknown> | undefined) {
    this.lastResult = result;
    this.lastRead = false;
  }

  /** A refusal no step looked at: the scenario would pass while the request silently failed. */
  uncheckedRefusal(): string | undefined {
    const result = this.lastResult;
    if (this.lastRead || !result || result.ok) return undefined;
    return `the last request was refused with error ${result.error.code} (${result.error.message}), but no step checked its answer`;
  }

  /** The org's loyalty programs, as its settings name them (CONF_LOYALTY_PROGRAMS; the default's one program). */
  get programs(): string[] {
    return String(this.setup.configs.CONF_LOYALTY_PROGRAMS ?? 'Default Program').split(',').map((program) => program.trim());
  }

  /** Adds an org setting; settings must all be known before the org is first used. */
  addSetting(name: string, value: string): void {
    if (this.orgSession) throw new HarnessError(`org setting ${name} given after the org was first used`);
    applySetting(this.setup, name, value);
  }

  /** The org's customer status labels, in creation order; like settings, known before the org is first used. */
  setStatusLabels(labels: StatusLabelSetup[]): void {
    if (this.orgSession) throw new HarnessError('status labels given after the org was first used');
    this.setup.statusLabels = labels;
  }

  /** The brand's registered contacts (seed 003 notifications); like settings, known before the org is first used. */
  setBrandContacts(contacts: string[]): void {
    if (this.orgSession) throw new HarnessError('brand contacts given after the org was first used');
    this.setup.brandContacts = contacts;
  }

  /** The org of this scenario, created on first use with every setting given so far. */
  session(): Promise<OrgSession> {
    this.orgSession ??= this.newOrg({ ...this.setup, configs: { ...this.setup.configs } }).then((session) => {
      // After createOrg, so that a fixed org lacking a setting is reported by that setting first.
      if (this.setup.brandContacts && this.driver && !this.driver.capabilities.testControl) {
        throw new NotApplicableError("needs the brand's registered contacts, which only the test-control extension can set");
      }
      if (this.requiresNewOrg && this.driver && !this.driver.capabilities.testControl) {
        throw new NotApplicableError("needs a new org from the test-control extension: the numbers a card series issues depend on what it issued before");
      }
      return session;
    });
    return this.orgSession;
  }

  /** A second org with the documented defaults (isolation scenarios); needs the test-control extension. */
  otherOrg(): Promise<OrgSession> {
    if (this.driver && !this.driver.capabilities.testControl) {
      throw new NotApplicableError('needs a second org, which only the test-control extension can create');
    }
    return this.newOrg({});
  }

  private newOrg(setup: OrgSetup): Promise<OrgSession> {
    if (!this.driver) throw new HarnessError('no driver: the Before hook did not run');
    return this.driver.createOrg(setup);
  }

  value(token: string): string | undefined {
    return this.symbols.resolve(token);
  }

  identifiers(specs: readonly IdentifierSpec[]): Identifier[] {
    return specs.flatMap(({ type, token }) => {
      const value = this.value(token);
      return value === undefined ? [] : [{ type, value }];
    });
  }

  incomingCustomer(source: SourceSpec, loyalty: LoyaltyType | undefined, identifiers: Identifier[]): IncomingCustomer {
    return { source: source.source, accountId: source.accountId, loyaltyType: loyalty, identifiers };
  }

  /** Unique across scenarios too: on a vendor's fixed org every scenario's bills land in the same org. */
  nextBillNumber(): string {
    this.billCount += 1;
    return `bill-${this.billPrefix}-${this.billCount}`;
  }

  /** Which of the scenario's bills (1 for the first) was sent with this number; the number itself if none. */
  billOrdinal(billNumber: string): string {
    const match = /^bill-([0-9a-f]+)-(\d+)$/.exec(billNumber);
    return match && match[1] === this.billPrefix ? match[2] : billNumber;
  }

  nameCustomer(name: string, id: number): void {
    this.customers.set(roleKey(name), id);
  }

  customerId(name: string): number {
    const id = this.customers.get(roleKey(name));
    if (id === undefined) throw new HarnessError(`no customer named "${name}" in this scenario`);
    return id;
  }

  /** The id of the customer the last request answered with (registration, transaction, lookup). */
  lastCustomerId(): number {
    const last = this.last;
    expect(last, 'no request was made').to.not.equal(undefined);
    if (last && !last.ok) expect.fail(`the request was refused with error ${last.error.code}: ${last.error.message}`);
    const value = (last as { value: { customerId?: number } }).value;
    if (typeof value.customerId !== 'number') throw new HarnessError('the last answer names no customer');
    return value.customerId;
  }

  /** The current view of a named customer; a refusal fails the scenario. */
  async view(name: string): Promise<CustomerView> {
    const result = await (await this.session()).getCustomer(this.customerId(name));
    if (!result.ok) expect.fail(`reading "${name}" was refused with error ${result.error.code}: ${result.error.message}`);
    return result.value;
  }

  describe(value: string | undefined): string {
    return this.symbols.describe(value);
  }

  /**
   * An identifier value as the suite compares it: emails without regard to letter case (ruling 10: how a
   * target keeps and shows an email's case is its own choice), described by the symbol it came from.
   */
  comparable(type: string, value: string | undefined): string {
    return this.describe(type === 'email' ? value?.toLowerCase() : value);
  }
}

setWorldConstructor(MemberspecWorld);
