// A scenario's stable id: its feature file below features/, its name as a slug, and a short hash of the
// exact name ("registration/primary_key/registering-with-a-mobile-number-3f2a1c"). The hash keeps apart
// names the slug alone would merge (letter case, punctuation, a long name cut short). The id does not
// move when lines do, so deep links into index.html (#id), summary.json entries and requirement rows keep
// naming the same scenario from run to run. Scenario names are unique across the suite
// (scenario_id.spec.ts), so the ids are too.
import { createHash } from 'node:crypto';

const MAX_SLUG_LENGTH = 100;

/** "Registering with E1 (upper case)!" -> "registering-with-e1-upper-case". */
export function slug(text: string): string {
  const plain = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (plain.length <= MAX_SLUG_LENGTH) return plain || 'scenario';
  // Cut at a word boundary so the id stays readable.
  const cut = plain.slice(0, MAX_SLUG_LENGTH);
  return cut.slice(0, cut.lastIndexOf('-') > 40 ? cut.lastIndexOf('-') : MAX_SLUG_LENGTH);
}

/** `features/registration/primary_key.feature` -> `registration/primary_key`. */
export function featureKey(featureUri: string): string {
  const uri = featureUri.replace(/\\/g, '/');
  const below = uri.includes('features/') ? uri.slice(uri.lastIndexOf('features/') + 'features/'.length) : uri;
  return below.replace(/\.feature$/, '');
}

export function scenarioId(featureUri: string, name: string): string {
  const hash = createHash('sha1').update(name).digest('hex').slice(0, 6);
  return `${featureKey(featureUri)}/${slug(name)}-${hash}`;
}

/**
 * Ids for scenarios in run order. Two scenarios that share a name (the suite forbids it, but a run of
 * another feature set may have them) get "~2", "~3"... in that order, so every id stays unique.
 */
export function uniqueScenarioIds(scenarios: readonly { featureUri: string; name: string }[]): string[] {
  const seen = new Map<string, number>();
  return scenarios.map((s) => {
    const id = scenarioId(s.featureUri, s.name);
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id}~${n}`;
  });
}
