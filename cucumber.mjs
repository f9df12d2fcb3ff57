// Cucumber configuration. The certify API loads this default profile and overrides formats, tags,
// parallelism and world parameters; load_tsx.mjs must come first so the TypeScript steps can load.
export default {
  paths: ['features/**/*.feature'],
  import: ['steps/support/load_tsx.mjs', 'steps/**/*.ts'],
  worldParameters: { driver: 'in-process' },
};
