// Shared by the generator specs: a population generated in memory and parsed.
import type { GroundTruthRecord, PopulationHeader, SourceProfileRecord } from './population_format.ts';
import { generatePopulation, type GenerateOptions } from './generate_population.ts';

export interface ParsedPopulation {
  readonly text: string;
  readonly truthText: string;
  readonly header: PopulationHeader;
  readonly profiles: SourceProfileRecord[];
  readonly truth: GroundTruthRecord[];
  /** Each profile's owner according to the ground truth. */
  readonly ownerOf: Map<string, GroundTruthRecord>;
}

const cache = new Map<string, ParsedPopulation>();

export function population(options: Omit<GenerateOptions, 'extraFields'> & Pick<GenerateOptions, 'extraFields'>): ParsedPopulation {
  const key = options.extraFields ? '' : JSON.stringify(options);
  const cached = key ? cache.get(key) : undefined;
  if (cached) return cached;
  let text = '';
  let truthText = '';
  for (const chunk of generatePopulation(options)) {
    text += chunk.population;
    truthText += chunk.truth;
  }
  const lines = text.trimEnd().split('\n').map((line) => JSON.parse(line) as PopulationHeader | SourceProfileRecord);
  const truth = truthText.trimEnd().split('\n').map((line) => JSON.parse(line) as GroundTruthRecord);
  const ownerOf = new Map<string, GroundTruthRecord>();
  for (const person of truth) for (const id of person.profileIds) ownerOf.set(id, person);
  const parsed: ParsedPopulation = {
    text,
    truthText,
    header: lines[0] as PopulationHeader,
    profiles: lines.slice(1) as SourceProfileRecord[],
    truth,
    ownerOf,
  };
  if (key) cache.set(key, parsed);
  return parsed;
}

export function identifier(profile: SourceProfileRecord, type: string): string | undefined {
  return profile.identifiers.find((i) => i.type === type)?.value;
}
