// StrykerJS: how much of the reference's rules the suite pins down. Mutants of reference/domain and
// reference/service run under the in-process certify suite (cucumber, the default profile of
// cucumber.mjs); a mutant no scenario kills is a rule no scenario asserts. `npm run mutation`; not in CI.
export default {
  testRunner: 'cucumber',
  cucumber: { profile: 'default' },
  plugins: ['@stryker-mutator/cucumber-runner', './test/mutation_live_reporter.mjs', './test/mutation_ignore_error_details.mjs'],
  // The wording of error details is equivalent as a class (test/mutation_ignore_error_details.mjs).
  ignorers: ['error-details'],
  // entropy.ts is the seam through which the PostgreSQL store records and replays time and randomness: the
  // in-process suite never records or replays (the postgres tier checks it), and it holds no customer rule.
  mutate: ['reference/domain/**/*.ts', 'reference/service/**/*.ts', '!**/*.spec.ts', '!**/spec_support.ts', '!reference/service/entropy.ts'],
  coverageAnalysis: 'perTest',
  // Static mutants (module-level tables: error catalogue, config definitions, status restrictions) run the
  // whole suite each, longer than all the others together; `npm run mutation -- --static` includes them.
  ignoreStatic: process.env.MEMBERSPEC_MUTATE_STATIC !== '1',
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  reporters: ['html', 'json', 'progress', 'live'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  ignorePatterns: ['/reports/*/', '/bench/out', '/.tmp', '/dist'],
  tempDirName: '.stryker-tmp',
  // The dry run's timings are taken on an idle machine; on two shared cores a mutant's scenarios can run
  // ten times slower, so a short limit would count slow-but-correct runs as timeouts (detected). Endless
  // loops are still stopped early by Stryker's hit limit.
  timeoutMS: 60000,
  thresholds: { high: 90, low: 80, break: null },
};
