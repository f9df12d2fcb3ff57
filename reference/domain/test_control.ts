// Test and control groups (seed 000 "Managing test and control status", seed 002 "Customer status and name"):
// test customers receive campaign communications, control customers do not. The brand can move a customer
// from one group to the other; until then the reference's auto-assignment puts every customer in TEST.
import type { Changeset } from './changeset.ts';
import { DomainError } from './errors.ts';
import type { Customer, TestControlStatus } from './types.ts';

export const DEFAULT_TEST_CONTROL: TestControlStatus = 'TEST';

/** TEST or CONTROL (any case), or 8280. */
export function testControlStatus(value: string): TestControlStatus {
  const upper = value.toUpperCase();
  if (upper !== 'TEST' && upper !== 'CONTROL') throw new DomainError(8280, value);
  return upper;
}

export function testControlOf(customer: Customer): TestControlStatus {
  return customer.testControl ?? DEFAULT_TEST_CONTROL;
}

/** Moves a customer to a group inside `changeset`: 8280 bad value, 8009 unknown, 8067 merge victim. */
export function changeTestControl(changeset: Changeset, customerId: number, value: string): { customerId: number; status: TestControlStatus } {
  const status = testControlStatus(value);
  const current = changeset.peek(customerId);
  if (!current) throw new DomainError(8009);
  if (current.mergedInto !== undefined) throw new DomainError(8067, current.mergedInto);
  changeset.edit(customerId).testControl = status;
  return { customerId, status };
}
