// Runs the reference server for manual use: PORT (default 8080), HOST (default 127.0.0.1).
import { startReferenceServer } from './start_server.ts';

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got ${process.env.PORT}`);
  process.exit(2);
}
const server = await startReferenceServer({ port, host: process.env.HOST ?? '127.0.0.1' });
console.log(`memberspec reference server on ${server.url} (contract: ${server.url}/openapi.json)`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
