// The port between the living spec and any target. Steps call only what is declared here;
// adapters (in-process, HTTP) implement it. Results are plain data, never HTTP objects.
import type {
  Card,
  CardRequest,
  CustomerUpdate,
  CustomerView,
  IdentifierChange,
  IncomingCustomer,
  LookupQuery,
  MergeRecord,
  OrgSetup,
  TransactionInput,
} from '../reference/domain/types.ts';

export type {
  Card,
  CardRequest,
  CardStatus,
  CommChannel,
  CustomerUpdate,
  CustomerView,
  Identifier,
  IdentifierChange,
  IncomingCustomer,
  LookupQuery,
  LoyaltyType,
  MergeRecord,
  OrgSetup,
  SourceProfile,
  TransactionInput,
} from '../reference/domain/types.ts';

export interface ApiMessage {
  readonly code: number;
  readonly message: string;
}

/** What the target answered to one operation (a contract operationId): a value with warnings, or a refusal. */
export type Result<T> =
  | { readonly ok: true; readonly operation: string; readonly value: T; readonly warnings: readonly ApiMessage[] }
  | {
      readonly ok: false;
      readonly operation: string;
      readonly status: number;
      readonly error: ApiMessage;
      readonly errors: readonly ApiMessage[];
    };

export interface Capabilities {
  /** The target offers the test-control extension (isolated orgs with given configs, customer listing). */
  readonly testControl: boolean;
}

/** One request/response pair, kept for the report. Credentials are redacted. */
export interface Exchange {
  readonly operation: string;
  readonly method: string;
  readonly url: string;
  readonly requestHeaders: Record<string, string>;
  readonly requestBody?: unknown;
  readonly status: number;
  readonly responseBody?: unknown;
  readonly durationMs: number;
}

export interface Driver {
  /** 'in-process' or 'http'. */
  readonly name: string;
  readonly capabilities: Capabilities;
  /**
   * An isolated org with the given configs, and a session authenticated as its till.
   * Throws NotApplicableError when the target has a fixed configuration that differs, and
   * HarnessError when the target refuses the setup (the scenario's setup is then broken).
   */
  createOrg(setup: OrgSetup): Promise<OrgSession>;
  /**
   * Test control: asks the target for a new org and returns its answer, a refusal included (an unknown
   * config 8206, a bad value 8207). Throws NotApplicableError without the test-control extension.
   */
  requestOrg(setup: OrgSetup): Promise<Result<OrgSession>>;
  /** Every exchange since the last call, oldest first; clears the buffer. */
  takeTranscript(): Exchange[];
  close(): Promise<void>;
}

export interface OrgSession {
  readonly orgId: string;
  register(customer: IncomingCustomer): Promise<Result<{ customerId: number }>>;
  /** Sends a registration body exactly as given (for malformed or oversized input). */
  registerRaw(body: string): Promise<Result<{ customerId: number }>>;
  addTransaction(transaction: TransactionInput): Promise<Result<{ transactionId: number; customerId: number }>>;
  lookUp(query: LookupQuery): Promise<Result<{ customerId: number }>>;
  getCustomer(customerId: number): Promise<Result<CustomerView>>;
  getCustomerByIdentifier(query: LookupQuery): Promise<Result<CustomerView>>;
  updateCustomer(customerId: number, update: CustomerUpdate): Promise<Result<{ customerId: number }>>;
  changeIdentifier(customerId: number, change: IdentifierChange): Promise<Result<{ customerId: number }>>;
  mergeCustomers(request: { survivorId: number; victimId: number }): Promise<Result<{ requestId: number }>>;
  /** Test control: all customers of the org, merge victims included. */
  listCustomers(): Promise<{ customers: CustomerView[]; merges: MergeRecord[] }>;
  /** The same org reached with no credentials at all. */
  anonymous(): OrgSession;
  /** Seed 002 "Link card" (a number) or "Issue card" (a series' next number), through changeIdentifier. */
  addCard(customerId: number, card: CardRequest, through: { source: string; accountId?: string }): Promise<Result<{ customerId: number }>>;
  /** Seed 002 "Change card status & label". */
  changeCardStatus(customerId: number, cardNumber: string, status: string, label?: string): Promise<Result<{ card: Card }>>;
  /** Seed 002 "Check availability" of a card number (optionally as a number of a series). */
  checkCardAvailability(cardNumber: string, seriesId?: number): Promise<Result<{ available: boolean; reason?: string }>>;
}

/** The target cannot run this scenario (its fixed configuration differs); not a failure. */
export class NotApplicableError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NotApplicableError';
  }
}

/** The target answered outside the contract: the message names the operation and the field. */
export class ContractViolationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContractViolationError';
  }
}

/** The harness, the setup or the transport broke: the scenario's verdict is "error", not "failed". */
export class HarnessError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HarnessError';
  }
}
