// Distinct, valid Indian mobile numbers for the benchmark: preloaded customers and new registrations
// never collide, so every registration runs the full matching path and creates a customer.
const PREFIX = { preload: '919', fresh: '918' } as const;

export function benchMobile(kind: keyof typeof PREFIX, index: number): string {
  return PREFIX[kind] + String(index).padStart(9, '0');
}
