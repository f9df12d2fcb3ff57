// Child process of the generation benchmark: runs a generation as `memberspec generate` does (in a worker
// with a bounded heap) and prints the process's peak RSS, so the figure covers one whole run.
import { generateInWorker } from '../generators/run_generation.ts';

const [persons, out] = [Number(process.argv[2]), process.argv[3]];
const started = performance.now();
await generateInWorker(out, { persons, seed: 1, profile: 'balanced' });
// resourceUsage().maxRSS is in kilobytes.
process.stdout.write(JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024, seconds: (performance.now() - started) / 1000 }) + '\n');
