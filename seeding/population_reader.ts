// Reads a population file and its ground truth (generators/population_format.ts) for the seed command.
// The population is checked whole before anything is sent (a bad line 90 000 must not stop a load half
// way), then streamed a second time while sending, so a large file is never held in memory.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import {
  POPULATION_FORMAT_VERSION,
  type GroundTruthRecord,
  type PopulationHeader,
  type SourceProfileRecord,
} from '../generators/population_format.ts';

/** The file cannot be used as given; the message is one line naming the file, the line and the fault. */
export class PopulationFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PopulationFileError';
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

interface NumberedLine {
  readonly number: number;
  readonly value: Json;
}

function unreadable(error: unknown, shown: string): PopulationFileError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, not an NDJSON file' : `cannot be read (${code ?? String(error)})`;
  return new PopulationFileError(`${shown}: ${why}`);
}

/** Every non-blank line as parsed JSON with its 1-based line number. */
async function* jsonLines(file: string, shown: string): AsyncGenerator<NumberedLine> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  let number = 0;
  try {
    for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
      number += 1;
      if (line.trim() === '') continue;
      let value: Json;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new PopulationFileError(`${shown} line ${number}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new PopulationFileError(`${shown} line ${number}: must be a JSON object`);
      }
      yield { number, value };
    }
  } catch (error) {
    if (error instanceof PopulationFileError) throw error;
    // Opening or reading the file failed (missing, a directory, no permission).
    if ((error as NodeJS.ErrnoException).code) throw unreadable(error, shown);
    throw error;
  } finally {
    stream.destroy();
  }
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isList = (value: unknown): value is unknown[] => Array.isArray(value);

function checkHeader(line: NumberedLine | undefined, shown: string): PopulationHeader {
  if (!line) throw new PopulationFileError(`${shown}: empty file (line 1 must be the population header)`);
  const { value, number } = line;
  const at = `${shown} line ${number}`;
  if (value.record !== 'population') throw new PopulationFileError(`${at}: the first record must be the population header ("record": "population")`);
  if (value.formatVersion !== POPULATION_FORMAT_VERSION) {
    throw new PopulationFileError(
      `${at}: population formatVersion ${JSON.stringify(value.formatVersion)} is not one this memberspec reads (it reads ${POPULATION_FORMAT_VERSION}); generate the population again with this version`,
    );
  }
  if (typeof value.org !== 'object' || value.org === null || typeof value.org.configs !== 'object' || value.org.configs === null) {
    throw new PopulationFileError(`${at}: "org" must be an object with "configs"`);
  }
  const labels = value.org.statusLabels;
  if (labels !== undefined && (!isList(labels) || labels.some((entry: Json) => !isText(entry?.status) || !isText(entry?.label)))) {
    throw new PopulationFileError(`${at}: "org.statusLabels" must be a list of {"status", "label"} strings`);
  }
  return value as PopulationHeader;
}

/** The first fault of a profile record, or undefined when it can be sent. */
function profileFault(value: Json): string | undefined {
  if (value.record !== 'profile') return `"record" must be "profile", got ${JSON.stringify(value.record)}`;
  if (!isText(value.profileId)) return '"profileId" must be a non-empty string';
  if (!isText(value.source)) return '"source" must be a non-empty string';
  if (value.loyaltyType !== 'loyalty' && value.loyaltyType !== 'non_loyalty') return '"loyaltyType" must be "loyalty" or "non_loyalty"';
  if (!isList(value.identifiers) || value.identifiers.some((item: Json) => !isText(item?.type) || typeof item?.value !== 'string')) {
    return '"identifiers" must be a list of {"type", "value"} strings';
  }
  for (const list of ['commChannels', 'subscriptions', 'cards', 'transactions']) {
    if (!isList(value[list])) return `"${list}" must be a list`;
  }
  if (value.transactions.some((item: Json) => !isText(item?.billNumber) || typeof item?.billAmount !== 'number')) {
    return '"transactions" must each have a "billNumber" string and a "billAmount" number';
  }
  if (value.subscriptions.some((item: Json) => !isText(item?.channel) || !isText(item?.type) || !isText(item?.status))) {
    return '"subscriptions" must each have "channel", "type" and "status" strings';
  }
  if (value.cards.some((item: Json) => !isText(item?.cardNumber))) return '"cards" must each have a "cardNumber" string';
  if (value.statusLabel !== undefined && !isText(value.statusLabel)) return '"statusLabel" must be a non-empty string when given';
  if (!isText(value.createDate)) return '"createDate" must be an ISO 8601 date';
  return undefined;
}

export interface CheckedPopulation {
  readonly header: PopulationHeader;
  readonly profileIds: ReadonlySet<string>;
}

/** Reads the whole file once and throws PopulationFileError at the first bad line or duplicate profileId. */
export async function checkPopulation(file: string, shown: string = file): Promise<CheckedPopulation> {
  const lines = jsonLines(file, shown);
  const header = checkHeader((await lines.next()).value || undefined, shown);
  const seen = new Set<string>();
  for await (const { number, value } of lines) {
    const fault = profileFault(value);
    if (fault) throw new PopulationFileError(`${shown} line ${number}: ${fault}`);
    if (seen.has(value.profileId)) throw new PopulationFileError(`${shown} line ${number}: profileId "${value.profileId}" appears twice`);
    seen.add(value.profileId);
  }
  return { header, profileIds: seen };
}

/** The profile records in file order (the file must have passed checkPopulation). */
export async function* profileRecords(file: string): AsyncGenerator<SourceProfileRecord> {
  let first = true;
  for await (const { value } of jsonLines(file, file)) {
    if (first) first = false;
    else yield value as SourceProfileRecord;
  }
}

export interface GroundTruth {
  /** personIds in file order; a profile's person is an index into it. */
  readonly personIds: readonly string[];
  readonly personOf: ReadonlyMap<string, number>;
}

/** Reads the ground truth; every profile of the population must belong to exactly one person. */
export async function readGroundTruth(file: string, population: CheckedPopulation, shown: string = file): Promise<GroundTruth> {
  const personIds: string[] = [];
  const personOf = new Map<string, number>();
  for await (const { number, value } of jsonLines(file, shown)) {
    const at = `${shown} line ${number}`;
    const record = value as GroundTruthRecord;
    if (record.record !== 'person' || !isText(record.personId) || !isList(record.profileIds)) {
      throw new PopulationFileError(`${at}: must be a person record {"record": "person", "personId", "profileIds": [...]}`);
    }
    for (const profileId of record.profileIds) {
      if (!population.profileIds.has(profileId)) throw new PopulationFileError(`${at}: profile "${profileId}" is not in the population`);
      if (personOf.has(profileId)) {
        throw new PopulationFileError(`${at}: profile "${profileId}" already belongs to person "${personIds[personOf.get(profileId)!]}"`);
      }
      personOf.set(profileId, personIds.length);
    }
    personIds.push(record.personId);
  }
  if (personOf.size !== population.profileIds.size) {
    const missing = [...population.profileIds].find((profileId) => !personOf.has(profileId));
    throw new PopulationFileError(`${shown}: profile "${missing}" of the population belongs to no person; the two files must come from the same generate run`);
  }
  return { personIds, personOf };
}
