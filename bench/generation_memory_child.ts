// Child process of the generation benchmark: writes a population file and prints its peak RSS, so the
// figure covers one whole run and nothing else.
import { writePopulation } from '../generators/write_population.ts';

const [persons, out] = [Number(process.argv[2]), process.argv[3]];
const started = performance.now();
await writePopulation(out, { persons, seed: 1, profile: 'balanced' });
// resourceUsage().maxRSS is in kilobytes.
process.stdout.write(JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024, seconds: (performance.now() - started) / 1000 }) + '\n');
