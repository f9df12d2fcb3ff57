// Contract requests handed straight to the reference's dispatcher: same routes, no socket.
import { createDispatcher } from '../../reference/server/create_dispatcher.ts';
import { createIdentityService } from '../../reference/service/create_identity_service.ts';
import type { IdentityService } from '../../reference/service/identity_service.ts';
import type { Transport } from '../transport.ts';

export const IN_PROCESS_TARGET = 'in-process reference';

/** A transport over a fresh in-memory reference (or the given service). */
export function createInProcessTransport(service: IdentityService = createIdentityService()): Transport {
  const dispatch = createDispatcher(service);
  return {
    target: IN_PROCESS_TARGET,
    send: (request) => dispatch(request),
    async close() {},
  };
}
