// A vendor that echoes credentials: the reference behind the mutant proxy, with every error message
// carrying the till's credentials in every form (the Authorization header, its base64 part, user:md5,
// the md5 and the plain password), and every successful customer read refused with such a message, so
// that failing scenarios carry the echo into their messages and transcripts. It remembers each till's
// password from the test-control answer (as a vendor's log would have it) and, for a request without
// credentials, echoes the last ones it saw.
import { createHash } from 'node:crypto';
import { startMutantVendor, type Mutant, type RunningMutant } from './mutant_vendors.ts';

type Json = Record<string, any>;

const CREATE_ORG = '/x-memberspec/orgs';
const CUSTOMER_READ = /^\/v2\/customers\/\d+$/;

export interface EchoingVendor extends RunningMutant {
  /** Every till whose credentials were echoed, with each secret form the vendor echoed. */
  readonly echoed: Map<string, string[]>;
  /** Answers that carried an echo. */
  echoes(): number;
}

/** The forms a careless vendor prints: header, base64 part, user:md5, md5, password. */
export function secretForms(username: string, password: string): string[] {
  const md5 = createHash('md5').update(password, 'utf8').digest('hex');
  const base64 = Buffer.from(`${username}:${md5}`, 'utf8').toString('base64');
  return [`Basic ${base64}`, base64, `${username}:${md5}`, md5, password];
}

export async function startEchoingVendor(): Promise<EchoingVendor> {
  const passwords = new Map<string, string>();
  const echoed = new Map<string, string[]>();
  let last: string | undefined;
  let count = 0;

  const echo = (authorization: string | undefined): string => {
    const header = authorization ?? last;
    if (!header) return 'no credentials seen yet';
    last = header;
    const userMd5 = Buffer.from(header.replace(/^Basic\s+/i, ''), 'base64').toString('utf8');
    const username = userMd5.slice(0, userMd5.indexOf(':'));
    const password = passwords.get(username) ?? '(unknown)';
    const forms = secretForms(username, password);
    echoed.set(username, forms);
    count += 1;
    const [full, base64, pair, md5, plain] = forms;
    return `request authorized as "${full}" (base64 ${base64}, credentials ${pair}, md5 ${md5}, password ${plain})`;
  };

  const mutant: Mutant = {
    bug: 'error messages echo the till credentials',
    caughtIn: [],
    response: (exchange, status, body: Json) => {
      if (exchange.path === CREATE_ORG && body.entity?.till) {
        passwords.set(body.entity.till.username, body.entity.till.password);
        return { status, body };
      }
      if (exchange.method === 'GET' && CUSTOMER_READ.test(exchange.path) && status === 200) {
        return { status: 400, body: { errors: [{ status: false, code: 8015, message: `Customer not found; ${echo(exchange.headers.authorization)}` }], warnings: [] } };
      }
      if (Array.isArray(body.errors)) {
        const suffix = echo(exchange.headers.authorization);
        body.errors = body.errors.map((e: Json) => ({ ...e, message: `${e.message}; ${suffix}` }));
      }
      return { status, body };
    },
  };
  const running = await startMutantVendor(mutant);
  return { ...running, echoed, echoes: () => count };
}
