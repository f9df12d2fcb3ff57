// Worker entry of a generation run: writes the files and reports progress and the result to the
// parent by message. The compiled package starts it as dist/generators/generation_worker.js; a checkout
// starts generation_worker.mjs, which loads this file through tsx.
import { parentPort, workerData } from 'node:worker_threads';
import { writePopulation, type WriteProgress } from './write_population.ts';

const result = await writePopulation(workerData.out, workerData.options, (progress: WriteProgress) => parentPort!.postMessage({ type: 'progress', progress }));
parentPort!.postMessage({ type: 'done', result });
