import { randomBytes } from 'node:crypto';

/** A run's id: its UTC start time (sortable) and a random suffix (two runs in one second differ). */
export function newRunId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\..*$/, '');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}
