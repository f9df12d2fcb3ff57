// `npm run bench -- startup`: how long the compiled CLI takes to start, against a bare `node -e 0` in the
// same run (target: at most 2x), and how soon `serve` answers (target: within 1 s). Builds dist/ first.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../api/project_root.ts';

const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 15);
const COMPILED_CLI = path.join(PROJECT_ROOT, 'dist', 'cli', 'main.js');

function timedRun(args: readonly string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** CPU milliseconds a process has used so far (Linux /proc; undefined elsewhere): less sensitive to a busy machine than wall time. */
function cpuMsOf(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime (fields 14 and 15 of the line), in clock ticks of 10 ms on Linux.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** Milliseconds from starting `serve` to its first answer on /openapi.json, and the CPU it used by then. */
async function serveAnswersAfter(): Promise<{ wallMs: number; cpuMs: number | undefined }> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [COMPILED_CLI, 'serve', '--port', '0'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const match = /listening on (http:\/\/\S+) /.exec(out);
        if (match) resolve(match[1]);
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
    });
    const answer = await fetch(`${url}/openapi.json`);
    await answer.arrayBuffer();
    if (answer.status !== 200) throw new Error(`serve answered ${answer.status}`);
    return { wallMs: Number(process.hrtime.bigint() - started) / 1e6, cpuMs: cpuMsOf(child.pid) };
  } finally {
    child.kill('SIGTERM');
  }
}

export async function measureStartup(): Promise<void> {
  const build = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stdout}${build.stderr}`);
  console.log(`Startup (compiled CLI, ${RUNS} runs each, interleaved; median)`);
  const bare: number[] = [];
  const help: number[] = [];
  timedRun(['-e', '0']);
  timedRun([COMPILED_CLI, '--help']);
  for (let i = 0; i < RUNS; i++) {
    bare.push(timedRun(['-e', '0']));
    help.push(timedRun([COMPILED_CLI, '--help']));
  }
  const ratio = median(help) / median(bare);
  console.log(`  node -e 0: ${median(bare).toFixed(0)} ms   memberspec --help: ${median(help).toFixed(0)} ms   ratio ${ratio.toFixed(2)}x   target <= 2x`);
  const serve: { wallMs: number; cpuMs: number | undefined }[] = [];
  for (let i = 0; i < 5; i++) serve.push(await serveAnswersAfter());
  const cpu = serve.map((s) => s.cpuMs).filter((ms): ms is number => ms !== undefined);
  console.log(
    `  serve: first answer ${median(serve.map((s) => s.wallMs)).toFixed(0)} ms after start` +
      `${cpu.length ? ` (${median(cpu).toFixed(0)} ms of CPU)` : ''} (median of 5)   target <= 1000 ms`,
  );
}
