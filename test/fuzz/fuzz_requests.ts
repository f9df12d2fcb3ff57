// Hostile requests for the contract fuzz: every operation of the contract with bodies from its schemas
// (mostly conforming, then mutated, malformed, huge, deeply nested, with __proto__ keys), odd paths,
// query parameters, content types, encodings and credentials; plus raw bytes no HTTP client would send.
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { OPERATIONS, type ContractOperation } from '../../contract/contract.ts';
import { anyJson, arbitraryFor } from './schema_arbitrary.ts';

/** What the fuzz knows of the target once it has set up its orgs. */
export interface FuzzContext {
  /** Authorization headers of tills of real orgs. */
  readonly tills: readonly string[];
  readonly customerIds: readonly number[];
  readonly orgIds: readonly number[];
}

export interface FuzzRequest {
  readonly method: string;
  /** Already percent-encoded (or deliberately not). */
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: Buffer;
  /** The operation the request was made from (the answer is checked against the operation the path matches). */
  readonly from: string;
}

/** Bytes written straight to a socket; `answers` false when the server may rightly wait for more. */
export interface RawRequest {
  readonly raw: Buffer;
  readonly answers: boolean;
  readonly from: string;
}

const OPERATION_LIST: readonly ContractOperation[] = [...OPERATIONS.values()];

function basicHeader(user: string, md5: string): string {
  return `Basic ${Buffer.from(`${user}:${md5}`).toString('base64')}`;
}

function authorization(context: FuzzContext): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...context.tills), weight: 20 },
    { arbitrary: fc.constant(undefined), weight: 2 },
    {
      arbitrary: fc.constantFrom(
        'Basic',
        'Basic !!!',
        `Basic ${Buffer.from('no-colon').toString('base64')}`,
        `Basic ${Buffer.from(':').toString('base64')}`,
        basicHeader('till.unknown', '0'.repeat(32)),
        'Bearer abc.def.ghi',
        'Digest username="x"',
        `Basic ${'A'.repeat(4000)}`,
        'basic    ',
      ),
      weight: 2,
    },
    { arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 60 }).map((text) => `Basic ${text}`), weight: 1 },
  );
}

/** A path parameter's text, encoded as a client would, or broken on purpose. */
function pathValue(name: string, context: FuzzContext): fc.Arbitrary<string> {
  const known =
    name === 'customerId'
      ? fc.constantFrom(...context.customerIds.map(String))
      : name === 'orgId'
        ? fc.constantFrom(...context.orgIds.map(String))
        : fc.stringMatching(/^\d{6,16}$/);
  return fc.oneof(
    { arbitrary: known, weight: 10 },
    { arbitrary: fc.integer({ min: -5, max: 10_000_000 }).map(String), weight: 3 },
    { arbitrary: fc.string({ maxLength: 30 }).map(encodeURIComponent), weight: 3 },
    {
      arbitrary: fc.constantFrom('%zz', '%', '%%', '%E0%A4%A', '%C0%AF', '%00', '%2F', '..', '.', '%2e%2e', '1%20', '1.5', '1e3', '0x10', '-0', '9'.repeat(400), 'a'.repeat(3000)),
      weight: 3,
    },
  );
}

function pathFor(op: ContractOperation, context: FuzzContext): fc.Arbitrary<string> {
  const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const values = fc.tuple(...names.map((name) => pathValue(name, context)));
  const shape = fc.constantFrom('as-is', 'as-is', 'as-is', 'as-is', 'trailing-slash', 'upper-case', 'double-slash');
  return fc.tuple(values, shape).map(([parts, how]) => {
    let index = 0;
    let path = op.path.replace(/\{\w+\}/g, () => parts[index++]);
    if (how === 'trailing-slash') path += '/';
    if (how === 'upper-case') path = path.toUpperCase();
    if (how === 'double-slash') path = path.replace('/', '//');
    return path;
  });
}

function queryFor(op: ContractOperation): fc.Arbitrary<string> {
  const declared = op.parameters.filter((p) => p.in === 'query');
  const pairs = fc.tuple(
    ...declared.map((p) =>
      fc.option(
        arbitraryFor(p.schema).map((value) => [p.name, typeof value === 'string' ? value : JSON.stringify(value)] as [string, string]),
        { freq: 6 },
      ),
    ),
  );
  const extras = fc.array(
    fc.oneof(
      fc.constantFrom<[string, string]>(['__proto__', 'x'], ['constructor', 'prototype'], ['a[b]', 'c'], ['', 'empty'], ['embed', 'points'], ['source', 'INSTORE']),
      fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 })),
    ),
    { maxLength: 3 },
  );
  const broken = fc.constantFrom('', '', '', '', '', '&%zz=1', '&a=%', '&&&', `&x=${'y'.repeat(5000)}`, '&identifierName=mobile&identifierName=email');
  return fc.tuple(pairs, extras, broken).map(([declaredPairs, extraPairs, tail]) => {
    const search = new URLSearchParams();
    for (const pair of [...declaredPairs.filter((p): p is [string, string] => p !== null), ...extraPairs]) search.append(pair[0], pair[1]);
    const text = `${search.toString()}${tail}`;
    return text === '' ? '' : `?${text}`;
  });
}

