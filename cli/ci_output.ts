// What the CLI does for CI systems: a plain progress line at a steady interval when stderr is not a
// terminal (CI kills jobs silent for 10 minutes), and a stop on SIGINT/SIGTERM that still writes reports.

/** Milliseconds between plain progress lines; MEMBERSPEC_PROGRESS_INTERVAL_MS overrides the 10 s default. */
export const PROGRESS_INTERVAL_ENV = 'MEMBERSPEC_PROGRESS_INTERVAL_MS';
const DEFAULT_PROGRESS_INTERVAL_MS = 10_000;

export function progressIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env[PROGRESS_INTERVAL_ENV]);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_PROGRESS_INTERVAL_MS;
}

/** Exit code of a run stopped by SIGINT or SIGTERM (128 + SIGINT, the shell convention). */
export const EXIT_INTERRUPTED = 130;

/**
 * Prints `describe()` as one plain line every interval while the stream is not a terminal (a terminal
 * has its live counter instead). The timer does not keep the process alive.
 */
export function plainProgressLines(stream: NodeJS.WriteStream, describe: () => string, intervalMs = progressIntervalMs()): { stop(): void } {
  if (stream.isTTY) return { stop() {} };
  const started = Date.now();
  const timer = setInterval(() => stream.write(`${describe()} · ${Math.round((Date.now() - started) / 1000)} s\n`), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/**
 * The first SIGINT or SIGTERM aborts the returned signal (its reason names the signal) and says on
 * stderr that the command is stopping; a second one exits at once with 130.
 */
export function stopOnSignals(what: string): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      process.stderr.write(`memberspec: ${name} again: exiting without waiting\n`);
      process.exit(EXIT_INTERRUPTED);
    }
    process.stderr.write(`memberspec: ${name}: stopping, ${what} (${name} again to exit at once)\n`);
    controller.abort(name);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/**
 * npm (npx, npm run) starts a command through `sh -c`, and on SIGTERM it signals that shell, which dies
 * without passing the signal on: the CLI would run on, orphaned. Started by npm, the CLI therefore treats
 * the loss of its parent as SIGTERM. (Not otherwise: `nohup memberspec serve &` must outlive its shell.)
 */
export function stopWhenOrphaned(env: NodeJS.ProcessEnv = process.env, everyMs = 250): void {
  if (!env.npm_command) return;
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    process.kill(process.pid, 'SIGTERM');
  }, everyMs);
  timer.unref();
}
