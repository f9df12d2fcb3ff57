// The restrictions a status label can carry (seed 001 "Suspended, Fraud suspected, Fraud confirmed, and
// Internal customer status"): the seed's words, the API name, and the operations each one blocks.

export interface RestrictionDefinition {
  /** The seed's words, as the features and the matrix table use them. */
  readonly seedName: string;
  readonly name: Restriction;
  /** "This is a future development feature": accepted in configuration, blocks nothing yet. */
  readonly future: boolean;
}

export const RESTRICTION_NAMES = [
  'BLOCK_COUPON_REDEMPTION',
  'BLOCK_LOYALTY_PROMOTION_ISSUAL',
  'BLOCK_IDENTIFIER_CHANGE_AND_MERGE',
  'BLOCK_BADGE_ISSUAL',
  'BLOCK_COUPON_ISSUAL',
  'BLOCK_LOYALTY_PROMOTION_ENROLLMENT',
  'BLOCK_POINTS_ALLOCATION',
  'BLOCK_POINTS_REDEMPTION',
  'BLOCK_TIER_UPGRADE',
  'BLOCK_TRANSACTION',
  'MARK_TRANSACTION_OUTLIER',
] as const;
export type Restriction = (typeof RESTRICTION_NAMES)[number];

export const RESTRICTIONS: readonly RestrictionDefinition[] = [
  { seedName: 'Block coupons redemption', name: 'BLOCK_COUPON_REDEMPTION', future: false },
  { seedName: 'Block issual of loyalty promotions', name: 'BLOCK_LOYALTY_PROMOTION_ISSUAL', future: false },
  { seedName: 'Block identifier change and account merge', name: 'BLOCK_IDENTIFIER_CHANGE_AND_MERGE', future: false },
  { seedName: 'Block issual of badges', name: 'BLOCK_BADGE_ISSUAL', future: true },
  { seedName: 'Block issual of coupons', name: 'BLOCK_COUPON_ISSUAL', future: false },
  { seedName: 'Block enrollment into loyalty promotions', name: 'BLOCK_LOYALTY_PROMOTION_ENROLLMENT', future: true },
  { seedName: 'Block points allocation', name: 'BLOCK_POINTS_ALLOCATION', future: false },
  { seedName: 'Block points redemption', name: 'BLOCK_POINTS_REDEMPTION', future: false },
  { seedName: 'Block tier upgrade', name: 'BLOCK_TIER_UPGRADE', future: false },
  { seedName: 'Block transaction', name: 'BLOCK_TRANSACTION', future: false },
  { seedName: 'Mark transaction outlier', name: 'MARK_TRANSACTION_OUTLIER', future: false },
];

/** The restriction for the seed's words or the API name (case-insensitive), or undefined. */
export function resolveRestriction(name: string): RestrictionDefinition | undefined {
  const wanted = name.trim().toLowerCase();
  return RESTRICTIONS.find((r) => r.seedName.toLowerCase() === wanted || r.name.toLowerCase() === wanted);
}
