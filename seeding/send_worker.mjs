// Worker entry of a load's sending thread in a checkout: loads the TypeScript worker through tsx (a
// worker thread does not inherit the parent's loader). The compiled package uses send_worker.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./send_worker.ts');
