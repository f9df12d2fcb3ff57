// Worker entry of a generation run in a checkout: loads the TypeScript worker through tsx (a worker
// thread does not inherit the parent's loader). The compiled package uses generation_worker.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./generation_worker.ts');
