// Profile mode: a vendor target without the test-control extension has one fixed org. Its profile
// file says how that org is configured; a scenario that needs other configs is not applicable.
import { readFileSync } from 'node:fs';
import { isSupportedCountry } from 'libphonenumber-js/max';
import { configDescriptions, type ConfigDescription } from '../contract/contract.ts';
import { HarnessError, NotApplicableError, resolveRestriction, resolveStatus, type OrgSetup, type StatusLabelSetup } from './driver.ts';

export interface VendorProfile {
  readonly name: string;
  readonly till: { readonly username: string; readonly password: string };
  readonly configs: Readonly<Record<string, unknown>>;
  readonly baseCountry: string;
  readonly supportedCountries: readonly string[];
  /** The org's customer status labels in creation order (status, label, restrictions). */
  readonly statusLabels?: readonly StatusLabelSetup[];
}

const DEFAULT_BASE_COUNTRY = 'IN';

/** The till's password from the environment (CI secrets), which takes the place of the file's "till.password". */
export const TILL_PASSWORD_ENV = 'MEMBERSPEC_TILL_PASSWORD';

/** A country whose mobiles can be checked: libphonenumber's list, the one the reference validates mobiles with. */
function isKnownCountry(code: string): boolean {
  return /^[A-Za-z]{2}$/.test(code) && isSupportedCountry(code.toUpperCase());
}

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
  const envPassword = process.env[TILL_PASSWORD_ENV];
  const passwordFromEnv = envPassword !== undefined && envPassword !== '';
  if (typeof profile.till?.username !== 'string' || (typeof profile.till?.password !== 'string' && !(passwordFromEnv && profile.till?.password === undefined))) {
    fail(shownPath, `"till" must be ${tillShape}`);
  }
  const password: string = passwordFromEnv ? envPassword : profile.till.password;
  // Basic auth sends "username:md5(password)": an empty part or a colon in the username cannot authenticate.
  if (profile.till.username.trim() === '') fail(shownPath, '"till.username" is empty; give the till code the target knows');
  if (profile.till.username.includes(':')) fail(shownPath, `"till.username" contains ":", which HTTP Basic credentials cannot carry in a username`);
  if (password === '') fail(shownPath, `"till.password" is empty; give the till's plain password (memberspec sends its md5), or set ${TILL_PASSWORD_ENV}`);
  const configs = profile.configs ?? {};
  if (typeof configs !== 'object' || Array.isArray(configs)) fail(shownPath, '"configs" must be an object of CONF_* values');
  const known = configDescriptions();
  for (const [name, value] of Object.entries(configs)) {
    const description = known.get(name);
    if (!description) fail(shownPath, `unknown config ${name}`);
    if (normalise(description, value) === undefined && value !== null) fail(shownPath, `${name} has an invalid value ${JSON.stringify(value)}`);
  }
  if (profile.baseCountry !== undefined && typeof profile.baseCountry !== 'string') fail(shownPath, '"baseCountry" must be a country code such as "IN"');
  if (typeof profile.baseCountry === 'string' && !isKnownCountry(profile.baseCountry)) {
    fail(shownPath, `"baseCountry" ${JSON.stringify(profile.baseCountry)} is not a country code with a telephone numbering plan (ISO 3166-1 alpha-2, such as "IN")`);
  }
  const supported = profile.supportedCountries ?? [];
  if (!Array.isArray(supported) || supported.some((c) => typeof c !== 'string')) fail(shownPath, '"supportedCountries" must be a list of country codes');
  const unknownCountry = (supported as string[]).find((c) => !isKnownCountry(c));
  if (unknownCountry !== undefined) fail(shownPath, `"supportedCountries" has ${JSON.stringify(unknownCountry)}, not a country code with a telephone numbering plan (ISO 3166-1 alpha-2, such as "SG")`);
  const statusLabels = profile.statusLabels ?? [];
  const labelShape = '{"status": "Suspended", "label": "...", "restrictions": ["BLOCK_TRANSACTION"]}';
  if (!Array.isArray(statusLabels)) fail(shownPath, `"statusLabels" must be a list of ${labelShape}`);
  for (const entry of statusLabels as Record<string, any>[]) {
    if (typeof entry?.label !== 'string' || typeof entry?.status !== 'string') fail(shownPath, `"statusLabels" must be a list of ${labelShape}`);
    // Names as a person types them into a profile: spaces around are dropped.
    if (!resolveStatus(entry.status.trim())) fail(shownPath, `status label "${entry.label}" has an unknown status "${entry.status}"`);
    const restrictions = entry.restrictions ?? [];
    const unknown = Array.isArray(restrictions) ? restrictions.find((r: unknown) => typeof r !== 'string' || !resolveRestriction(r.trim())) : restrictions;
    if (unknown !== undefined) fail(shownPath, `status label "${entry.label}" has an unknown restriction ${JSON.stringify(unknown)}`);
  }
  return {
    statusLabels: statusLabels as StatusLabelSetup[],
    name: profile.name,
    till: { username: profile.till.username, password },
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

/** A config value in canonical form (booleans from "true"/"1"..., enum case, ISO dates, numbers, lists); undefined if invalid. */
function normalise(description: ConfigDescription, value: unknown): ConfigScalar | undefined {
  if (description.type === 'number') {
    const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
    return Number.isFinite(number) && number >= 0 ? number : undefined;
  }
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
  // A list such as CONF_LOYALTY_TIERS: compared without spaces.
  if (description.format !== 'date-time') return value.replace(/\s*([:,])\s*/g, '$1').trim();
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

/** What a profile that leaves out a must-state setting (the loyalty program's) has: an unknown value. */
export const NOT_STATED = '(not stated in the vendor profile)';

/** The profile gives the setting, under its name or an alias. */
function stated(configs: Readonly<Record<string, unknown>>, name: string): boolean {
  const known = configDescriptions();
  return Object.keys(configs).some((key) => (known.get(key)?.aliasOf ?? key) === name);
}

/**
 * Throws NotApplicableError when the scenario's org setup differs from the vendor's fixed org.
 * Unspecified configs take the contract's defaults; supportedCountries is compared only when given.
 */
export function checkProfileApplicable(profile: VendorProfile, setup: OrgSetup): void {
  const wanted = effective(setup.configs ?? {}, 'scenario configs');
  const actual = effective(profile.configs, `vendor profile ${profile.name}`);
  const known = configDescriptions();
  const named = new Set(Object.keys(setup.configs ?? {}).map((name) => known.get(name)?.aliasOf ?? name));
  const mismatches: string[] = [];
  for (const [name, value] of wanted) {
    // The loyalty program's settings have no default a vendor can be assumed to share: a scenario that
    // names one runs only where the profile states the same value; one that does not name it, anywhere.
    if (known.get(name)?.profileMustState) {
      if (!named.has(name)) continue;
      if (!stated(profile.configs, name)) {
        mismatches.push(`needs ${name}=${shown(value)}, target has ${NOT_STATED}`);
        continue;
      }
    }
    if (actual.get(name) !== value) mismatches.push(`needs ${name}=${shown(value)}, target has ${shown(actual.get(name))}`);
  }
  const baseCountry = (setup.baseCountry ?? DEFAULT_BASE_COUNTRY).toUpperCase();
  if (baseCountry !== profile.baseCountry) mismatches.push(`needs baseCountry=${baseCountry}, target has ${profile.baseCountry}`);
  if (setup.supportedCountries) {
    const want = [...setup.supportedCountries].map((c) => c.toUpperCase()).sort().join(',');
    const have = [...profile.supportedCountries].sort().join(',');
    if (want !== have) mismatches.push(`needs supportedCountries=[${want}], target has [${have}]`);
  }
  // Labels matter only where the scenario turns customer status on by name or declares labels: in an org
  // that is on only by default (ruling 7) new customers take the default label, an Active one without
  // restrictions, so the vendor's labels change nothing the scenario asserts.
  const namesStatus = named.has(STATUS_CONFIG) || (setup.statusLabels?.length ?? 0) > 0;
  if (namesStatus && wanted.get(STATUS_CONFIG) === true && actual.get(STATUS_CONFIG) === true) {
    const want = describeLabels(setup.statusLabels ?? []);
    const have = describeLabels(profile.statusLabels ?? []);
    if (want !== have) mismatches.push(`needs statusLabels=[${want}], target has [${have}]`);
  }
  if (mismatches.length > 0) throw new NotApplicableError(mismatches.join('; '));
}

const STATUS_CONFIG = 'CONF_CUSTOMER_STATUS_ENABLED';

/** Labels in creation order, in canonical names: "SUSPENDED:On hold(BLOCK_TRANSACTION) | ACTIVE:Regular". */
function describeLabels(labels: readonly StatusLabelSetup[]): string {
  return labels
    .map((entry) => {
      const restrictions = (entry.restrictions ?? []).map((r) => resolveRestriction(r.trim())?.name ?? r).sort();
      return `${resolveStatus(entry.status.trim()) ?? entry.status}:${entry.label}${restrictions.length ? `(${restrictions.join(',')})` : ''}`;
    })
    .join(' | ');
}
