// Profile mode: a vendor target without the test-control extension has one fixed org. Its profile
// file says how that org is configured; a scenario that needs other configs is not applicable.
import { readFileSync } from 'node:fs';
import { configDescriptions, type ConfigDescription } from '../contract/contract.ts';
import { HarnessError, NotApplicableError, type OrgSetup } from './driver.ts';

export interface VendorProfile {
  readonly name: string;
  readonly till: { readonly username: string; readonly password: string };
  readonly configs: Readonly<Record<string, unknown>>;
  readonly baseCountry: string;
  readonly supportedCountries: readonly string[];
}

const DEFAULT_BASE_COUNTRY = 'IN';

function fail(shownPath: string, problem: string): never {
  throw new HarnessError(`vendor profile ${shownPath}: ${problem}`);
}

/**
 * Reads and checks a profile file: { name, till: {username, password}, configs, baseCountry?, supportedCountries? }.
 * Every problem is a HarnessError with one line naming the file (as `shownPath`, default `path`) and the fault.
 */
export function loadVendorProfile(path: string, shownPath: string = path): VendorProfile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') fail(shownPath, 'file not found');
    if (code === 'EISDIR') fail(shownPath, 'is a directory, not a JSON file');
    fail(shownPath, `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    fail(shownPath, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(shownPath, 'must be a JSON object');
  const profile = raw as Record<string, any>;
  if (typeof profile.name !== 'string' || profile.name === '') fail(shownPath, '"name" must be a non-empty string');
  const tillShape = '{"username": "...", "password": "..."}';
  if (profile.till === undefined) fail(shownPath, `"till" is missing; it must be ${tillShape} (the till's credentials)`);
  if (typeof profile.till?.username !== 'string' || typeof profile.till?.password !== 'string') {
    fail(shownPath, `"till" must be ${tillShape}`);
  }
  const configs = profile.configs ?? {};
  if (typeof configs !== 'object' || Array.isArray(configs)) fail(shownPath, '"configs" must be an object of CONF_* values');
  const known = configDescriptions();
  for (const [name, value] of Object.entries(configs)) {
    const description = known.get(name);
    if (!description) fail(shownPath, `unknown config ${name}`);
    if (normalise(description, value) === undefined && value !== null) fail(shownPath, `${name} has an invalid value ${JSON.stringify(value)}`);
  }
  if (profile.baseCountry !== undefined && typeof profile.baseCountry !== 'string') fail(shownPath, '"baseCountry" must be a country code such as "IN"');
  const supported = profile.supportedCountries ?? [];
  if (!Array.isArray(supported) || supported.some((c) => typeof c !== 'string')) fail(shownPath, '"supportedCountries" must be a list of country codes');
  return {
    name: profile.name,
    till: { username: profile.till.username, password: profile.till.password },
    configs,
    baseCountry: typeof profile.baseCountry === 'string' ? profile.baseCountry.toUpperCase() : DEFAULT_BASE_COUNTRY,
    supportedCountries: supported.map((c: string) => c.toUpperCase()),
  };
}

type ConfigScalar = boolean | string | number;

/** A list config ("INSTORE:", "web_engage:1234"...) as one comparable text: entries trimmed, unquoted, sources upper-cased, sorted. */
function normaliseList(value: unknown): string | undefined {
  let items: unknown = value;
  if (typeof value === 'string') {
    try {
      items = value.trim().startsWith('[') ? JSON.parse(value) : value.split(',');
    } catch {
      return undefined;
    }
  }
  if (!Array.isArray(items) || items.length === 0 || items.some((item) => typeof item !== 'string')) return undefined;
  const entries = (items as string[]).map((item) => {
    const entry = item.trim().replace(/^"(.*)"$/, '$1').trim();
    const colon = entry.indexOf(':');
    return colon < 0 ? entry.toUpperCase() : `${entry.slice(0, colon).toUpperCase()}:${entry.slice(colon + 1).trim()}`;
  });
  return [...new Set(entries)].sort().join(', ');
}

/** A config value in canonical form (booleans from "true"/"1"..., enum case, ISO dates, integers, lists); undefined if invalid. */
function normalise(description: ConfigDescription, value: unknown): ConfigScalar | undefined {
  if (description.type === 'boolean') {
    if (typeof value === 'boolean') return value;
    const text = String(value).trim().toLowerCase();
    if (text === 'true' || text === '1') return true;
    if (text === 'false' || text === '0') return false;
    return undefined;
  }
  if (description.type === 'integer') {
    const number = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
    return typeof number === 'number' && Number.isSafeInteger(number) ? number : undefined;
  }
  if (description.type === 'array') return normaliseList(value);
  if (typeof value === 'number' && !description.enum && !description.format) return String(value);
  if (typeof value !== 'string') return undefined;
  if (description.enum) return description.enum.find((allowed) => allowed.toLowerCase() === value.trim().toLowerCase());
  if (description.format !== 'date-time') return value.trim();
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** Effective value of every documented config: the given ones over the contract's defaults, aliases folded. */
function effective(configs: Readonly<Record<string, unknown>>, where: string): Map<string, ConfigScalar | undefined> {
  const known = configDescriptions();
  const values = new Map<string, ConfigScalar | undefined>();
  for (const [name, description] of known) if (!description.aliasOf) values.set(name, description.default);
  for (const [key, value] of Object.entries(configs)) {
    const description = known.get(key);
    if (!description) throw new HarnessError(`${where}: unknown config ${key}`);
    const name = description.aliasOf ?? key;
    const parsed = value === null || value === '' ? undefined : normalise(description, value);
    if (parsed === undefined && value !== null && value !== '') throw new HarnessError(`${where}: ${key} has an invalid value ${JSON.stringify(value)}`);
    values.set(name, parsed);
  }
  return values;
}

function shown(value: ConfigScalar | undefined): string {
  if (value === '') return '(empty)';
  return value === undefined ? '(not set)' : String(value);
}

/**
 * Throws NotApplicableError when the scenario's org setup differs from the vendor's fixed org.
 * Unspecified configs take the contract's defaults; supportedCountries is compared only when given.
 */
export function checkProfileApplicable(profile: VendorProfile, setup: OrgSetup): void {
  const wanted = effective(setup.configs ?? {}, 'scenario configs');
  const actual = effective(profile.configs, `vendor profile ${profile.name}`);
  const mismatches: string[] = [];
  for (const [name, value] of wanted) {
    if (actual.get(name) !== value) mismatches.push(`needs ${name}=${shown(value)}, target has ${shown(actual.get(name))}`);
  }
  const baseCountry = (setup.baseCountry ?? DEFAULT_BASE_COUNTRY).toUpperCase();
  if (baseCountry !== profile.baseCountry) mismatches.push(`needs baseCountry=${baseCountry}, target has ${profile.baseCountry}`);
  if (setup.supportedCountries) {
    const want = [...setup.supportedCountries].map((c) => c.toUpperCase()).sort().join(',');
    const have = [...profile.supportedCountries].sort().join(',');
    if (want !== have) mismatches.push(`needs supportedCountries=[${want}], target has [${have}]`);
  }
  if (mismatches.length > 0) throw new NotApplicableError(mismatches.join('; '));
}
