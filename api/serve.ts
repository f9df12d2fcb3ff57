// serve(): the reference server on a port, for vendors to compare against and for the HTTP tier.
import { UsageError } from './usage_error.ts';

export interface ServeOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export const SERVE_DEFAULTS = { port: 8080, host: '127.0.0.1' } as const;

/** Starts the reference server; resolves once it listens. */
export async function serve(options: ServeOptions = {}): Promise<RunningServer> {
  const port = options.port ?? SERVE_DEFAULTS.port;
  const host = options.host ?? SERVE_DEFAULTS.host;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535, got ${options.port}`);
  // Loaded on demand so that `memberspec --help` and certify runs do not load the server.
  const { startReferenceServer } = await import('../reference/server/start_server.ts');
  try {
    return await startReferenceServer({ port, host, logClientError: (line) => process.stderr.write(`${line}\n`) });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${port} on ${host} is already in use`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`cannot listen on host ${host}`);
    if (code === 'EACCES') throw new UsageError(`no permission to listen on port ${port}`);
    throw error;
  }
}
