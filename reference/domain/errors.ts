// One catalogue of every code the reference answers with. Numeric codes and messages are the
// platform's where its docs name them (`documented: true`); the rest are chosen in the same style
// and marked so in the contract. A test checks that the contract lists every code here.

export interface ErrorDefinition {
  /** HTTP status of the response when this code is an error. */
  readonly httpStatus: number;
  /** Message template; {0}, {1}... are filled from the error's params. */
  readonly message: string;
  /** True when the platform's public docs name this code; false when memberspec chose it. */
  readonly documented: boolean;
}

export const ERRORS = {
  // Request level
  401: { httpStatus: 401, message: 'Authentication failed. Please check username and password.', documented: true },
  404: { httpStatus: 404, message: 'Resource not found: {0}', documented: true },
  415: { httpStatus: 415, message: 'Unsupported media type: send application/json', documented: true },
  1064: { httpStatus: 400, message: 'Invalid org ID: {0}', documented: true },

  // Customer add / lookup / get (v2)
  3217: { httpStatus: 400, message: 'Source is invalid: {0}', documented: true },
  8003: { httpStatus: 400, message: 'Invalid source passed: {0}', documented: true },
  8004: { httpStatus: 400, message: 'Add failed, No source passed', documented: true },
  8005: { httpStatus: 400, message: 'Add failed, No valid identifiers passed', documented: true },
  8006: { httpStatus: 400, message: 'Add failed, Customer already exists with id {0} for same source', documented: true },
  8007: { httpStatus: 400, message: 'Update failed, Customer already exists for same source', documented: true },
  8009: { httpStatus: 400, message: 'Update failed, Customer not found', documented: true },
  8010: { httpStatus: 400, message: 'Invalid communication channel passed: {0}', documented: true },
  8013: { httpStatus: 400, message: 'Customer identifier is invalid: {0}', documented: true },
  8014: { httpStatus: 400, message: 'Error in customer registration: Invalid Primary Id - {0}', documented: true },
  8015: { httpStatus: 404, message: 'Customer not found for the given identifiers', documented: true },
  8017: { httpStatus: 400, message: 'Error in customer registration: Invalid registration date', documented: true },
  8018: { httpStatus: 400, message: 'Update failed, a loyalty customer cannot become non-loyalty', documented: true },
  8045: { httpStatus: 400, message: 'Account id is not passed for source {0}', documented: true },
  8052: { httpStatus: 409, message: 'Add customer, Conflicting Customers found: {0}', documented: true },
  8053: {
    httpStatus: 409,
    message: 'Each identifier is registered with a different customer in other source. Unable to merge accounts.',
    documented: true,
  },
  8055: { httpStatus: 400, message: 'Invalid email: {0}', documented: true },
  8056: { httpStatus: 400, message: 'Invalid mobile: {0}', documented: true },
  8067: { httpStatus: 409, message: 'The account is already merged with user id {0}', documented: true },
  8070: { httpStatus: 400, message: 'No valid change identifiers detected', documented: true },
  8075: {
    httpStatus: 409,
    message:
      'Primary identifier not matching with other identifiers: the secondary identifier match is found in a different account but not the primary identifier',
    documented: true,
  },
  8090: { httpStatus: 400, message: "Unable to create profile as instore profile doesn't exist", documented: true },
  91005: { httpStatus: 400, message: '{0} is primary identifier and cannot be updated.', documented: true },

  // Merge requests
  9006: { httpStatus: 400, message: 'Invalid request type: {0}', documented: true },
  9008: { httpStatus: 400, message: 'Invalid request base type: {0}', documented: true },
  9007: { httpStatus: 400, message: 'Target customer is not Existing or Invalid', documented: true },
  9023: { httpStatus: 409, message: 'Survivor is already merged to another user as victim', documented: true },
  9027: { httpStatus: 409, message: 'Victim is already merged to another user', documented: true },
  9029: { httpStatus: 400, message: 'Survivor and victim are same', documented: true },
  9042: { httpStatus: 404, message: 'Customer not found for given identifiers', documented: true },

  // Subscriptions and test/control groups
  1101: { httpStatus: 400, message: 'Invalid channel type: {0}', documented: true },
  1102: { httpStatus: 400, message: 'Invalid priority type: {0}', documented: true },
  1106: { httpStatus: 400, message: 'Invalid subscription status passed: {0}', documented: true },
  8127: { httpStatus: 400, message: 'Invalid source or accountId passed: the customer has no {0} profile', documented: true },
  8280: { httpStatus: 400, message: 'Invalid test and control status: {0} (use TEST or CONTROL)', documented: false },

  // Chosen by memberspec where the docs are silent
  8201: { httpStatus: 400, message: 'Malformed JSON body: {0}', documented: false },
  8202: { httpStatus: 413, message: 'Request body too large: the limit is {0} bytes', documented: false },
  8203: { httpStatus: 400, message: 'Request does not match the contract: {0}', documented: false },
  8204: { httpStatus: 403, message: '{0} update is not allowed for this org ({1} is disabled)', documented: false },
  8205: { httpStatus: 400, message: 'Mandatory field is missing. Field {0} is mandatory', documented: false },
  8206: { httpStatus: 400, message: 'Unknown configuration: {0}', documented: false },
  8207: { httpStatus: 400, message: 'Invalid value for configuration {0}: {1}', documented: false },
  // Request level, refused before any rule runs (memberspec's; see the contract's common responses)
  8300: { httpStatus: 400, message: 'Malformed request path: {0} is not a valid percent-encoding', documented: false },
  8301: { httpStatus: 400, message: 'Request body nested too deep: the limit is {0} levels', documented: false },
  8302: { httpStatus: 400, message: 'Request body could not be decoded ({0}): {1}', documented: false },
  8303: { httpStatus: 400, message: 'Request body key {0} is not allowed', documented: false },
  8304: { httpStatus: 431, message: 'Request header fields too large', documented: false },
  8305: { httpStatus: 400, message: 'Malformed HTTP request: {0}', documented: false },
  8306: { httpStatus: 408, message: 'Request timeout', documented: false },
  8307: { httpStatus: 401, message: 'The test-control extension needs the admin token (header X-Memberspec-Admin-Token)', documented: false },
  8308: { httpStatus: 403, message: 'The test-control extension is open to loopback clients only: the server has no admin token', documented: false },
  8309: { httpStatus: 429, message: 'Org limit reached: this server creates at most {0} orgs', documented: false },
  8208: { httpStatus: 400, message: 'Identifier {0} is already attached to customer {1} in the same source', documented: false },

  // Loyalty operations (transactions' lines, points, coupons), chosen by memberspec
  8230: { httpStatus: 400, message: 'Bill amount {0} does not match the total of its line items ({1})', documented: false },
  8231: { httpStatus: 400, message: 'Line item {0}: amount {1} is not quantity {2} x rate {3}', documented: false },
  8234: { httpStatus: 400, message: 'Insufficient points: customer {0} has {1} points, the redemption needs {2}', documented: false },
  8235: { httpStatus: 400, message: 'Invalid points {0}: points must be a positive whole number', documented: false },
  8236: { httpStatus: 400, message: 'A customer cannot refer themselves: {0}', documented: false },
  8237: { httpStatus: 409, message: 'Customer {0} has already been referred', documented: false },
  8238: { httpStatus: 409, message: 'Coupon series {0} has reached its issual limit of {1}', documented: false },
  8239: { httpStatus: 404, message: 'Coupon series {0} not found', documented: false },
  8240: { httpStatus: 409, message: 'Coupon {0} is already redeemed', documented: false },
  8241: { httpStatus: 400, message: 'Coupon {0} is not issued to customer {1}', documented: false },
  8242: { httpStatus: 404, message: 'Coupon {0} not found', documented: false },
  8243: { httpStatus: 400, message: 'Invalid coupon series: {0}', documented: false },
  // Points ledger (seed 003): the ledger API's documented codes (capillary-api-notes §8.4)
  11004: { httpStatus: 400, message: 'Invalid tillId: {0}', documented: true },
  11006: { httpStatus: 400, message: 'Limit cannot be greater than 10 (asked for {0})', documented: true },
  11007: { httpStatus: 400, message: 'Invalid ledgerEntryType: {0}', documented: true },
  11008: { httpStatus: 400, message: 'Invalid pointCategoryType: {0}', documented: true },
  11009: { httpStatus: 400, message: 'Startdate is after endDate: {0} > {1}', documented: true },
  11011: { httpStatus: 400, message: 'Invalid date format {0}: use yyyy-MM-ddTHH:mm:ss', documented: true },
  419: { httpStatus: 409, message: 'Merged customer found with id: {0}', documented: true },
  // Returns, transfers, reversals and the test clock, chosen by memberspec
  8310: { httpStatus: 400, message: 'Points cannot be transferred from customer {0} to themselves', documented: false },
  8311: { httpStatus: 404, message: 'Transaction {0} not found for customer {1}', documented: false },
  8312: { httpStatus: 400, message: 'Return of {0} is more than the {1} left to return on transaction {2}', documented: false },
  8313: { httpStatus: 400, message: 'Invalid return amount {0}: must be above 0', documented: false },
  8314: { httpStatus: 409, message: 'Redemption {0} is already reversed', documented: false },
  8315: { httpStatus: 404, message: 'Redemption {0} not found for customer {1}', documented: false },
  8316: { httpStatus: 400, message: 'Invalid clock {0}: give an ISO 8601 instant no earlier than the org clock ({1})', documented: false },
  // Customer status and restrictions (documented codes first, then memberspec's 8211-8229)
  681: { httpStatus: 403, message: 'Transactions are blocked for this customer', documented: true },
  3042: {
    httpStatus: 403,
    message: 'customer status was marked to deleted. Any further changes on this customer are not allowed',
    documented: true,
  },
  3044: { httpStatus: 400, message: 'Customer status is disabled', documented: true },
  8086: { httpStatus: 400, message: 'Status label passed is not valid: {0}', documented: true },
  8211: { httpStatus: 400, message: 'Restriction {0} cannot be set on the {1} label {2}: {3}', documented: false },
  8212: {
    httpStatus: 403,
    message: 'Identifier change and account merge are blocked for customer {0} (status {1}, label {2})',
    documented: false,
  },
  8213: { httpStatus: 400, message: 'Fraud status is superseded by customer status for this org', documented: false },
  8214: { httpStatus: 403, message: 'Operation blocked for customer {0}: {1} (status {2}, label {3})', documented: false },
  // The restriction matrix: the platform's codes for blocked coupons and points (capillary-api-notes 6.4)
  742: { httpStatus: 403, message: 'Coupon issual or redemption is blocked for this customer', documented: true },
  809: { httpStatus: 403, message: 'Unable to process. Customer is marked as fraud', documented: true },
  3045: { httpStatus: 403, message: 'Points Redemption is not allowed for the customer with id {0} as the status is fraud', documented: true },
  // Card numbers and cards (seed 001 "External ID configuration", seed 002 "Cards"), chosen by memberspec
  8260: { httpStatus: 400, message: 'Invalid value for configuration CONF_CARD_NUMBER_LENGTH: {0} (a card number has 1 to 50 characters)', documented: false },
  8261: {
    httpStatus: 400,
    message: 'Card number series does not fit in {0} characters: prefix ({1}) + suffix ({2}) + check digit ({3}) leave no digit for the sequence number (at most 50 in all)',
    documented: false,
  },
  8262: { httpStatus: 400, message: 'CONF_CARD_NUMBER_SUFFIX applies to AUTO_INC only, not to {0}', documented: false },
  8263: { httpStatus: 400, message: 'Card number series exhausted: sequence number {0} does not fit in the {1} digits the series leaves for it', documented: false },
  8264: {
    httpStatus: 400,
    message: 'CONF_VALUES_TO_INCLUDE_FOR_CHECKSUM_DIGIT is PREFIX, but the prefix {0} is not all digits: a check digit covers digits only',
    documented: false,
  },
  8265: { httpStatus: 400, message: 'CONF_CARD_NUMBER_GENERATION_ENABLED needs {0}, which is mandatory', documented: false },
  8266: { httpStatus: 409, message: 'Card number {0} is not available: another customer holds it', documented: false },
  8267: { httpStatus: 400, message: 'Card series {0} not found: {1}', documented: false },
  8268: { httpStatus: 400, message: 'Card number {0} is not a number of card series {1}: {2}', documented: false },
  8269: { httpStatus: 400, message: 'Only ACTIVE labels can be assigned to a card when it is issued or linked, not {0}', documented: false },
  8270: { httpStatus: 404, message: 'Card {0} not found on customer {1}', documented: false },
  // Points ledger (capillary-api-notes 8.4); goodwill by card chooses a program
  11005: { httpStatus: 400, message: 'Invalid programId: {0}', documented: true },
  // User groups (seed 003), chosen by memberspec
  8420: { httpStatus: 404, message: 'User group {0} not found', documented: false },
  8421: { httpStatus: 400, message: 'Customer {0} is not a member of user group {1}', documented: false },
  8422: { httpStatus: 409, message: 'Customer {0} already belongs to user group {1}', documented: false },
  8423: { httpStatus: 409, message: 'Bill {0} is already a transaction of user group {1}', documented: false },
  // Imports (seed 003 Connect+ templates), chosen by memberspec
  8440: { httpStatus: 400, message: 'Malformed CSV: {0}', documented: false },
  8441: { httpStatus: 413, message: 'Too many rows in one import: {0} (at most {1})', documented: false },
  8442: { httpStatus: 400, message: 'Unknown date format: {0} (use a pattern or SNO of the supported formats)', documented: false },
  8443: { httpStatus: 400, message: '{0} {1} does not match the date format {2}', documented: false },
  8444: { httpStatus: 400, message: 'Unknown import template: {0}', documented: false },
  8445: { httpStatus: 400, message: 'Unknown column {0} for template {1}', documented: false },
  // Communications (seed 003), chosen by memberspec
  8450: { httpStatus: 400, message: 'Image attachment {0} needs fileEncodingType base64', documented: false },
  8451: { httpStatus: 400, message: 'Unsupported fileEncodingType {0} for attachment {1} (base64, or none)', documented: false },
  8452: { httpStatus: 400, message: 'Attachment {0} is not valid base64', documented: false },
  // OAuth2 sign-in for customer apps (seed 003), chosen by memberspec: the docs name no codes
  8400: { httpStatus: 400, message: 'Unknown partner app: no client key {0}', documented: false },
  8401: { httpStatus: 400, message: 'Redirect URL {0} is not the one registered for partner app {1}', documented: false },
  8402: { httpStatus: 400, message: 'Wrong OTP for sign-in {0}', documented: false },
  8403: { httpStatus: 400, message: 'Sign-in {0} is unknown or already used', documented: false },
  8404: { httpStatus: 401, message: 'Access token refused: {0}', documented: false },
  8405: { httpStatus: 403, message: 'The access token belongs to another customer than {0}', documented: false },
  8406: { httpStatus: 400, message: 'Customer {0} has no mobile or email to send the OTP to', documented: false },
  8407: { httpStatus: 400, message: 'Bearer token in the wrong place ({0}): send it in the Authorization header', documented: false },
  8408: { httpStatus: 400, message: 'Customer {0} cannot transfer points to themselves', documented: false },
  // Code-linked promotions, coupon expiry and the test-control clock (seed 003), chosen by memberspec
  8500: { httpStatus: 400, message: 'Invalid promotion: {0}', documented: false },
  8501: { httpStatus: 404, message: 'Promotion {0} not found', documented: false },
  8502: { httpStatus: 400, message: 'Invalid number of promo codes: {0} (1 to {1} per request)', documented: false },
  8503: { httpStatus: 400, message: 'Invalid promo code {0}: 4 to 20 letters and digits', documented: false },
  8504: { httpStatus: 409, message: 'Promo code {0} already exists in this org', documented: false },
  8505: { httpStatus: 404, message: 'Promo code {0} not found', documented: false },
  8506: { httpStatus: 400, message: 'Promo code {0} has expired: its promotion was valid till {1}', documented: false },
  8507: { httpStatus: 403, message: 'Promo code {0} is linked to another customer', documented: false },
  8508: { httpStatus: 409, message: 'Promo code {0} has reached its limit of {1} redemptions', documented: false },
  8509: { httpStatus: 409, message: 'Promo code {0}: customer {1} has reached the limit of {2} redemptions per customer', documented: false },
  8510: { httpStatus: 409, message: 'Promotion {0} has reached its limit of {1} transactions', documented: false },
  8511: { httpStatus: 400, message: 'Promo code {0} applies to bills above {2}, not to a bill of {1}', documented: false },
  8512: { httpStatus: 400, message: 'Invalid link mode {0}: {1}', documented: false },
  8513: { httpStatus: 409, message: 'Promo code {0} is already linked to customer {1}', documented: false },
  8514: { httpStatus: 400, message: 'Promo code {0} is presented twice on one bill', documented: false },
  8521: { httpStatus: 400, message: 'Invalid issual limit {0}: a whole number not below the {1} coupons issued, above the notification threshold', documented: false },
  8522: { httpStatus: 400, message: 'Invalid coupon status {0}: use one of {1}', documented: false },
  8523: { httpStatus: 400, message: 'Coupon {0} has expired: it was active till {1}', documented: false },
  8524: { httpStatus: 400, message: 'Coupon series {0} has expired: it was valid till {1}', documented: false },
  8525: { httpStatus: 400, message: 'Invalid date range: {0}', documented: false },
  8526: { httpStatus: 400, message: 'Invalid redemption type {0}: use POINTS, COUPONS or BOTH', documented: false },
  8527: { httpStatus: 400, message: 'Invalid claim: {0}', documented: false },
  8528: { httpStatus: 409, message: 'Coupon series {0} is already claimed by {1}', documented: false },
  8529: { httpStatus: 400, message: 'Invalid coupon id range: {0}', documented: false },
  8520: { httpStatus: 400, message: 'Invalid clock time: {0} (an ISO 8601 date-time)', documented: false },
  8530: { httpStatus: 400, message: 'Invalid audience date range: {0}', documented: false },
  8531: { httpStatus: 400, message: 'Invalid filter value {0}: n must be a number from 0', documented: false },
  8532: { httpStatus: 400, message: 'Invalid audience filter: {0} (DISTINCT_TRANSACTIONS, AVERAGE_ITEM_VALUE or ITEM_SPEND)', documented: false },
  8533: { httpStatus: 400, message: 'Invalid audience filter item: {0}', documented: false },
  8534: { httpStatus: 400, message: 'Invalid loyalty type {0}: loyalty or non_loyalty', documented: false },
} as const satisfies Record<number, ErrorDefinition>;

