// Starts the reference on a port (0: any free one) and hands back its URL and a close function.
import type { AddressInfo } from 'node:net';
import { createIdentityService } from '../service/create_identity_service.ts';
import type { IdentityService } from '../service/identity_service.ts';
import { createApp } from './create_app.ts';

export interface ReferenceServerOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** A fresh in-memory service when absent. */
  readonly service?: IdentityService;
}

export interface RunningReferenceServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  readonly url: string;
  close(): Promise<void>;
}

export async function startReferenceServer(options: ReferenceServerOptions = {}): Promise<RunningReferenceServer> {
  const host = options.host ?? '127.0.0.1';
  const app = createApp(options.service ?? createIdentityService());
  const server = app.listen(options.port ?? 0, host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets (fetch keeps them) would hold close() open.
        server.closeAllConnections();
      }),
  };
}
