// Contract requests handed straight to the reference's dispatcher: same routes, no socket.
import { randomBytes } from 'node:crypto';
import { createDispatcher } from '../../reference/server/create_dispatcher.ts';
import { createIdentityService } from '../../reference/service/create_identity_service.ts';
import type { IdentityService } from '../../reference/service/identity_service.ts';
import { adminTokenHeader, type Transport } from '../transport.ts';

export const IN_PROCESS_TARGET = 'in-process reference';

/** A transport over a fresh in-memory reference (or the given service). */
export function createInProcessTransport(service: IdentityService = createIdentityService()): Transport {
  // The embedded reference guards its test-control extension with a token only this transport knows.
  const adminToken = randomBytes(16).toString('hex');
  const dispatch = createDispatcher(service, { adminToken });
  return {
    target: IN_PROCESS_TARGET,
    sendsAdminToken: true,
    send: (request) => dispatch({ ...request, headers: { ...request.headers, ...adminTokenHeader(request, adminToken) } }),
    async close() {},
  };
}
