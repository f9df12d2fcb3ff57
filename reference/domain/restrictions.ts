// The restrictions a status label can carry (seed 001 "Suspended, Fraud suspected, Fraud confirmed, and
// Internal customer status"): the seed's words, the API name, and the operations each one blocks.

export interface RestrictionDefinition {
  /** The seed's words, as the features and the matrix table use them. */
  readonly seedName: string;
  readonly name: Restriction;
  /** "This is a future development feature": accepted in configuration, blocks nothing yet. */
  readonly future: boolean;
}

// One table: the restriction names (the type) are read from it.
export const RESTRICTIONS = [
  { seedName: 'Block coupons redemption', name: 'BLOCK_COUPON_REDEMPTION', future: false },
  { seedName: 'Block issual of loyalty promotions', name: 'BLOCK_LOYALTY_PROMOTION_ISSUAL', future: false },
  { seedName: 'Block identifier change and account merge', name: 'BLOCK_IDENTIFIER_CHANGE_AND_MERGE', future: false },
  // Stryker disable next-line BooleanLiteral: no operation asks about a future restriction (customer_status.ts restrictionError)
  { seedName: 'Block issual of badges', name: 'BLOCK_BADGE_ISSUAL', future: true },
  { seedName: 'Block issual of coupons', name: 'BLOCK_COUPON_ISSUAL', future: false },
  // Stryker disable next-line BooleanLiteral: no operation asks about a future restriction (customer_status.ts restrictionError)
  { seedName: 'Block enrollment into loyalty promotions', name: 'BLOCK_LOYALTY_PROMOTION_ENROLLMENT', future: true },
  { seedName: 'Block points allocation', name: 'BLOCK_POINTS_ALLOCATION', future: false },
  { seedName: 'Block points redemption', name: 'BLOCK_POINTS_REDEMPTION', future: false },
  { seedName: 'Block tier upgrade', name: 'BLOCK_TIER_UPGRADE', future: false },
  { seedName: 'Block transaction', name: 'BLOCK_TRANSACTION', future: false },
  { seedName: 'Mark transaction outlier', name: 'MARK_TRANSACTION_OUTLIER', future: false },
] as const satisfies readonly { seedName: string; name: string; future: boolean }[];
export type Restriction = (typeof RESTRICTIONS)[number]['name'];

/** The restriction for the seed's words or the API name (case-insensitive, nothing around), or undefined. */
export function resolveRestriction(name: string): RestrictionDefinition | undefined {
  const wanted = name.toLowerCase();
  return RESTRICTIONS.find((r) => r.seedName.toLowerCase() === wanted || r.name.toLowerCase() === wanted);
}
