// Shared helpers for the service specs: an org with given configs, customers seeded through the public
// operations, and the seed-004 table view of a customer (EMAIL, MOBILE; NULL when absent).
import assert from 'node:assert/strict';
import { DomainError, type ErrorCode } from '../domain/errors.ts';
import type { Identifier, LoyaltyType } from '../domain/types.ts';
import { createIdentityService } from './create_identity_service.ts';

export const E1 = 'e1@example.com';
export const E2 = 'e2@example.com';
export const M1 = '919876500001';
export const M2 = '919876500002';
export const M3 = '919876500003';
export const X1 = 'CARD-0001';

export type Service = ReturnType<typeof createIdentityService>;

export function orgWith(configs: Record<string, unknown> = {}, countries: { baseCountry?: string; supportedCountries?: string[] } = {}) {
  const service = createIdentityService(undefined, { now: () => '2024-06-01T10:00:00.000Z' });
  const org = service.createOrg({ configs, ...countries });
  return { service, orgId: org.id, org };
}

/** The seed-004 org: primary key mobile, email unique, registration from any identifier. */
export function seed004Org(skipSecondary: boolean) {
  return orgWith({ CONF_ALLOW_REGISTRATION_FROM_ANY_IDENTIFIERS: true, CONF_SKIP_SECONDARY: skipSecondary });
}

export interface Person {
  email?: string;
  mobile?: string;
  externalId?: string;
}

export function ids(person: Person): Identifier[] {
  return (['mobile', 'email', 'externalId'] as const).flatMap((type) => (person[type] ? [{ type, value: person[type]! }] : []));
}

export function seedCustomer(service: Service, orgId: number, loyaltyType: LoyaltyType, person: Person, source = 'INSTORE', accountId?: string): number {
  return service.register(orgId, { source, ...(accountId ? { accountId } : {}), loyaltyType, identifiers: ids(person) }).value.customerId;
}

/** A customer as the seed tables show it. */
export function row(service: Service, orgId: number, customerId: number): { EMAIL: string; MOBILE: string } {
  const { value } = service.getCustomer(orgId, customerId);
  const find = (type: string) => value.identifiers.find((identifier) => identifier.type === type)?.value ?? 'NULL';
  return { EMAIL: find('email'), MOBILE: find('mobile') };
}

export function expectCode(action: () => unknown, code: ErrorCode): DomainError {
  try {
    action();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    assert.equal(error.code, code, `expected error ${code}, got ${error.code}: ${error.message}`);
    return error;
  }
  assert.fail(`expected error ${code}, but the operation succeeded`);
}

/** The whole org as listed by the test-control operation, for "nothing changed" checks. */
export function snapshot(service: Service, orgId: number): string {
  return JSON.stringify(service.listCustomers(orgId));
}
