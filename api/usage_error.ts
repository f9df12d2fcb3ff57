/** The caller asked for something that cannot run (bad option, unreachable target): exit code 2, one line, no stack. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
