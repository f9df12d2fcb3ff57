// Stryker ignorer plugin: the details of an error or a warning (every argument after the code of
// `new DomainError(code, ...)` and `warning(code, ...)`) only fill in its message's wording, which the contract
// does not pin and the suite deliberately never compares, since vendors word their messages differently. Their
// mutants are equivalent as a class, so they are left out of the score; the code itself is still mutated.
import { PluginKind, declareValuePlugin } from '@stryker-mutator/api/plugin';

const REASON = "an error's details only word its message, which the contract does not pin";

export function isErrorDetail(path) {
  const parent = path.parentPath;
  if (!parent || path.listKey !== 'arguments' || typeof path.key !== 'number' || path.key < 1) return false;
  const { type, callee } = parent.node;
  const name = callee?.type === 'Identifier' ? callee.name : undefined;
  return (type === 'NewExpression' && name === 'DomainError') || (type === 'CallExpression' && name === 'warning');
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'error-details', {
    shouldIgnore: (path) => (isErrorDetail(path) ? REASON : undefined),
  }),
];
