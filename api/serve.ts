// serve(): the reference server on a port, for vendors to compare against and for the HTTP tier.
import { ADMIN_TOKEN_ENV, resolveAdminToken } from './target_preflight.ts';
import { UsageError } from './usage_error.ts';

export interface ServeOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** false: no test-control extension (a sandbox shared by several teams). Default true. */
  testControl?: boolean;
  /**
   * The credential org creation and every extension route need (header X-Memberspec-Admin-Token);
   * default: the MEMBERSPEC_ADMIN_TOKEN environment variable. Without one the extension serves loopback only.
   */
  adminToken?: string;
  /** Orgs this server creates at most (429, code 8309, past it). */
  maxOrgs?: number;
  /**
   * Where the state lives: "memory" (the default: gone when the process ends) or a postgres:// URL (every
   * acknowledged write survives a crash; several processes may share the database). Default: $MEMBERSPEC_STORE.
   */
  store?: string;
}

export const STORE_ENV = 'MEMBERSPEC_STORE';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export const SERVE_DEFAULTS = { port: 8080, host: '127.0.0.1' } as const;

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Starts the reference server; resolves once it listens. */
export async function serve(options: ServeOptions = {}): Promise<RunningServer> {
  const port = options.port ?? SERVE_DEFAULTS.port;
  const host = options.host ?? SERVE_DEFAULTS.host;
  const testControl = options.testControl ?? true;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535, got ${options.port}`);
  if (options.maxOrgs !== undefined && !(Number.isInteger(options.maxOrgs) && options.maxOrgs >= 1)) {
    throw new UsageError(`--max-orgs must be a whole number of at least 1, got ${options.maxOrgs}`);
  }
  const adminToken = testControl ? resolveAdminToken(options.adminToken) : undefined;
  if (testControl && adminToken === undefined && !isLoopbackHost(host)) {
    throw new UsageError(
      `--host ${host} would open the test-control extension to the network without a credential: set --admin-token (or ${ADMIN_TOKEN_ENV}), or pass --no-test-control`,
    );
  }
  const store = options.store ?? (process.env[STORE_ENV] || 'memory');
  // Loaded on demand so that `memberspec --help` and certify runs do not load the server.
  const { startReferenceServer } = await import('../reference/server/start_server.ts');
  const durable = store === 'memory' ? undefined : await openDurableStore(store, options.maxOrgs);
  try {
    const server = await startReferenceServer({
      port,
      host,
      testControl,
      ...(adminToken !== undefined ? { adminToken } : {}),
      ...(options.maxOrgs !== undefined ? { maxOrgs: options.maxOrgs } : {}),
      ...(durable ? { service: durable.service, unitOfWork: durable.unitOfWork } : {}),
      logClientError: (line) => process.stderr.write(`${line}\n`),
    });
    if (!durable) return server;
    return {
      url: server.url,
      close: async () => {
        await server.close();
        await durable.close();
      },
    };
  } catch (error) {
    await durable?.close();
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${port} on ${host} is already in use`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`cannot listen on host ${host}`);
    if (code === 'EACCES') throw new UsageError(`no permission to listen on port ${port}`);
    throw error;
  }
}

/** The PostgreSQL store, its problems (a bad URL, an unreachable database) as one-line usage errors. */
async function openDurableStore(url: string, maxOrgs: number | undefined) {
  const { openPostgresService, StoreUnavailableError } = await import('../reference/store/postgres_log.ts');
  try {
    return await openPostgresService(url, {
      ...(maxOrgs !== undefined ? { maxOrgs } : {}),
      // The answers given so far are durable; what memory holds beyond them may not be: stop, a restart replays.
      onFatal: (error) => {
        process.stderr.write(`memberspec reference: stopping, the PostgreSQL store failed: ${error.message}\n`);
        process.exit(1);
      },
    });
  } catch (error) {
    if (error instanceof StoreUnavailableError) throw new UsageError(error.message);
    throw error;
  }
}
