// Rule 11: what the API shows of a customer.
import { toIdentifierList } from './identifiers.ts';
import { CHANNELS } from './sources.ts';
import { testControlOf } from './test_control.ts';
import type { Customer, CustomerView, MatchingIdentifierType } from './types.ts';

/** Channel types from every profile's commChannels, plus mobile/email when the customer holds them. */
export function reachableOn(customer: Customer): string[] {
  const types = new Set(customer.profiles.flatMap((profile) => profile.commChannels.map((channel) => channel.type.toLowerCase())));
  if (customer.identifiers.mobile !== undefined) types.add('mobile');
  if (customer.identifiers.email !== undefined) types.add('email');
  // The order is the contract's channel list, then by name: a reading aid, which the suite compares as a set.
  // Stryker disable next-line ArrowFunction,MethodExpression,ConditionalExpression,LogicalOperator,ArithmeticOperator: the order of reachableOn is not a rule (see above)
  const rank = (type: string) => (CHANNELS.includes(type) ? CHANNELS.indexOf(type) : CHANNELS.length);
  // Stryker disable next-line ArrowFunction,MethodExpression,ConditionalExpression,LogicalOperator,ArithmeticOperator: the order of reachableOn is not a rule (see above)
  return [...types].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export function toCustomerView(customer: Customer, primaryKey: MatchingIdentifierType): CustomerView {
  return {
    id: customer.id,
    loyaltyType: customer.loyaltyType,
    identifiers: toIdentifierList(customer.identifiers, primaryKey, customer.otherIdentifiers),
    profiles: structuredClone(customer.profiles),
    reachableOn: reachableOn(customer),
    registeredOn: customer.registeredOn,
    testControl: testControlOf(customer),
    // Stryker disable next-line ConditionalExpression: a mergedInto of undefined is not sent
    ...(customer.mergedInto !== undefined ? { mergedInto: customer.mergedInto } : {}),
    ...(customer.extendedFields ? { extendedFields: { ...customer.extendedFields } } : {}),
    ...(customer.cards?.length ? { cards: structuredClone(customer.cards) } : {}),
  };
}
