// fast-check arbitraries from the contract's JSON schemas: values that mostly conform (so requests reach
// the rules), with realistic identifiers and codes mixed in, and any JSON where a schema says nothing.
import fc from 'fast-check';
import { CONTRACT } from '../../contract/contract.ts';

type Schema = Record<string, unknown>;

/** Beyond this depth a schema gives small leaves only (recursive shapes would otherwise explode). */
const MAX_DEPTH = 6;

function resolveRef(ref: string): Schema {
  let node: unknown = CONTRACT;
  for (const part of ref.replace(/^#\//, '').split('/')) node = (node as Schema)[part];
  return node as Schema;
}

/** Strings the rules look at: identifiers, sources, codes and statuses; plus hostile text. */
const interestingString: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^91[6-9]\d{9}$/),
  fc.stringMatching(/^[a-z]{3,8}@example\.(com|in)$/),
  fc.constantFrom('INSTORE', 'ECOMMERCE', 'WECHAT', 'MOBILE_APP', 'WEB_ENGAGE', 'LINE', 'FACEBOOK', 'mobile', 'email', 'externalId', 'cardnumber'),
  fc.constantFrom('loyalty', 'non_loyalty', 'ACTIVE', 'TEST', 'CONTROL', 'OPTIN', 'OPTOUT', 'TRANS', 'BULK', 'SMS', 'EMAIL', 'MERGE', 'CHANGE_IDENTIFIER'),
  fc.constantFrom('', ' ', '\u0000', '%zz', '../..', '\u202e', '😀', 'null', 'true', '-1', '1e309', 'NaN', '<script>'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  if (schema.format === 'date-time') {
    return fc.oneof(
      fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
      interestingString,
    );
  }
  if (schema.format === 'date') return fc.oneof(fc.stringMatching(/^20[0-3]\d-(0[1-9]|1[0-2])-[0-2]\d$/), interestingString);
  if (typeof schema.pattern === 'string') {
    let pattern: fc.Arbitrary<string> | undefined;
    try {
      pattern = fc.stringMatching(new RegExp(schema.pattern));
    } catch {
      pattern = undefined;
    }
    return pattern ? fc.oneof(pattern, interestingString) : interestingString;
  }
  return interestingString;
}

function numberArbitrary(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = typeof schema.minimum === 'number' ? schema.minimum : undefined;
  const max = typeof schema.maximum === 'number' ? schema.maximum : undefined;
  const inRange = integer
    ? fc.integer({ min: min ?? -1_000_000, max: max ?? 1_000_000 })
    : fc.double({ min: min ?? -1e9, max: max ?? 1e9, noNaN: true, noDefaultInfinity: true });
  return fc.oneof({ arbitrary: inRange, weight: 4 }, { arbitrary: fc.constantFrom(0, 1, -1, 2 ** 53, -(2 ** 31), 1.5), weight: 1 });
}

/** Any JSON value, for schemas that say nothing (e.g. a config's value). */
export const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });

/** An arbitrary for the schema, resolved against the contract. */
export function arbitraryFor(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema) return anyJson;
  if (typeof schema.$ref === 'string') return arbitraryFor(resolveRef(schema.$ref), depth);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const branches = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
  if (branches) return fc.oneof(...branches.map((branch) => arbitraryFor(branch, depth + 1)));
  if (Array.isArray(schema.allOf)) {
    // The contract uses allOf to extend an object: merge the properties.
    const merged = (schema.allOf as Schema[]).map((part) => (typeof part.$ref === 'string' ? resolveRef(part.$ref) : part));
    return arbitraryFor(
      {
        type: 'object',
        properties: Object.assign({}, ...merged.map((part) => part.properties ?? {})),
        required: merged.flatMap((part) => (part.required as string[] | undefined) ?? []),
      },
      depth,
    );
  }
  const type = Array.isArray(schema.type) ? (schema.type as string[]) : schema.type ? [schema.type as string] : [];
  if (type.length > 1) return fc.oneof(...type.map((t) => arbitraryFor({ ...schema, type: t }, depth)));
  if (depth > MAX_DEPTH) return fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 5 }));
  switch (type[0]) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(arbitraryFor(schema.items as Schema | undefined, depth + 1), {
        minLength: typeof schema.minItems === 'number' ? Math.min(schema.minItems, 3) : 0,
        maxLength: 4,
      });
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const required = new Set((schema.required as string[] | undefined) ?? []);
      const record = fc.record(
        Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, arbitraryFor(property, depth + 1)])),
        { requiredKeys: [...required].filter((name) => name in properties) },
      );
      if (Object.keys(properties).length === 0) {
        // An open map such as configs: names the server knows mixed with anything.
        const key = fc.oneof(fc.constantFrom(...configNames()), fc.string({ maxLength: 12 }));
        return fc.dictionary(key, anyJson, { maxKeys: 4 });
      }
      return record;
    }
    default:
      return anyJson;
  }
}

let names: string[] | undefined;
function configNames(): string[] {
  names ??= Object.keys((resolveRef('#/components/schemas/OrgConfigs').properties ?? {}) as object);
  return names.length > 0 ? names : ['CONF_SKIP_SECONDARY'];
}
