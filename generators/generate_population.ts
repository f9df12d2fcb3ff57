// Generates a population as a stream of NDJSON lines: the header, then the source profiles in the order
// they happened (within blocks of persons, so memory stays flat), and the ground truth beside them.
import { suiteInfo } from '../api/project_root.ts';
import {
  POPULATION_FORMAT_VERSION,
  type GroundTruthRecord,
  type PopulationHeader,
  type SourceProfileRecord,
} from './population_format.ts';
import { createGenerationContext, type GenerationContext } from './generation_context.ts';
import { MAX_PERSONS, MAX_SEED } from './generation_limits.ts';
import { POPULATION_PROFILES, type PopulationProfile } from './population_profiles.ts';
import { renderProfile, type RenderOptions } from './source_profiles.ts';

/** Persons whose profiles are interleaved by date before they are written. Part of the output's shape. */
export const BLOCK_PERSONS = 256;

export interface GenerateOptions {
  readonly persons: number;
  readonly seed: number;
  readonly profile: string;
  /**
   * Extra fields added to every profile, each drawn from its own stream (a programmatic extension point:
   * adding one leaves every other value of the population unchanged).
   */
  readonly extraFields?: readonly ExtraField[];
}

export interface ExtraField {
  readonly name: string;
  draw(stream: { float(): number; int(min: number, max: number): number; pick<T>(items: readonly T[]): T }): string | number | boolean;
}

export interface PopulationChunk {
  /** NDJSON lines of the population file (each ending in a newline). */
  readonly population: string;
  /** NDJSON lines of the ground-truth file. */
  readonly truth: string;
  /** Persons generated so far. */
  readonly personsDone: number;
}

export function generatorVersion(): string {
  return suiteInfo().version;
}

export function populationHeader(options: GenerateOptions, profile: PopulationProfile = requireProfile(options.profile)): PopulationHeader {
  return {
    record: 'population',
    formatVersion: POPULATION_FORMAT_VERSION,
    generatorVersion: generatorVersion(),
    seed: options.seed,
    persons: options.persons,
    profile: profile.name,
    from: profile.range.from,
    to: profile.range.to,
    org: profile.org,
  };
}

export function requireProfile(name: string): PopulationProfile {
  const profile = POPULATION_PROFILES[name];
  if (!profile) throw new Error(`unknown population profile "${name}"`);
  return profile;
}

interface GeneratedPerson {
  readonly truth: GroundTruthRecord;
  readonly profiles: { readonly record: SourceProfileRecord; readonly at: number; readonly slot: number; readonly person: number }[];
}

const RENDER_OPTIONS = new WeakMap<PopulationProfile, RenderOptions>();
function renderOptions(profile: PopulationProfile): RenderOptions {
  let options = RENDER_OPTIONS.get(profile);
  if (!options) {
    const range = { from: Date.parse(profile.range.from), to: Date.parse(profile.range.to) };
    options = { range, baseCountry: profile.org.baseCountry ?? 'IN', purchases: profile.purchases };
    RENDER_OPTIONS.set(profile, options);
  }
  return options;
}

/** One person and their profiles; depends only on (seed, profile, index), never on other persons. */
export function generatePerson(ctx: GenerationContext, profile: PopulationProfile, index: number, extraFields: readonly ExtraField[] = []): GeneratedPerson {
  const options = renderOptions(profile);
  const { person, plans } = profile.person(ctx, index, options.range);
  const ordered = plans.map((plan, slot) => ({ plan, slot })).sort((a, b) => a.plan.date - b.plan.date || a.slot - b.slot);
  const profiles = ordered.map(({ plan, slot }) => {
    let record = renderProfile(person, plan, slot, ctx, options);
    if (extraFields.length > 0) {
      const extra: Record<string, string | number | boolean> = {};
      for (const field of extraFields) extra[field.name] = field.draw(person.streams.open(`extra:${field.name}`, slot));
      record = { ...record, extendedFields: extra };
    }
    return { record, at: plan.date, slot, person: index };
  });
  return {
    truth: {
      record: 'person',
      personId: person.personId,
      market: person.market.code,
      profileIds: profiles.map((p) => p.record.profileId),
      traits: [...person.traits].sort(),
    },
    profiles,
  };
}

/** The population as chunks of lines, one block of persons at a time. */
export function* generatePopulation(options: GenerateOptions): Generator<PopulationChunk> {
  if (!Number.isInteger(options.persons) || options.persons < 1 || options.persons > MAX_PERSONS) {
    throw new Error(`persons must be a whole number from 1 to ${MAX_PERSONS}`);
  }
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > MAX_SEED) throw new Error(`seed must be a whole number from 0 to ${MAX_SEED}`);
  const profile = requireProfile(options.profile);
  const ctx = createGenerationContext(options.seed);
  yield { population: JSON.stringify(populationHeader(options, profile)) + '\n', truth: '', personsDone: 0 };
  for (let start = 0; start < options.persons; start += BLOCK_PERSONS) {
    const end = Math.min(options.persons, start + BLOCK_PERSONS);
    const block: GeneratedPerson['profiles'][number][] = [];
    let truth = '';
    for (let index = start; index < end; index++) {
      const generated = generatePerson(ctx, profile, index, options.extraFields);
      truth += JSON.stringify(generated.truth) + '\n';
      for (const p of generated.profiles) block.push(p);
    }
    block.sort((a, b) => a.at - b.at || a.person - b.person || a.slot - b.slot);
    let population = '';
    for (const p of block) population += JSON.stringify(p.record) + '\n';
    yield { population, truth, personsDone: end };
  }
}