/** A body's text: conforming, mutated, malformed, huge or deeply nested. */
function bodyFor(op: ContractOperation): fc.Arbitrary<Buffer | undefined> {
  const schema = op.requestSchemaRef ? { $ref: op.requestSchemaRef } : undefined;
  const conforming = schema ? arbitraryFor(schema).map((value) => JSON.stringify(value)) : fc.constant(undefined);
  const text = (value: fc.Arbitrary<string | undefined>) => value.map((t) => (t === undefined ? undefined : Buffer.from(t, 'utf8')));
  return fc.oneof(
    { arbitrary: text(conforming), weight: schema ? 14 : 10 },
    { arbitrary: text(anyJson.map((value) => JSON.stringify(value))), weight: 2 },
    // __proto__ at the top and inside
    { arbitrary: text(conforming.map((t) => (t?.startsWith('{') && t.length > 2 ? `{"__proto__":{"isAdmin":true},${t.slice(1)}` : '{"__proto__":null}'))), weight: 1 },
    { arbitrary: text(fc.constant('{"configs":{"constructor":{"prototype":{"polluted":true}}}}')), weight: 1 },
    // malformed JSON
    {
      arbitrary: text(
        fc.oneof(
          conforming.map((t) => (t ? t.slice(0, Math.max(1, Math.floor(t.length / 2))) : '{')),
          fc.constantFrom('{', '}', '[', 'nul', "{'a':1}", '{"a":NaN}', '{"a":1,}', '\ufeff{}', '{"a":"\\ud800"}', '1e99999', '"\\u0000"', ' \t\n'),
          fc.string({ maxLength: 50 }),
        ),
      ),
      weight: 3,
    },
    // deep and huge
    { arbitrary: fc.constantFrom(30, 33, 500, 5000, 40_000).map((depth) => Buffer.from(`{"configs":{"CONF_SKIP_SECONDARY":${'['.repeat(depth)}${']'.repeat(depth)}}}`)), weight: 1 },
    { arbitrary: fc.constantFrom(99 * 1024, 101 * 1024, 300 * 1024).map((size) => Buffer.from(JSON.stringify({ profiles: [{ firstName: 'x'.repeat(size) }] }))), weight: 1 },
    { arbitrary: fc.constant(Buffer.from(`[${'{},'.repeat(30_000)}{}]`)), weight: 1 },
    // bytes that are not UTF-8
    { arbitrary: fc.uint8Array({ minLength: 1, maxLength: 40 }).map((bytes) => Buffer.concat([Buffer.from('{"a":"'), Buffer.from(bytes), Buffer.from('"}')])), weight: 1 },
  );
}

const CONTENT_TYPES = fc.oneof(
  { arbitrary: fc.constant('application/json'), weight: 12 },
  {
    arbitrary: fc.constantFrom(
      undefined,
      'application/json; charset=utf-8',
      'application/json; charset=utf-16le',
      'application/json; charset=bogus-8',
      'APPLICATION/JSON',
      'application/problem+json',
      'text/plain',
      'text/html; charset=latin1',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      ';;;',
      'application/json; charset=',
      '*/*',
    ),
    weight: 4,
  },
);

type Encoding = 'none' | 'gzip' | 'deflate' | 'br' | 'gzip-broken' | 'deflate-broken' | 'br-broken' | 'identity' | 'compress' | 'gzip, gzip' | 'bogus';
const ENCODINGS = fc.oneof(
  { arbitrary: fc.constant<Encoding>('none'), weight: 14 },
  { arbitrary: fc.constantFrom<Encoding>('gzip', 'deflate', 'br', 'gzip-broken', 'deflate-broken', 'br-broken', 'identity', 'compress', 'gzip, gzip', 'bogus'), weight: 3 },
);

