// What the generate command accepts, in a module light enough for the CLI to load before any generation.

/** Persons one population may hold: the unique-identifier spaces are sized for it. */
export const MAX_PERSONS = 5_000_000;
export const MAX_SEED = 2 ** 32 - 1;
/** The named population profiles (population_profiles.ts defines them; a spec keeps the two in step). */
export const POPULATION_PROFILE_NAMES = ['balanced', 'merge-heavy', 'dual-eligibility'] as const;
export const DEFAULT_POPULATION_PROFILE = 'balanced';
