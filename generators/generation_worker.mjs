// Worker entry of a generation run: loads the TypeScript sources through tsx, writes the files, and
// reports progress and the result to the parent by message.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { writePopulation } = await import('./write_population.ts');
const result = await writePopulation(workerData.out, workerData.options, (progress) => parentPort.postMessage({ type: 'progress', progress }));
parentPort.postMessage({ type: 'done', result });