function encode(body: Buffer | undefined, encoding: Encoding): { body?: Buffer; header?: string } {
  if (encoding === 'none' || body === undefined) return { body };
  switch (encoding) {
    case 'gzip':
      return { body: gzipSync(body), header: 'gzip' };
    case 'deflate':
      return { body: deflateSync(body), header: 'deflate' };
    case 'br':
      return { body: brotliCompressSync(body), header: 'br' };
    case 'gzip-broken':
      return { body: Buffer.concat([gzipSync(body).subarray(0, 12), Buffer.from('garbage')]), header: 'gzip' };
    case 'deflate-broken':
      return { body, header: 'deflate' };
    case 'br-broken':
      return { body, header: 'br' };
    case 'gzip, gzip':
      return { body: gzipSync(gzipSync(body)), header: 'gzip, gzip' };
    default:
      return { body, header: encoding };
  }
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'] as const;

export function requestArbitrary(context: FuzzContext): fc.Arbitrary<FuzzRequest> {
  return fc.constantFrom(...OPERATION_LIST).chain((op) =>
    fc
      .record({
        method: fc.oneof({ arbitrary: fc.constant(op.method as string), weight: 12 }, { arbitrary: fc.constantFrom(...METHODS), weight: 1 }),
        path: pathFor(op, context),
        query: queryFor(op),
        body: op.requestSchemaRef ? bodyFor(op) : fc.oneof({ arbitrary: fc.constant(undefined), weight: 8 }, { arbitrary: bodyFor(op), weight: 1 }),
        contentType: CONTENT_TYPES,
        encoding: ENCODINGS,
        auth: authorization(context),
        extraHeader: fc.oneof(
          { arbitrary: fc.constant(undefined), weight: 20 },
          {
            arbitrary: fc.constantFrom<[string, string]>(['x-huge', 'h'.repeat(20_000)], ['accept', 'text/html'], ['accept-charset', 'utf-7'], ['expect', '100-continue'], ['transfer-encoding', 'chunked'], ['x-forwarded-for', '127.0.0.1']),
            weight: 3,
          },
        ),
      })
      .map(({ method, path, query, body, contentType, encoding, auth, extraHeader }) => {
        const encoded = encode(body, encoding);
        const headers: Record<string, string> = {};
        if (encoded.body !== undefined && contentType !== undefined) headers['content-type'] = contentType;
        if (encoded.header) headers['content-encoding'] = encoded.header;
        if (auth !== undefined) headers.authorization = auth;
        if (extraHeader) headers[extraHeader[0]] = extraHeader[1];
        return { method, path: `${path}${query}`, headers, ...(encoded.body !== undefined ? { body: encoded.body } : {}), from: op.operationId };
      }),
  );
}

const RAW_REQUESTS: readonly RawRequest[] = [
  { raw: Buffer.from('GARBAGE\r\n\r\n'), answers: true, from: 'not HTTP' },
  { raw: Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'), answers: true, from: 'HTTP/2 preface' },
  { raw: Buffer.from(`GET /v2/customers/1 HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(40_000)}\r\nConnection: close\r\n\r\n`), answers: true, from: 'header overflow' },
  { raw: Buffer.from('GET /v2/customers/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'), answers: true, from: 'bad escape' },
  { raw: Buffer.from('GET /v2/customers/1 2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'), answers: true, from: 'space in path' },
  { raw: Buffer.from('GET /v2/cust\u0000omers HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'), answers: true, from: 'NUL in path' },
  { raw: Buffer.from('POST /v2/customers HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\nConnection: close\r\n\r\n{}'), answers: true, from: 'bad content-length' },
  { raw: Buffer.from('POST /v2/customers HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 5\r\nConnection: close\r\n\r\n{}'), answers: true, from: 'two content-lengths' },
  {
    raw: Buffer.from('POST /x-memberspec/orgs HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 2\r\nConnection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n'),
    answers: true,
    from: 'chunked and content-length',
  },
  { raw: Buffer.from('POST /x-memberspec/orgs HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n'), answers: true, from: 'bad chunk size' },
  { raw: Buffer.from('GET /openapi.json HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n'), answers: true, from: 'HTTP/9.9' },
  { raw: Buffer.from('GET /openapi.json HTTP/1.0\r\n\r\n'), answers: true, from: 'HTTP/1.0 without host' },
  { raw: Buffer.from('POST /x-memberspec/orgs HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"configs":'), answers: false, from: 'body shorter than its length' },
  { raw: Buffer.from('GET /openapi.json HTTP/1.1\r\nHost: x\r\nBad Header: yes\r\nConnection: close\r\n\r\n'), answers: true, from: 'space in header name' },
];

export const rawRequestArbitrary: fc.Arbitrary<RawRequest> = fc.constantFrom(...RAW_REQUESTS);
