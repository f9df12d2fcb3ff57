// Shared by the reference's unit specs: which catalogued code a rule refused with.
import { DomainError } from './errors.ts';

/** The DomainError code `action` threw, or undefined when it returned; any other error is rethrown. */
export function codeOf(action: () => unknown): number | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}