export type ErrorCode = keyof typeof ERRORS;

/** Warnings: the primary activity succeeded; the code tells what else happened. */
export const WARNINGS = {
  8050: { message: 'Same Customer found in other sources,Combining', documented: true },
  8051: { message: 'Same identifier found in other source. Merging into the account with user id {0}', documented: true },
  8069: { message: 'Merged customer found: the customer is merged into another account ({0})', documented: true },
  8071: { message: 'Mobile already attached with this user', documented: true },
  8072: { message: 'Email already attached with this user', documented: true },
  8073: { message: 'External id already attached with this user', documented: true },
  8209: { message: 'Customer merged: {0} into {1}', documented: false },
  8210: { message: 'Identifier {0} ignored: {1}', documented: false },
  8232: { message: "Points not allocated to customer {0}: the customer's status blocks points allocation", documented: false },
  8233: { message: "Tier upgrade of customer {0} to {1} not applied: the customer's status blocks tier upgrades", documented: false },
  8107: { message: 'Default customer status label not set', documented: true },
  // The restriction matrix, chosen by memberspec
  8290: { message: "Points not issued to customer {0}: the customer's status blocks issual of loyalty promotions", documented: false },
} as const satisfies Record<number, { message: string; documented: boolean }>;

export type WarningCode = keyof typeof WARNINGS;

export interface ApiMessage {
  readonly code: number;
  readonly message: string;
}

function fill(template: string, params: readonly (string | number)[]): string {
  // Stryker disable next-line Regex,StringLiteral: templates have at most ten parameters, and every one is given
  return template.replace(/\{(\d+)\}/g, (_, index: string) => String(params[Number(index)] ?? ''));
}

/** A rule refused the operation. Carries a catalogued code; nothing was changed. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly httpStatus: number;
  constructor(code: ErrorCode, ...params: (string | number)[]) {
    super(fill(ERRORS[code].message, params));
    // Stryker disable next-line StringLiteral: the name is never shown; answers carry the code and message
    this.name = 'DomainError';
    this.code = code;
    this.httpStatus = ERRORS[code].httpStatus;
  }
}

export function warning(code: WarningCode, ...params: (string | number)[]): ApiMessage {
  return { code, message: fill(WARNINGS[code].message, params) };
}
