// The contract document, loaded once, and the facts other layers read from it (operations, config
// defaults, error codes), so the reference and the driver share one source.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../api/project_root.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ContractParameter {
  readonly name: string;
  readonly in: 'query' | 'path' | 'header';
  readonly required?: boolean;
  readonly schema?: Record<string, unknown>;
}

export interface ContractOperation {
  readonly operationId: string;
  readonly method: HttpMethod;
  /** OpenAPI path template, e.g. /v2/customers/{customerId}. */
  readonly path: string;
  readonly parameters: readonly ContractParameter[];
  /** Component schema of the body (JSON, or an OAuth2 form), when the operation takes one. */
  readonly requestSchemaRef?: string;
  /** The body's media type when it is not JSON (application/x-www-form-urlencoded). */
  readonly requestMediaType?: string;
  /** Status key ("200", "4XX", "default") to its schema ref (or inline schema). */
  readonly responses: Readonly<Record<string, Record<string, unknown> | undefined>>;
  /** Status key to the response headers the contract requires (lower case), e.g. 401 -> www-authenticate. */
  readonly requiredResponseHeaders: Readonly<Record<string, readonly string[]>>;
  readonly authenticated: boolean;
  readonly extension: boolean;
}

export interface ErrorCodeEntry {
  readonly kind: 'error' | 'warning';
  readonly httpStatus?: number;
  readonly documented: boolean;
  readonly message: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OpenApiDocument = Record<string, any>;

export const CONTRACT: OpenApiDocument = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'contract', 'openapi.json'), 'utf8'));

function resolve(ref: string): Record<string, unknown> {
  // Only local refs (#/a/b) appear in the contract.
  let node: unknown = CONTRACT;
  for (const part of ref.replace(/^#\//, '').split('/')) node = (node as Record<string, unknown>)[part];
  if (node === undefined) throw new Error(`contract: unresolved $ref ${ref}`);
  return node as Record<string, unknown>;
}

function deref<T>(value: T): T {
  const ref = (value as { $ref?: string }).$ref;
  return (ref ? resolve(ref) : value) as T;
}

function requestBodyOf(requestBody: unknown): { requestSchemaRef?: string; requestMediaType?: string } {
  if (!requestBody) return {};
  const content = deref(requestBody as Record<string, any>).content as Record<string, { schema: { $ref: string } }>;
  const json = content['application/json'];
  if (json) return { requestSchemaRef: json.schema.$ref };
  const [mediaType, form] = Object.entries(content)[0];
  return { requestSchemaRef: form.schema.$ref, requestMediaType: mediaType };
}

function readOperations(): Map<string, ContractOperation> {
  const operations = new Map<string, ContractOperation>();
  const globalSecurity = CONTRACT.security ?? [];
  for (const [path, item] of Object.entries<Record<string, any>>(CONTRACT.paths)) {
    for (const method of ['get', 'post', 'put', 'delete'] as const) {
      const op = item[method];
      if (!op) continue;
      const responses: Record<string, Record<string, unknown> | undefined> = {};
      const requiredResponseHeaders: Record<string, string[]> = {};
      for (const [status, response] of Object.entries<any>(op.responses ?? {})) {
        const resolved = deref(response);
        responses[status] = resolved.content?.['application/json']?.schema;
        const headers = Object.entries<any>(resolved.headers ?? {}).filter(([, header]) => deref(header).required === true);
        if (headers.length > 0) requiredResponseHeaders[status] = headers.map(([name]) => name.toLowerCase());
      }
      const security = op.security ?? globalSecurity;
      operations.set(op.operationId, {
        operationId: op.operationId,
        method: method.toUpperCase() as HttpMethod,
        path,
        parameters: [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p: unknown) => deref(p) as ContractParameter),
        ...requestBodyOf(op.requestBody),
        responses,
        requiredResponseHeaders,
        // A till's Basic credentials; the customer apps' Bearer tokens and the extension's admin token are checked apart.
        authenticated: security.some((scheme: Record<string, unknown>) => 'tillBasic' in scheme),
        extension: op['x-memberspec-extension'] === true,
      });
    }
  }
  return operations;
}

export const OPERATIONS: ReadonlyMap<string, ContractOperation> = readOperations();

export function operation(operationId: string): ContractOperation {
  const found = OPERATIONS.get(operationId);
  if (!found) throw new Error(`contract: no operation ${operationId}`);
  return found;
}

/** Every code of the contract's x-error-codes section. */
export function errorCodes(): ReadonlyMap<number, ErrorCodeEntry> {
  return new Map(Object.entries<ErrorCodeEntry>(CONTRACT['x-error-codes']).map(([code, entry]) => [Number(code), entry]));
}

export interface ConfigDescription {
  readonly type: 'boolean' | 'string' | 'number' | 'integer' | 'array';
  readonly enum?: readonly string[];
  /** Absent when an unset key means "no value" (e.g. CONF_MIN_REGISTRATION_DATE). */
  readonly default?: boolean | string | number;
  /** Set on an alias: the name of the config it stands for. */
  readonly aliasOf?: string;
  /** 'date-time' for a date setting. */
  readonly format?: string;
  /** memberspec's loyalty-program settings: no vendor can be assumed to have their default, so a profile must state them. */
  readonly profileMustState?: boolean;
}

/** The org configs the contract documents, with their defaults (components.schemas.OrgConfigs). */
export function configDescriptions(): ReadonlyMap<string, ConfigDescription> {
  const properties: Record<string, any> = CONTRACT.components.schemas.OrgConfigs.properties;
  return new Map(
    Object.entries(properties).map(([name, schema]) => [
      name,
      {
        type: schema.type,
        enum: schema.enum,
        default: schema.default,
        aliasOf: schema['x-memberspec-alias-of'],
        format: schema.format,
        profileMustState: schema['x-memberspec-profile-must-state'] === true,
      },
    ]),
  );
}
