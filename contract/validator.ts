// Ajv validators for every operation of the contract: request bodies, request parameters and
// responses. Problems are readable lines that name the operation and the field path.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { CONTRACT, operation, type ContractOperation } from './contract.ts';

const CONTRACT_KEY = 'memberspec-contract';

function newAjv(coerceTypes: boolean): Ajv2020 {
  // strict: false because the OpenAPI document carries keywords Ajv does not know (x-*, openapi, paths...).
  const ajv = new Ajv2020({ strict: false, allErrors: true, verbose: true, coerceTypes });
  addFormats.default(ajv);
  ajv.addSchema(CONTRACT, CONTRACT_KEY);
  return ajv;
}

const bodyAjv = newAjv(false);
// Query and path values arrive as strings: coerce them to the declared types (e.g. customerId).
const parameterAjv = newAjv(true);

const bodyValidators = new Map<string, ValidateFunction>();
const parameterValidators = new Map<string, ValidateFunction>();

function contractSchema(schema: Record<string, unknown>): Record<string, unknown> {
  // Rebase local refs onto the registered document.
  const ref = schema.$ref;
  if (typeof ref === 'string' && ref.startsWith('#')) return { $ref: `${CONTRACT_KEY}${ref}` };
  return JSON.parse(JSON.stringify(schema).replaceAll('"$ref":"#/', `"$ref":"${CONTRACT_KEY}#/`));
}

function bodyValidator(key: string, schema: Record<string, unknown>): ValidateFunction {
  let validate = bodyValidators.get(key);
  if (!validate) {
    validate = bodyAjv.compile(contractSchema(schema));
    bodyValidators.set(key, validate);
  }
  return validate;
}

/** At most this much of a received value is quoted in a problem line. */
const RECEIVED_WIDTH = 80;

/** The value a response carried where the contract allows something else, quoted briefly. */
function received(data: unknown): string {
  let text: string;
  try {
    text = data === undefined ? 'nothing' : JSON.stringify(data) ?? String(data);
  } catch {
    text = String(data);
  }
  return ` (received ${text.length > RECEIVED_WIDTH ? `${text.slice(0, RECEIVED_WIDTH - 1)}…` : text})`;
}

/**
 * Readable problem lines. With showReceived (responses: the target's answer, never a client's input
 * echoed back), a line about a value also says what value came, beside what the contract allows.
 */
