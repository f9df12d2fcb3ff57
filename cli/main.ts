// The memberspec command line: parses argv, calls api/, prints a one-screen summary, sets the exit
// code (0 all applicable passed, 1 something failed or errored, 2 usage error / unreachable target).
import { accessSync, constants as fsConstants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { CertifyProgress, CertifyResult } from '../api/certify.ts';
import { UsageError } from '../api/usage_error.ts';
import { EXIT_INTERRUPTED, plainProgressLines, PROGRESS_INTERVAL_ENV, stopOnSignals, stopWhenOrphaned } from './ci_output.ts';
import { parseHeaderOptions } from '../driver/http/network.ts';
import { suiteInfo } from '../api/project_root.ts';
import { nothingJudgedDetail, type Counts } from '../reports/run_model.ts';
import type { SendProgress } from '../seeding/send_population.ts';
import { rerunCommand } from '../reports/rerun_command.ts';
import { causeLines } from '../reports/cause_summary.ts';

import { DEFAULT_POPULATION_PROFILE, MAX_PERSONS, MAX_SEED, POPULATION_PROFILE_NAMES } from '../generators/generation_limits.ts';

export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: EXIT_INTERRUPTED } as const;

function integer(name: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
    }
    return n;
  };
}

// The options `seed` and `soak` share: which population, how fast it is sent, how long a request may take.
const populationOption = () =>
  new Option('--population <file>', 'population NDJSON written by `memberspec generate` (its ground truth, FILE.truth.ndjson, beside it)').makeOptionMandatory();
const concurrencyOption = () =>
  new Option('--concurrency <n>', "persons sent in parallel; one person's profiles always go in order").default(1).argParser(integer('--concurrency', 1, 256));
// The test-control credential: the same option for serve (to require it) and certify, seed, soak (to send it).
const adminTokenOption = (what: string) =>
  new Option('--admin-token <token>', `admin token of the test-control extension; ${what} (default: $MEMBERSPEC_ADMIN_TOKEN)`);
const thresholdOption = () =>
  new Option('--threshold <expression>', 'fail the run (exit 1) unless the figure holds, e.g. "p99<200ms", "lost==0", "recall>=0.85"; repeatable')
    .argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
const rateOption = () =>
  new Option('--rate <n/unit>', 'open model: profiles arrive at this rate whatever the target\'s latency (e.g. 50/s, 3000/m), timed from their arrival');
const threadsOption = () =>
  new Option('--threads <n>', 'threads sending disjoint shares of the persons over HTTP (default: several when the target is remote, concurrency is 8 or more and the population has 20,000 profiles or more)').argParser(integer('--threads', 1, 16));
const requestTimeoutOption = () =>
  new Option('--request-timeout <ms>', 'time limit per HTTP request, in milliseconds').argParser(integer('--request-timeout', 1));

function countsText(c: Counts): string {
  return `${c.passed} passed, ${c.failed} failed, ${c.error} error, ${c.notApplicable} not applicable`;
}

function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

