// A naive vendor: json-server 0.17 over an empty database, behind the contract's paths and
// envelopes, and nothing else. It stores whatever it is sent (no validation, no matching, no
// merges, no credentials check), so a good suite must reject it: on behaviour grounds where its
// answers are well-formed but wrong, and on contract grounds where json-server's own shapes leak out.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import type { Express, Request, RequestHandler, Response } from 'express';

// json-server 0.17 is CommonJS without type declarations: the few parts used here, typed.
interface JsonServer {
  create(): Express;
  router(db: Record<string, unknown[]>): RequestHandler;
  defaults(options: Record<string, unknown>): RequestHandler[];
  rewriter(routes: Record<string, string>): RequestHandler;
  bodyParser: RequestHandler[];
}
const jsonServer = createRequire(import.meta.url)('json-server') as JsonServer;

export interface NaiveVendor {
  url: string;
  close(): Promise<void>;
}

type Row = Record<string, unknown> & { id: number };

/** Contract path -> json-server resource. Anything unmapped gets json-server's own 404 page. */
const REWRITES: Record<string, string> = {
  '/x-memberspec/orgs': '/orgs',
  '/x-memberspec/orgs/:orgId/customers': '/customers',
  '/v2/customers/:id/changeIdentifier': '/customers/:id',
  '/v2/customers/:id': '/customers/:id',
  '/v2/customers': '/customers',
  '/v2/requests': '/requests',
  '/v2/transactions': '/transactions',
};

function lookUp(customers: Row[], value: string): Row | undefined {
  // Naive: the first stored record whose JSON mentions the value anywhere.
  return customers.find((c) => value !== '' && JSON.stringify(c).includes(JSON.stringify(value).slice(1, -1)));
}

export async function startNaiveVendor(host = '127.0.0.1', port = 0): Promise<NaiveVendor> {
  const app = jsonServer.create();
  // finalhandler prints every error's stack (e.g. malformed JSON) unless env is 'test'.
  app.set('env', 'test');
  const router = jsonServer.router({ orgs: [], customers: [], requests: [], transactions: [] });
  const db = (router as unknown as { db: { get(name: string): { value(): Row[] } } }).db;
  app.use(jsonServer.defaults({ logger: false, static: '/nonexistent', noCors: true }));
  app.use(jsonServer.bodyParser);

  // Look-ups are not CRUD, so they get a hand-written (and naive) answer in the contract's envelope.
  const lookup = (detailed: boolean) => (req: Request, res: Response) => {
    const value = String(req.query.identifierValue ?? '').split(',')[0];
    const found = lookUp(db.get('customers').value(), value);
    if (!found) {
      res.status(404).json({ errors: [{ status: false, code: 8015, message: 'Customer not found for the given identifiers' }] });
      return;
    }
    res.status(200).json(detailed ? { ...found, warnings: [] } : { entity: found.id, warnings: [] });
  };
  app.get('/v2/customers/lookup/customerDetails', lookup(true));
  app.get('/v2/customers/lookup', lookup(false));
  app.use(jsonServer.rewriter(REWRITES));

  // Wraps json-server's answers in the contract's envelopes without applying any rule.
  (router as unknown as { render: (req: Request, res: Response) => void }).render = (req, res) => {
    const data = res.locals.data as Row | Row[] | Record<string, never>;
    if (res.statusCode >= 400) {
      res.json({ errors: [{ status: false, code: res.statusCode, message: 'Not found' }] });
      return;
    }
    if (req.method === 'POST' && req.path === '/orgs') {
      const org = data as Row;
      res.status(201).json({ entity: { orgId: org.id, till: { username: `till${org.id}`, password: 'naive' } }, warnings: [] });
      return;
    }
    if (req.method === 'POST' && req.path === '/requests') {
      const r = data as Row & { customer?: { id?: number }; targetCustomer?: { id?: number } };
      res.status(200).json({
        createdId: r.id,
        entity: { id: r.id, status: 'APPROVED', survivorId: r.targetCustomer?.id ?? 0, victimId: r.customer?.id ?? 0 },
        warnings: [],
      });
      return;
    }
    if (req.method === 'POST' && req.path === '/transactions') {
      const t = data as Row;
      res.status(200).json({ createdId: t.id, customerId: t.id, warnings: [] });
      return;
    }
    if (req.method === 'POST' || req.method === 'PUT') {
      res.status(200).json({ createdId: (data as Row).id, warnings: [], sideEffects: [] });
      return;
    }
    if (Array.isArray(data)) {
      res.json({ entity: { customers: data, merges: [] }, warnings: [] });
      return;
    }
    res.json({ ...data, warnings: [] });
  };
  app.use(router);

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(port, host, () => resolve(s));
    s.once('error', reject);
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
