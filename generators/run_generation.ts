// Runs a generation in a worker thread with a small V8 heap: left alone, V8 lets the heap of this
// garbage-heavy loop grow far beyond what it keeps alive; with these limits a run stays near 100 MB RSS
// whatever the number of persons (see `npm run bench -- generation`).
import { rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { GenerateOptions } from './generate_population.ts';
import { groundTruthPath } from './population_format.ts';
import { COMPILED } from '../api/project_root.ts';
import type { WriteProgress, WriteResult } from './write_population.ts';

const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 6 };

type WorkerMessage = { type: 'progress'; progress: WriteProgress } | { type: 'done'; result: WriteResult };

/** A generation stopped by its caller (Ctrl-C, SIGTERM): its `.partial` files are removed, nothing else was written. */
export class GenerationInterrupted extends Error {
  constructor(readonly removed: readonly string[]) {
    super('generation interrupted; its partial files were removed');
    this.name = 'GenerationInterrupted';
  }
}

export function generateInWorker(
  out: string,
  options: GenerateOptions,
  onProgress?: (progress: WriteProgress) => void,
  signal?: AbortSignal,
): Promise<WriteResult> {
  return new Promise((resolve, reject) => {
    // Compiled (an installed package): the worker's JavaScript; a checkout: a loader that brings tsx along.
    const entry = COMPILED ? new URL('./generation_worker.js', import.meta.url) : new URL('./generation_worker.mjs', import.meta.url);
    const worker = new Worker(entry, {
      workerData: { out, options },
      resourceLimits: RESOURCE_LIMITS,
    });
    let result: WriteResult | undefined;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress?.(message.progress);
      else result = message.result;
    });
    let interrupted = false;
    const onAbort = () => {
      interrupted = true;
      void worker.terminate();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      signal?.removeEventListener('abort', onAbort);
      if (result) resolve(result);
      else if (interrupted) {
        const partials = [out, groundTruthPath(out)].map((file) => `${file}.partial`);
        for (const file of partials) rmSync(file, { force: true });
        reject(new GenerationInterrupted(partials));
      } else reject(new Error(`generation stopped (worker exit code ${code})`));
    });
  });
}