/** Live counter on a TTY; silent otherwise (a final line is printed at the end). */
function progressPrinter(stream: NodeJS.WriteStream): { onProgress: (p: CertifyProgress) => void; end: () => void } {
  let drawn = false;
  return {
    onProgress(p) {
      if (!stream.isTTY) return;
      const c = p.counts;
      const line = `  [${p.done}/${p.total}] ${c.passed} passed · ${c.failed} failed · ${c.error} error · ${c.notApplicable} n/a`;
      stream.write(`\r\x1b[2K${line.slice(0, (stream.columns || 100) - 1)}`);
      drawn = true;
    },
    end() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}

interface CertifyCommandOptions {
  target?: string;
  profile?: string;
  tags?: string;
  name?: string;
  parallel?: number;
  reports: string;
  stepTimeout?: number;
  adminToken?: string;
  timeout?: string;
  header?: string[];
}

/** `--header` may be given many times; each value is kept. */
const collect = (value: string, previous: string[] = []) => [...previous, value];
const headerOption = () =>
  new Option('--header <"Name: value">', 'extra header sent with every request to the target, e.g. a gateway\'s API key (repeatable)').argParser(collect);

/** `--header` values as a record; a malformed one is a usage error. */
function headersOf(values: readonly string[] = []): Record<string, string> {
  try {
    return parseHeaderOptions(values);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The one-screen summary printed after a run. */
export function formatSummary(result: CertifyResult, opts: Pick<CertifyCommandOptions, 'target' | 'profile'> = {}): string {
  const { report } = result;
  const lines: string[] = [];
  // Counts first, names last: names are never truncated and the columns stay aligned.
  const header = `passed failed  error    n/a`;
  const row = (name: string, c: Counts) =>
    `${String(c.passed).padStart(6)} ${String(c.failed).padStart(6)} ${String(c.error).padStart(6)} ${String(c.notApplicable).padStart(6)}  ${name}`;
  lines.push(`memberspec ${report.info.suite.version} · target: ${report.info.target.url} · run ${report.info.runId}`);
  lines.push(header);
  for (const cap of report.capabilities) {
    lines.push(row(cap.name, cap.counts));
    for (const f of report.features.filter((x) => x.capability === cap.name)) lines.push(row(`  ${f.name}`, f.counts));
  }
  lines.push(row('total', report.counts));
  const problems = report.scenarios.filter((s) => s.verdict === 'failed' || s.verdict === 'error');
  // Failures grouped by cause, then the not-applicable reasons with their counts.
  const causes = causeLines(report);
  if (causes.length > 0) lines.push('', ...causes);
  if (problems.length > 0) lines.push(`  Run one again: ${rerunCommand(problems[0].name, { url: opts.target, profile: opts.profile })}`);
  lines.push('');
  const verdictLine: Record<CertifyResult['verdict'], string> = {
    passed: 'CONFORMANT: every applicable scenario passed',
    failed: 'NOT CONFORMANT: the target broke rules or the contract',
    error: 'INCONCLUSIVE: some scenarios could not be judged (error)',
    nothingJudged: `NOTHING JUDGED, NOT CERTIFIED: ${nothingJudgedDetail(report)}`,
    interrupted: 'INTERRUPTED, NOT CERTIFIED: the run was stopped; the reports hold the scenarios that ran',
  };
  lines.push(`${verdictLine[result.verdict]} (${countsText(report.counts)})`);
  const firstReason = report.scenarios.find((s) => s.verdict === 'notApplicable')?.reason;
  if (result.verdict === 'nothingJudged' && firstReason) lines.push(`  First not-applicable reason: ${firstReason}`);
  if (result.runError) lines.push(`Run problem: ${result.runError}`);
  for (const w of result.writers.filter((x) => !x.ok)) lines.push(`Report writer "${w.name}" failed: ${w.error}`);
  lines.push(`Report: ${displayPath(result.htmlPath)} (copy in ${displayPath(path.join(result.latestDir, 'index.html'))})`);
  return lines.join('\n');
}

const EXIT_CODES_HELP = `
Exit codes:
  0    every applicable scenario passed (certify); the load ended clean (seed, soak)
  1    a scenario failed or could not be judged, nothing was judged, or --timeout ran out (INCONCLUSIVE);
       a load lost, duplicated or failed something
  2    usage error: a bad option or profile, an unreachable target, refused credentials (one line on stderr)
  130  stopped by SIGINT or SIGTERM: certify writes the reports of what ran (verdict "interrupted"),
       seed reports what it sent, generate removes its .partial files`;

const ENVIRONMENT_HELP = `
Environment variables:
  MEMBERSPEC_ADMIN_TOKEN            admin token of the target's test-control extension (as --admin-token)
  MEMBERSPEC_TILL_PASSWORD          the till password, in place of "till.password" in the --profile file
  HTTP_PROXY, HTTPS_PROXY, NO_PROXY route requests to the target through a proxy, as curl does
  NODE_EXTRA_CA_CERTS               a CA file to trust for an https target with a private certificate
  ${PROGRESS_INTERVAL_ENV}   milliseconds between progress lines when stderr is not a terminal (10000)
  MEMBERSPEC_DEBUG                  print the stack of an internal error`;

const PROGRAM_EXAMPLES = `
Examples:
  memberspec certify                                   certify the embedded reference, in-process
  memberspec certify --target https://loyalty.example --profile acme.json --timeout 30m
  memberspec serve --port 8080                         the reference server, to compare answers by hand
  memberspec generate --persons 10000 --out people.ndjson
  memberspec seed --population people.ndjson --target http://127.0.0.1:8080
  memberspec help certify                              the options of one command`;

const CERTIFY_EXAMPLES = `
Examples:
  memberspec certify
  memberspec certify --tags "@seed:004" --name "Example 2"
  memberspec certify --target https://loyalty.example --admin-token "$TOKEN" --timeout 45m
  MEMBERSPEC_TILL_PASSWORD=... memberspec certify --target https://loyalty.example --profile acme.json \\
      --header "X-Api-Key: $GATEWAY_KEY" --step-timeout 30000
Reports: <reports>/<run-id>/ (index.html, summary.json, junit.xml, messages.ndjson), copied to <reports>/latest/.`;

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('memberspec')
    .description('Conformance harness and reference server for loyalty-platform customer-identity rules')
    .version(suiteInfo().version)
    // Usage errors are one line on stderr (see EXIT): commander's message with the help hint appended.
    .configureOutput({
      outputError: (message, write) =>
        write(`memberspec: ${message.trim().replace(/^error: /, '').replace(/\s*\n\s*/g, ' ')} (run with --help for usage)\n`),
    })
    .addHelpText('after', `${PROGRAM_EXAMPLES}\n${EXIT_CODES_HELP}\n${ENVIRONMENT_HELP}`)
    .exitOverride();

  program
    .command('certify')
    .description('Run the conformance suite against a target (default: the embedded reference, in-process) and write a report')
    .option('--target <url>', 'base URL of the server to certify (it must serve the contract; see /openapi.json)')
    .option('--profile <file>', 'vendor profile JSON (till credentials and fixed configs) for a target without the test-control extension')
    .option('--tags <expression>', 'only scenarios matching this cucumber tag expression, e.g. "@seed:004"')
    .option('--name <text>', 'only scenarios whose name contains this text, e.g. "Example 2"')
    .addOption(new Option('--parallel <n>', 'worker processes (0 = serial)').argParser(integer('--parallel', 0, 64)))
    .option('--reports <dir>', 'directory for run reports', 'reports')
    .addOption(new Option('--step-timeout <ms>', 'time limit per step and per HTTP request, in milliseconds').argParser(integer('--step-timeout', 1)))
    .addOption(adminTokenOption("sent to the target's /x-memberspec routes"))
    .option('--timeout <duration>', 'time limit for the whole run, e.g. 90s, 30m, 2h; past it the run stops and is INCONCLUSIVE (exit 1)')
    .addOption(headerOption())
    .addHelpText('after', `${CERTIFY_EXAMPLES}\n${EXIT_CODES_HELP}\n${ENVIRONMENT_HELP}`)
    .exitOverride()
    .action(async (opts: CertifyCommandOptions) => {
      const progress = progressPrinter(process.stderr);
      const started = Date.now();
      let result: CertifyResult;
      const headers = headersOf(opts.header);
      // Loaded on demand: cucumber is heavy and `--help` should be instant.
      const { certify } = await import('../api/certify.ts');
      let latest: CertifyProgress | undefined;
      const lines = plainProgressLines(process.stderr, () => {
        if (!latest) return 'certify: starting';
        const c = latest.counts;
        return `certify: ${latest.done}/${latest.total} scenarios · ${c.passed} passed · ${c.failed} failed · ${c.error} error · ${c.notApplicable} n/a`;
      });
      const stop = stopOnSignals('writing the reports of the scenarios that ran');
      try {
        result = await certify({
          target: opts.target,
          profile: opts.profile,
          tags: opts.tags,
          name: opts.name,
          parallel: opts.parallel,
          reportsDir: opts.reports,
          stepTimeoutMs: opts.stepTimeout,
          adminToken: opts.adminToken,
          headers,
          timeout: opts.timeout,
          signal: stop.signal,
          onProgress: (p) => {
            latest = p;
            progress.onProgress(p);
          },
        });
      } finally {
        stop.dispose();
        lines.stop();
        progress.end();
      }
      if (!process.stderr.isTTY) {
        process.stderr.write(`ran ${result.counts.total} scenario${result.counts.total === 1 ? '' : 's'} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      }
      process.stdout.write(formatSummary(result, opts) + '\n');
      process.exitCode = result.verdict === 'interrupted' ? EXIT.interrupted : result.ok ? EXIT.ok : EXIT.failed;
    });

  program
    .command('serve')
    .description('Start the reference server (contract at /openapi.json, test-control extension at /x-memberspec)')
    .addOption(new Option('--port <n>', 'port to listen on (0 = any free port)').default(8080).argParser(integer('--port', 0, 65535)))
    .option('--host <host>', 'interface to bind; other than loopback needs --admin-token or --no-test-control', '127.0.0.1')
    .option('--no-test-control', 'serve without the test-control extension (/x-memberspec answers 404)')
    .addOption(adminTokenOption('org creation and every /x-memberspec route need it (header X-Memberspec-Admin-Token)'))
    .addOption(new Option('--max-orgs <n>', 'orgs this server creates at most (429, code 8309, past it)').argParser(integer('--max-orgs', 1)))
    .option('--store <store>', 'memory, or a postgres:// URL to keep everything in PostgreSQL (default: $MEMBERSPEC_STORE, else memory)')
    .addHelpText('after', `
Examples:
  memberspec serve --port 8080
  MEMBERSPEC_ADMIN_TOKEN=... memberspec serve --host 0.0.0.0 --port 8080
Stops on SIGINT or SIGTERM (exit 0).`)
    .exitOverride()
    .action(async (opts: { port: number; host: string; testControl: boolean; adminToken?: string; maxOrgs?: number; store?: string }) => {
      const { serve } = await import('../api/serve.ts');
      const server = await serve({ port: opts.port, host: opts.host, testControl: opts.testControl, adminToken: opts.adminToken, maxOrgs: opts.maxOrgs, store: opts.store });
      process.stdout.write(`memberspec reference server listening on ${server.url} (contract: ${server.url}/openapi.json). Ctrl+C to stop.\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void server.close().then(resolve, resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      process.exitCode = EXIT.ok;
    });

  program
    .command('generate')
    .description('Write a synthetic population (NDJSON source profiles) and its ground truth beside it; the same version, options and seed give the same bytes')
    .addOption(new Option('--persons <n>', 'number of real persons').argParser(integer('--persons', 1, MAX_PERSONS)).makeOptionMandatory())
    .addOption(new Option('--seed <n>', 'random seed').default(1).argParser(integer('--seed', 0, MAX_SEED)))
    .addOption(new Option('--profile <name>', 'population profile').choices(POPULATION_PROFILE_NAMES).default(DEFAULT_POPULATION_PROFILE))
    .requiredOption('--out <file>', 'population file, e.g. people.ndjson (the ground truth goes to people.truth.ndjson)')
    .addHelpText('after', `
Examples:
  memberspec generate --persons 10000 --seed 7 --out people.ndjson
Files are written as .partial and renamed when complete; SIGINT or SIGTERM removes them (exit 130).`)
    .exitOverride()
    .action(async (opts: { persons: number; seed: number; profile: string; out: string }) => {
      const out = path.resolve(opts.out);
      checkWritableFile(out, '--out');
      const { generateInWorker, GenerationInterrupted } = await import('../generators/run_generation.ts');
      const started = Date.now();
      const progress = generationProgress(process.stderr, started);
      let latest = { personsDone: 0, persons: opts.persons };
      const lines = plainProgressLines(process.stderr, () => `generate: ${latest.personsDone.toLocaleString('en')} of ${latest.persons.toLocaleString('en')} persons`);
      const stop = stopOnSignals('removing the partial files');
      let result;
      try {
        result = await generateInWorker(
          out,
          { persons: opts.persons, seed: opts.seed, profile: opts.profile },
          (p) => {
            latest = p;
            progress.onProgress(p);
          },
          stop.signal,
        );
      } catch (error) {
        if (!(error instanceof GenerationInterrupted)) throw error;
        process.stderr.write(`generate: interrupted after ${latest.personsDone} of ${latest.persons} persons; removed ${error.removed.map(displayPath).join(' and ')}\n`);
        process.exitCode = EXIT.interrupted;
        return;
      } finally {
        stop.dispose();
        lines.stop();
        progress.end();
      }
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(
        `${opts.persons} persons, ${result.profiles} source profiles (${opts.profile}, seed ${opts.seed}) in ${seconds.toFixed(1)} s\n` +
          `Population: ${displayPath(result.populationPath)}\nGround truth: ${displayPath(result.truthPath)}\n`,
      );
      process.exitCode = EXIT.ok;
    });

  program
    .command('seed')
    .description('Load a generated population into a target (default: the embedded reference, in-process) and compare the customers it ends with against the ground truth')
    .addOption(populationOption())
    .option('--target <url>', 'base URL of the server to load (it must serve the contract)')
    .option('--profile <file>', 'vendor profile JSON (till credentials and fixed configs) for a target without the test-control extension')
    .addOption(concurrencyOption())
    .option('--out <file>', 'JSON report path (default reports/seed/<run-id>.json)')
    .option('--reports <dir>', 'directory for the default report', 'reports')
    .addOption(requestTimeoutOption())
    .addOption(adminTokenOption("sent to the target's /x-memberspec routes"))
    .addOption(thresholdOption())
    .addOption(headerOption())
    .addOption(rateOption())
    .addOption(threadsOption())
    .option('--segment <i/n>', 'send only share i of n of the persons (0 <= i < n), into the org of --profile; the result is for `memberspec merge`')
    .addHelpText('after', `
Examples:
  memberspec seed --population people.ndjson
  memberspec seed --population people.ndjson --target http://127.0.0.1:8080 --concurrency 32
${EXIT_CODES_HELP}
${ENVIRONMENT_HELP}`)
    .exitOverride()
    .action(async (opts: { population: string; target?: string; profile?: string; concurrency: number; out?: string; reports: string; requestTimeout?: number; adminToken?: string; threshold?: string[]; header?: string[]; segment?: string; rate?: string; threads?: number }) => {
      const headers = headersOf(opts.header);
      const { seed } = await import('../api/seed.ts');
      const { formatSeedSummary, formatShardSummary, seedProgressPrinter } = await import('./seed_summary.ts');
      const progress = seedProgressPrinter(process.stderr);
      if (opts.segment !== undefined) {
        const { seedShard } = await import('../api/shards.ts');
        let shard;
        try {
          shard = await seedShard({ ...seedOptionsOf(opts), headers, segment: opts.segment, onProgress: progress.onProgress });
        } finally {
          progress.end();
        }
        process.stdout.write(formatShardSummary(shard.result, displayPath(shard.outPath)) + '\n');
        process.exitCode = shard.ok ? EXIT.ok : EXIT.failed;
        return;
      }
      let latest: SendProgress | undefined;
      const lines = plainProgressLines(process.stderr, () => (latest ? `seed: ${sendProgressText(latest)}` : 'seed: starting'));
      const stop = stopOnSignals('resolving and reporting the profiles sent so far');
      let result;
      try {
        result = await seed({
          ...seedOptionsOf(opts),
          headers,
          signal: stop.signal,
          onProgress: (p) => {
            latest = p;
            progress.onProgress(p);
          },
        });
      } finally {
        stop.dispose();
        lines.stop();
        progress.end();
      }
      const { report } = result;
      if (!process.stderr.isTTY) {
        process.stderr.write(`seeded ${report.profiles.sent} profiles in ${report.durationS.toFixed(1)} s (${report.profilesPerSecond} profiles/s)\n`);
      }
      process.stdout.write(formatSeedSummary(report, displayPath(result.outPath)) + '\n');
      // Refusals are the target's answers; failures and profiles that end nowhere are problems.
      process.exitCode = report.interrupted ? EXIT.interrupted : result.ok ? EXIT.ok : EXIT.failed;
    });

  program
    .command('org')
    .description("Create a population's org on a target through the test-control extension and write it as a profile file, for shards (seed --segment) and merge")
    .addOption(populationOption())
    .requiredOption('--target <url>', 'base URL of the server the shards will load')
    .requiredOption('--out <file>', 'the org file to write (holds the till password; readable by its owner only)')
    .addOption(adminTokenOption("sent to the target's /x-memberspec routes"))
    .exitOverride()
    .action(async (opts: { population: string; target: string; out: string; adminToken?: string }) => {
      checkWritableFile(path.resolve(opts.out), '--out');
      const { createLoadOrg } = await import('../api/shards.ts');
      const { orgId, outPath } = await createLoadOrg(opts);
      process.stdout.write(`org ${orgId} created on ${opts.target}; org file: ${displayPath(outPath)} (pass it to every shard and to merge with --profile)\n`);
      process.exitCode = EXIT.ok;
    });

  program
    .command('merge')
    .description('Combine the results of seed --segment shards and compare the org\'s final state with the ground truth, as one seed run would')
    .argument('<shards...>', 'the shard results (JSON) of every segment')
    .addOption(populationOption())
    .requiredOption('--target <url>', 'base URL of the server the shards loaded')
    .requiredOption('--profile <file>', 'the org file the shards loaded (memberspec org)')
    .option('--out <file>', 'JSON report path (default reports/seed/<run-id>-merged.json)')
    .option('--reports <dir>', 'directory for the default report', 'reports')
    .addOption(requestTimeoutOption())
    .addOption(adminTokenOption("sent to the target's /x-memberspec routes"))
    .addOption(thresholdOption())
    .exitOverride()
    .action(
      async (
        shards: string[],
        opts: { population: string; target: string; profile: string; out?: string; reports: string; requestTimeout?: number; adminToken?: string; threshold?: string[] },
      ) => {
        const { mergeShards } = await import('../api/shards.ts');
        const { formatSeedSummary } = await import('./seed_summary.ts');
        const result = await mergeShards({
          shards,
          population: opts.population,
          target: opts.target,
          profile: opts.profile,
          out: opts.out,
          reportsDir: opts.reports,
          requestTimeoutMs: opts.requestTimeout,
          adminToken: opts.adminToken,
          thresholds: opts.threshold,
        });
        process.stdout.write(formatSeedSummary(result.report, displayPath(result.outPath)) + '\n');
        process.exitCode = result.ok ? EXIT.ok : EXIT.failed;
      },
    );

  program
    .command('soak')
    .description('Repeat the seed load into a fresh org per round and check after every round that nothing was lost or duplicated (test control required)')
    .addOption(populationOption())
    .option('--target <url>', 'base URL of the server to soak; it must offer the test-control extension (default: the embedded reference, in-process)')
    .option('--duration <time>', 'keep starting rounds for this long, e.g. 90s, 10m, 1h')
    .addOption(new Option('--rounds <n>', 'exactly this many rounds (default 3 without --duration)').argParser(integer('--rounds', 1, 1_000_000)))
    .addOption(concurrencyOption())
    .option('--out <file>', 'JSON report path (default reports/soak/<run-id>.json)')
    .option('--reports <dir>', 'directory for the default report', 'reports')
    .addOption(requestTimeoutOption())
    .addOption(adminTokenOption("sent to the target's /x-memberspec routes"))
    .addOption(thresholdOption())
    .addOption(headerOption())
    .addOption(rateOption())
    .addOption(threadsOption())
    .addHelpText('after', `
Examples:
  memberspec soak --population people.ndjson --target http://127.0.0.1:8080 --duration 1h
${EXIT_CODES_HELP}
${ENVIRONMENT_HELP}`)
    .exitOverride()
    .action(
      async (opts: { population: string; target?: string; duration?: string; rounds?: number; concurrency: number; out?: string; reports: string; requestTimeout?: number; adminToken?: string; threshold?: string[]; header?: string[]; rate?: string; threads?: number }) => {
        const headers = headersOf(opts.header);
        const { soak } = await import('../api/soak.ts');
        const { formatSoakSummary, soakProgressPrinter } = await import('./soak_summary.ts');
        const progress = soakProgressPrinter(process.stderr);
        let latest: { round: number; progress: SendProgress } | undefined;
        const lines = plainProgressLines(process.stderr, () => (latest ? `soak: round ${latest.round} · ${sendProgressText(latest.progress)}` : 'soak: starting'));
        let result;
        try {
          result = await soak({
            headers,
            ...seedOptionsOf(opts),
            duration: opts.duration,
            rounds: opts.rounds,
            onProgress: (round, p) => {
              latest = { round, progress: p };
              progress.onProgress(round, p);
            },
            onRound: progress.onRound,
          });
        } finally {
          lines.stop();
          progress.end();
        }
        process.stdout.write(formatSoakSummary(result.report, displayPath(result.outPath)) + '\n');
        process.exitCode = result.ok ? EXIT.ok : EXIT.failed;
      },
    );
  return program;
}

/** One plain progress line of a load: profiles sent, rejected and failed. */
function sendProgressText(p: SendProgress): string {
  return `${p.sent}/${p.total} profiles · ${p.rejected} rejected · ${p.failed} failed`;
}

/** The seed (and soak) command's options as api/seed.ts takes them. */
function seedOptionsOf(opts: { population: string; target?: string; profile?: string; concurrency: number; out?: string; reports: string; requestTimeout?: number; adminToken?: string; threshold?: string[]; rate?: string; threads?: number }) {
  return {
    population: opts.population,
    target: opts.target,
    profile: opts.profile,
    concurrency: opts.concurrency,
    out: opts.out,
    reportsDir: opts.reports,
    requestTimeoutMs: opts.requestTimeout,
    adminToken: opts.adminToken,
    thresholds: opts.threshold,
    rate: opts.rate,
    threads: opts.threads,
  };
}

/** A file we may create: its directory exists and it is not a directory itself. */
function checkWritableFile(file: string, option: string): void {
  const dir = path.dirname(file);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${option}: directory ${displayPath(dir)} does not exist`);
  if (existsSync(file) && statSync(file).isDirectory()) throw new UsageError(`${option}: ${displayPath(file)} is a directory, not a file`);
  try {
    accessSync(dir, fsConstants.W_OK);
  } catch {
    throw new UsageError(`${option}: directory ${displayPath(dir)} is not writable`);
  }
}

/** Persons done and rate on a TTY, at most four times a second; silent otherwise. */
function generationProgress(stream: NodeJS.WriteStream, started: number): { onProgress: (p: { personsDone: number; persons: number }) => void; end: () => void } {
  let drawnAt = 0;
  return {
    onProgress({ personsDone, persons }) {
      const now = Date.now();
      if (!stream.isTTY || now - drawnAt < 250) return;
      drawnAt = now;
      const rate = personsDone / Math.max(0.001, (now - started) / 1000);
      stream.write(`\r\x1b[2K  generating: ${personsDone.toLocaleString('en')} of ${persons.toLocaleString('en')} persons (${rate.toFixed(0)}/s)`);
    },
    end() {
      if (drawnAt > 0) stream.write('\r\x1b[2K');
    },
  };
}

/** Runs the CLI and returns the exit code (does not call process.exit). */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not errors; commander has already printed its one-line message otherwise.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version') return EXIT.ok;
      return EXIT.usage;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`memberspec: ${error.message}\n`);
      return EXIT.usage;
    }
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message.split('\n')[0]})` : '';
    process.stderr.write(`memberspec: internal error: ${error instanceof Error ? error.message : String(error)}${cause}\n`);
    if (process.env.MEMBERSPEC_DEBUG && error instanceof Error && error.stack) process.stderr.write(error.stack + '\n');
    return EXIT.failed;
  }
}

/** Flushes stdout/stderr, then exits: lingering sockets or timers of a target must not keep the CLI alive. */
export async function runAndExit(argv: readonly string[]): Promise<never> {
  stopWhenOrphaned();
  const code = await main(argv);
  await Promise.all([process.stdout, process.stderr].map((s) => new Promise<void>((resolve) => s.write('', () => resolve()))));
  process.exit(code);
}

// `tsx cli/main.ts ...` runs the CLI directly (npm scripts); bin/memberspec.mjs calls runAndExit itself.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  void runAndExit(process.argv.slice(2));
}
