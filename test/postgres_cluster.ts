// A throwaway PostgreSQL cluster for the tests and the bench: initdb in a temporary folder, a free port on
// loopback, its unix socket in the same folder, stopped and deleted at the end. initdb and pg_ctl refuse to
// run as root, so as root they run as the `postgres` user. With MEMBERSPEC_TEST_DATABASE_URL set, a fresh
// database is created on that server instead (and dropped at the end).
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const TEST_DATABASE_ENV = 'MEMBERSPEC_TEST_DATABASE_URL';

export interface TestDatabase {
  /** postgres:// URL of an empty database. */
  readonly url: string;
  /** How it was made, for the log. */
  readonly description: string;
  stop(): Promise<void>;
}

/** Why no database can be had here, or undefined when one can. */
export function postgresUnavailableReason(): string | undefined {
  if (process.env[TEST_DATABASE_ENV]) return undefined;
  const found = spawnSync('initdb', ['--version'], { encoding: 'utf8' });
  if (found.error || found.status !== 0) return `neither initdb (PostgreSQL 15) on PATH nor ${TEST_DATABASE_ENV} set`;
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0) return 'running as root and there is no postgres user to run initdb as';
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs a PostgreSQL tool, as the postgres user when this process is root; from `folder`, which that user
 * can read (initdb fails in a working directory it cannot, such as a clone under /root).
 */
function runTool(tool: string, args: string[], folder: string): void {
  const [command, commandArgs] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', tool, ...args]] : [tool, args];
  execFileSync(command, commandArgs, { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
}

/** A database on the server MEMBERSPEC_TEST_DATABASE_URL names: created empty, dropped at the end with those made from it. */
async function databaseOnGivenServer(serverUrl: string): Promise<TestDatabase> {
  const name = `memberspec_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    description: `database ${name} on ${TEST_DATABASE_ENV}`,
    stop: async () => {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      try {
        const { rows } = await dropper.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`, [name, `${name}\\_%`]);
        for (const row of rows) await dropper.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/** Starts a cluster (or a database on the given server); throws with the reason when neither is possible. */
export async function startTestDatabase(): Promise<TestDatabase> {
  const given = process.env[TEST_DATABASE_ENV];
  if (given) return databaseOnGivenServer(given);
  const reason = postgresUnavailableReason();
  if (reason) throw new Error(`no PostgreSQL for the tests: ${reason}`);
  const folder = mkdtempSync(path.join(tmpdir(), 'memberspec-pg-'));
  const data = path.join(folder, 'data');
  if (process.getuid?.() === 0) chownSync(folder, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  const port = await freePort();
  let started = false;
  try {
    runTool('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C'], folder);
    const settings = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c max_connections=50 -c shared_buffers=32MB`;
    runTool('pg_ctl', ['-D', data, '-l', path.join(folder, 'server.log'), '-o', settings, '-w', '-t', '60', 'start'], folder);
    started = true;
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    const output = (error as { stderr?: Buffer }).stderr?.toString().trim().split('\n').slice(-3).join(' ') ?? '';
    throw new Error(`could not start a throwaway PostgreSQL cluster: ${(error as Error).message.split('\n')[0]} ${output}`.trim());
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    description: `throwaway cluster on port ${port}`,
    stop: async () => {
      try {
        if (started) runTool('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'], folder);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}

/**
 * A fresh empty database on the same server as `url` (several stores in one cluster), named after the
 * database `url` names plus `_name`, so that the test database's stop drops it too.
 */
export async function createDatabase(url: string, name: string): Promise<string> {
  const next = new URL(url);
  const full = `${next.pathname.slice(1) || 'postgres'}_${name}`;
  if (!/^[a-z0-9_]{1,63}$/.test(full)) throw new Error(`createDatabase: "${full}" is not a plain database name of at most 63 characters`);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${full}`);
  } finally {
    await admin.end();
  }
  next.pathname = `/${full}`;
  return next.toString();
}
