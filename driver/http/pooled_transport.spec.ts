// The load transport: the same answers as the fetch transport, --header's headers sent, one kept-alive
// socket reused, a late answer cut at the time limit, a refused connection explained.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { HarnessError } from '../driver.ts';
import { createPooledHttpTransport } from './pooled_transport.ts';

async function listen(handler: (request: IncomingMessage, response: ServerResponse) => void) {
  const sockets = new Set<Socket>();
  const server = createServer(handler);
  server.on('connection', (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sockets,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()) && server.closeAllConnections()),
  };
}

test('JSON and text answers, request body and headers as given, repeated headers joined, one socket kept alive', async () => {
  const seen: { method?: string; url?: string; body: string; token?: string; type?: string; key?: string }[] = [];
  const server = await listen((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      seen.push({ method: request.method, url: request.url, body, token: request.headers['x-memberspec-admin-token'] as string, type: request.headers['content-type'], key: request.headers['x-api-key'] as string });
      if (request.url === '/text') return response.writeHead(200, { 'content-type': 'text/plain' }).end('plain words');
      response.writeHead(201, { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] }).end(JSON.stringify({ echoed: JSON.parse(body || 'null') }));
    });
  });
  const transport = createPooledHttpTransport({ baseUrl: `${server.url}/`, adminToken: 'secret', headers: { 'x-api-key': 'k1' } });
  try {
    const answer = await transport.send({ method: 'POST', path: '/x-memberspec/orgs', query: { a: 'b c' }, headers: { 'content-type': 'application/json' }, body: { configs: {} } });
    assert.equal(answer.status, 201);
    assert.deepEqual(answer.body, { echoed: { configs: {} } });
    assert.equal(answer.headers['set-cookie'], 'a=1, b=2');
    assert.deepEqual(seen[0], { method: 'POST', url: '/x-memberspec/orgs?a=b+c', body: '{"configs":{}}', token: 'secret', type: 'application/json', key: 'k1' });
    const text = await transport.send({ method: 'GET', path: '/text' });
    assert.deepEqual([text.status, text.body], [200, 'plain words']);
    assert.equal(seen[1].token, undefined, 'the admin token goes only to /x-memberspec routes');
    for (let i = 0; i < 5; i++) await transport.send({ method: 'GET', path: '/text' });
    assert.equal(server.sockets.size, 1, 'sequential requests share one kept-alive socket');
  } finally {
    await transport.close();
    await server.close();
  }
});

test('an answer later than the time limit is a HarnessError naming the limit; a refused connection names ECONNREFUSED', async () => {
  const server = await listen(() => {
    /* never answers */
  });
  const transport = createPooledHttpTransport({ baseUrl: server.url, timeoutMs: 150 });
  try {
    const started = performance.now();
    await assert.rejects(transport.send({ method: 'GET', path: '/slow' }), (error: unknown) => {
      assert.ok(error instanceof HarnessError);
      assert.match(error.message, /^GET http:\/\/127\.0\.0\.1:\d+\/slow: no answer within 150 ms$/);
      return true;
    });
    const elapsed = performance.now() - started;
    assert.ok(elapsed >= 150 && elapsed < 1500, `cut after ${elapsed} ms`);
  } finally {
    await transport.close();
    await server.close();
  }
  const refused = createPooledHttpTransport({ baseUrl: server.url });
  await assert.rejects(refused.send({ method: 'GET', path: '/gone' }), /: request failed: connection refused: nothing listens on that host and port \(ECONNREFUSED\)$/);
  await refused.close();
});
