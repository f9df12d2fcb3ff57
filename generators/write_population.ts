// Writes a population file and its ground truth as streams: each chunk waits for the files to drain
// (backpressure), so memory stays flat whatever the number of persons. Files appear under their names only
// when complete (written beside them as `.partial` first).
import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';
import { groundTruthPath } from './population_format.ts';
import { generatePopulation, type GenerateOptions } from './generate_population.ts';

export interface WriteProgress {
  readonly personsDone: number;
  readonly persons: number;
}

export interface WriteResult {
  readonly populationPath: string;
  readonly truthPath: string;
  readonly profiles: number;
}

async function write(stream: WriteStream, text: string): Promise<void> {
  if (text.length === 0) return;
  // events.once rejects when the stream emits 'error' while we wait.
  if (!stream.write(text)) await once(stream, 'drain');
}

async function close(stream: WriteStream): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}

export async function writePopulation(
  outPath: string,
  options: GenerateOptions,
  onProgress?: (progress: WriteProgress) => void,
): Promise<WriteResult> {
  const truthPath = groundTruthPath(outPath);
  const partial = (p: string) => `${p}.partial`;
  const population = createWriteStream(partial(outPath));
  const truth = createWriteStream(partial(truthPath));
  let profiles = -1; // the header is not a profile
  try {
    await Promise.all([once(population, 'open'), once(truth, 'open')]);
    for (const chunk of generatePopulation(options)) {
      for (let at = chunk.population.indexOf('\n'); at !== -1; at = chunk.population.indexOf('\n', at + 1)) profiles++;
      await Promise.all([write(population, chunk.population), write(truth, chunk.truth)]);
      onProgress?.({ personsDone: chunk.personsDone, persons: options.persons });
    }
    await Promise.all([close(population), close(truth)]);
  } catch (error) {
    population.destroy();
    truth.destroy();
    rmSync(partial(outPath), { force: true });
    rmSync(partial(truthPath), { force: true });
    throw error;
  }
  renameSync(partial(outPath), outPath);
  renameSync(partial(truthPath), truthPath);
  return { populationPath: outPath, truthPath, profiles };
}