function describe(errors: readonly ErrorObject[], root: string, showReceived = false): string[] {
  const branchPaths = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => `${e.schemaPath}/`);
  const lines: string[] = [];
  for (const error of errors) {
    // The failures inside a oneOf's branches are noise next to the oneOf's own line.
    if (branchPaths.some((prefix) => error.schemaPath.startsWith(prefix))) continue;
    const at = error.instancePath === '' ? root : error.instancePath;
    const params = error.params as Record<string, unknown>;
    const base = error.instancePath === '' ? '' : error.instancePath;
    let line: string;
    switch (error.keyword) {
      case 'required':
        line = `${base}/${String(params.missingProperty)} is required`;
        break;
      case 'additionalProperties':
        line = `${base}/${String(params.additionalProperty)} is not allowed`;
        break;
      case 'enum':
        line = `${at} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
        break;
      case 'oneOf':
      case 'anyOf':
        line = `${at} must ${oneOfHint(error)}`;
        break;
      default:
        line = `${at} ${error.message ?? 'is invalid'}`;
    }
    // "required" and "additionalProperties" name a key; every other keyword judged the value there.
    if (showReceived && error.keyword !== 'required' && error.keyword !== 'additionalProperties') line += received(error.data);
    if (!lines.includes(line)) lines.push(line);
  }
  return lines;
}

function oneOfHint(error: ErrorObject): string {
  // verbose: true gives the parentSchema, whose branches name the accepted forms.
  type Branch = { type?: string; enum?: unknown[] };
  const parent = error.parentSchema as { oneOf?: Branch[]; anyOf?: Branch[] } | undefined;
  const forms = (parent?.oneOf ?? parent?.anyOf ?? []).map((b) => (b.enum ? b.enum.map((v) => JSON.stringify(v)).join(' or ') : b.type));
  return forms.length > 0 ? `be ${forms.join(' or ')}` : 'match exactly one allowed form';
}

/** Problems of a request body for the operation; empty when it conforms. */
export function validateRequest(operationId: string, body: unknown): string[] {
  const op = operation(operationId);
  if (!op.requestSchemaRef) {
    return body === undefined ? [] : [`${operationId} request: body is not expected`];
  }
  if (body === undefined) return [`${operationId} request: body is required`];
  const validate = bodyValidator(op.requestSchemaRef, { $ref: op.requestSchemaRef });
  if (validate(body)) return [];
  return describe(validate.errors ?? [], 'body').map((line) => `${operationId} request: ${line}`);
}

export interface ParameterValues {
  query: Record<string, unknown>;
  path: Record<string, unknown>;
}

function parameterSchema(op: ContractOperation, location: 'query' | 'path'): Record<string, unknown> {
  const parameters = op.parameters.filter((p) => p.in === location);
  return {
    type: 'object',
    properties: Object.fromEntries(parameters.map((p) => [p.name, p.schema ?? {}])),
    required: parameters.filter((p) => p.required).map((p) => p.name),
  };
}

function parameterValidator(op: ContractOperation): ValidateFunction {
  let validate = parameterValidators.get(op.operationId);
  if (!validate) {
    validate = parameterAjv.compile(
      contractSchema({
        type: 'object',
        properties: { query: parameterSchema(op, 'query'), path: parameterSchema(op, 'path') },
      }),
    );
    parameterValidators.set(op.operationId, validate);
  }
  return validate;
}

/**
 * Problems of the query and path parameters; on success the values come back coerced to their
 * declared types (e.g. path.customerId as a number). Unknown query parameters are ignored.
 */
export function validateParameters(
  operationId: string,
  values: { query: Record<string, string>; path: Record<string, string> },
): { problems: string[]; values: ParameterValues } {
  const op = operation(operationId);
  const copy: ParameterValues = { query: { ...values.query }, path: { ...values.path } };
  const validate = parameterValidator(op);
  if (validate(copy)) return { problems: [], values: copy };
  const lines = describe(validate.errors ?? [], 'parameters').map((line) =>
    // /query/source is required -> query.source is required
    line.replace(/^\/(query|path)\/([^ ]+)/, (_, where: string, name: string) => `${where}.${name.replaceAll('/', '.')}`),
  );
  return { problems: lines.map((line) => `${operationId} request: ${line}`), values: copy };
}

/** The response schema the contract gives for this status: exact, then 4XX-style range, then default. */
function responseSchema(op: ContractOperation, status: number): Record<string, unknown> | undefined | null {
  for (const key of [String(status), `${Math.floor(status / 100)}XX`, 'default']) {
    if (key in op.responses) return op.responses[key] ?? null;
  }
  return undefined;
}

/** What is wrong with a response for the operation and status (field by field); empty when it conforms. */
export function responseProblems(operationId: string, status: number, body: unknown): string[] {
  const op = operation(operationId);
  const schema = responseSchema(op, status);
  if (schema === undefined) return [`no ${status} answer is defined (only ${Object.keys(op.responses).join(', ')})`];
  if (schema === null) return [];
  const key = typeof schema.$ref === 'string' ? schema.$ref : `${operationId} ${status}`;
  const validate = bodyValidator(key, schema);
  if (validate(body)) return [];
  return describe(validate.errors ?? [], 'body', true);
}

/** Response headers the contract requires for this status and the answer lacks (names in any case). */
export function responseHeaderProblems(operationId: string, status: number, headers: Readonly<Record<string, string>>): string[] {
  const op = operation(operationId);
  const key = [String(status), `${Math.floor(status / 100)}XX`, 'default'].find((candidate) => candidate in op.responses);
  const present = new Set(Object.keys(headers).map((name) => name.toLowerCase()));
  return (op.requiredResponseHeaders[key ?? ''] ?? []).filter((name) => !present.has(name)).map((name) => `header ${name} is required`);
}

/** What keeps a body from being the contract's error envelope (for answers outside any operation, e.g. an unknown path). */
export function errorEnvelopeProblems(body: unknown): string[] {
  const ref = '#/components/schemas/ErrorEnvelope';
  const validate = bodyValidator(ref, { $ref: ref });
  return validate(body) ? [] : describe(validate.errors ?? [], 'body', true);
}

/** responseProblems, each line naming the operation and the status. */
export function validateResponse(operationId: string, status: number, body: unknown): string[] {
  return responseProblems(operationId, status, body).map((line) => `${operationId} response ${status}: ${line}`);
}
