// The network as CI has it: real transport failures said in words, --header on every request, and
// HTTP_PROXY/NO_PROXY honoured through a tiny local proxy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
import { connect, createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createHttpTransport } from './http_transport.ts';
import { explainTransportError, parseHeaderOptions } from './network.ts';

async function listen(server: Server | ReturnType<typeof createHttpServer>): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function closedPort(): Promise<number> {
  const server = createTcpServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The failure a fetch to the URL ends in, explained. */
async function failureOf(url: string): Promise<string> {
  try {
    await (await fetch(url, { signal: AbortSignal.timeout(5000) })).text();
  } catch (error) {
    return explainTransportError(error);
  }
  assert.fail(`${url} answered`);
}

test('transport failures are said in words, with the code kept for searching', async () => {
  assert.equal(await failureOf(`http://127.0.0.1:${await closedPort()}/`), 'connection refused: nothing listens on that host and port (ECONNREFUSED)');

  // A port that answers something other than HTTP/1.1 (TLS, SSH, a database...).
  const notHttp = createTcpServer((socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n'));
  const notHttpPort = await listen(notHttp);
  // A server that starts an answer and drops the connection in its middle.
  const dropping = createTcpServer((socket) => socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\npartial')));
  const droppingPort = await listen(dropping);
  try {
    assert.match(await failureOf(`http://127.0.0.1:${notHttpPort}/`), /^the answer is not HTTP\/1\.1: the port probably speaks TLS \(use https:\/\/\) or another protocol \(HPE_INVALID_CONSTANT\)$/);
    assert.match(await failureOf(`http://127.0.0.1:${droppingPort}/`), /^the server closed the connection in the middle of the answer .* \(UND_ERR_SOCKET\)$/);
  } finally {
    notHttp.close();
    dropping.close();
  }
  assert.match(await failureOf('http://memberspec-no-such-host.invalid/'), /\((ENOTFOUND|EAI_AGAIN)\)$/);
});

test('the HTTP transport names the operation and the explained failure', async () => {
  const transport = createHttpTransport({ baseUrl: `http://127.0.0.1:${await closedPort()}` });
  await assert.rejects(transport.send({ method: 'GET', path: '/v2/customers/lookup' }), /GET http:\/\/127\.0\.0\.1:\d+\/v2\/customers\/lookup: request failed: connection refused: nothing listens on that host and port \(ECONNREFUSED\)/);
});

test('--header values: "Name: value", repeatable, checked', () => {
  assert.deepEqual(parseHeaderOptions(['X-Api-Key: abc:def', 'x-tenant:  acme ']), { 'x-api-key': 'abc:def', 'x-tenant': 'acme' });
  for (const [bad, message] of [
    ['X-Api-Key abc', /must be "Name: value"/],
    [': abc', /must be "Name: value"/],
    ['X Api: abc', /must be "Name: value"/],
    ['X-Api-Key:', /the value is empty/],
    ['Content-Type: text/plain', /memberspec sets this header itself/],
  ] as const) {
    assert.throws(() => parseHeaderOptions([bad]), message, bad);
  }
});

test('the transport sends the extra headers on every request; a request header of its own wins', async () => {
  const seen: Record<string, string | string[] | undefined>[] = [];
  const server = createHttpServer((request, response) => {
    seen.push(request.headers);
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  const port = await listen(server);
  try {
    const transport = createHttpTransport({ baseUrl: `http://127.0.0.1:${port}`, headers: { 'x-api-key': 'k1', accept: 'text/plain' } });
    await transport.send({ method: 'GET', path: '/a' });
    await transport.send({ method: 'POST', path: '/b', body: {}, headers: { accept: 'application/json' } });
    assert.deepEqual(seen.map((h) => [h['x-api-key'], h.accept]), [['k1', 'text/plain'], ['k1', 'application/json']]);
  } finally {
    server.close();
  }
});

/**
 * HTTP_PROXY and NO_PROXY in a child process (the proxy agent is process-wide): a request to a host
 * that does not resolve reaches the target only through the proxy; one to a NO_PROXY host goes direct.
 */
test('HTTP_PROXY is honoured, NO_PROXY too', async () => {
  const target = createHttpServer((request, response) => response.end(`target saw ${request.url}`));
  const targetPort = await listen(target);
  const proxied: string[] = [];
  // A forward proxy as undici uses one (a CONNECT tunnel), leading to the target whatever host is named.
  const proxy = createHttpServer((_request, response) => response.writeHead(405).end());
  proxy.on('connect', (request, client: Socket, head: Buffer) => {
    proxied.push(`${request.method} ${request.url}`);
    const upstream = connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
  });
  const proxyPort = await listen(proxy);
  try {
    const script = `
      import { createHttpTransport } from './driver/http/http_transport.ts';
      for (const base of ['http://loyalty.memberspec-proxy-test.invalid', 'http://127.0.0.1:${targetPort}']) {
        const answer = await createHttpTransport({ baseUrl: base }).send({ method: 'GET', path: '/openapi.json' });
        console.log(answer.status, answer.body);
      }`;
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        env: { ...process.env, HTTP_PROXY: `http://127.0.0.1:${proxyPort}`, NO_PROXY: '127.0.0.1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('close', (code) => (code === 0 && err === '' ? resolve(out) : reject(new Error(`child exited ${code}: ${out}${err}`))));
    });
    assert.deepEqual(output.trim().split('\n'), ['200 target saw /openapi.json', '200 target saw /openapi.json']);
    assert.deepEqual(proxied, ['CONNECT loyalty.memberspec-proxy-test.invalid:80'], 'only the host outside NO_PROXY went through the proxy');
  } finally {
    proxy.close();
    target.close();
  }
});
