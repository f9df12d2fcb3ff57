// A server for the throughput benchmark, in its own process so that the load generator does not share
// its event loop. `reference --preload N` stores N customers first; `baseline` is a bare Express endpoint
// that stores the JSON body in a Map. Prints one line "READY <url> <authorization>" when listening.
import { createHash } from 'node:crypto';
import express from 'express';
import { createIdentityService } from '../reference/service/create_identity_service.ts';
import { startReferenceServer } from '../reference/server/start_server.ts';
import { benchMobile } from './bench_identifiers.ts';

const [kind = 'reference', , preloadArg = '0'] = process.argv.slice(2);

async function startBaseline(): Promise<string> {
  const app = express();
  const stored = new Map<number, unknown>();
  let nextId = 1;
  app.use(express.json());
  app.post('/store', (req, res) => {
    const id = nextId++;
    stored.set(id, req.body);
    res.json({ createdId: id, warnings: [] });
  });
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    });
  });
}

async function startReference(preload: number): Promise<{ url: string; authorization: string }> {
  const service = createIdentityService();
  const org = service.createOrg({ configs: { CONF_REGISTRATION_PRIMARY_KEY: 'mobile' } });
  for (let i = 0; i < preload; i++) {
    service.register(org.id, {
      source: 'INSTORE',
      loyaltyType: 'loyalty',
      identifiers: [
        { type: 'mobile', value: benchMobile('preload', i) },
        { type: 'email', value: `preload${i}@bench.example` },
      ],
    });
  }
  const { url } = await startReferenceServer({ port: 0, host: '127.0.0.1', service });
  const md5 = createHash('md5').update(org.till.password).digest('hex');
  return { url, authorization: `Basic ${Buffer.from(`${org.till.username}:${md5}`).toString('base64')}` };
}

if (kind === 'baseline') {
  console.log(`READY ${await startBaseline()} -`);
} else {
  const { url, authorization } = await startReference(Number(preloadArg));
  console.log(`READY ${url} ${authorization}`);
}
