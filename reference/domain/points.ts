// The points rules: what a bill earns, what a points request may ask, whether a balance covers a
// redemption, and which tier lifetime points reach. Pure functions; the service applies their results.
import { DomainError } from './errors.ts';
import type { LoyaltyProgram, Tier } from './loyalty_program.ts';
import type { LineItem } from './types.ts';

/** Amounts are compared to the cent: 0.1 + 0.2 is 0.3. */
const CENT = 0.005;
const round3 = (value: number) => Math.round(value * 1000) / 1000;
// Stryker disable next-line ArithmeticOperator: amounts written into error details only (wording the contract does not pin)
const money = (value: number) => (Math.round(value * 100) / 100).toFixed(2);

/**
 * A bill with lines must add up: each line's amount is qty x rate, and the bill amount is the lines'
 * total (to the cent). 8231 names the first line that does not; 8230 a bill that does not.
 */
export function checkLineItems(billAmount: number, lineItems: readonly LineItem[] | undefined): void {
  if (!lineItems || lineItems.length === 0) return;
  lineItems.forEach((item, index) => {
    // Stryker disable next-line EqualityOperator: the half cent absorbs floating-point error; amounts to the cent are never exactly half a cent apart
    if (Math.abs(item.qty * item.rate - item.amount) > CENT) {
      throw new DomainError(8231, `${index + 1} (${item.sku})`, money(item.amount), item.qty, money(item.rate));
    }
  });
  const total = lineItems.reduce((sum, item) => sum + item.amount, 0);
  // Stryker disable next-line EqualityOperator: the half cent absorbs floating-point error; amounts to the cent are never exactly half a cent apart
  if (Math.abs(total - billAmount) > CENT) throw new DomainError(8230, money(billAmount), money(total));
}

/** The earn rule: pointsPerCurrencyUnit x bill amount, rounded down to whole points. */
export function transactionPoints(billAmount: number, program: Pick<LoyaltyProgram, 'pointsPerCurrencyUnit'>): number {
  // round3 first so 0.29 x 100 (28.999999...) earns 29, not 28.
  return Math.floor(round3(billAmount * program.pointsPerCurrencyUnit));
}

/** Points asked for by goodwill, import or redemption: a positive whole number, else 8235. */
export function checkPointsAmount(points: unknown): number {
  if (!Number.isInteger(points) || (points as number) <= 0) throw new DomainError(8235, String(points));
  return points as number;
}

/** A redemption the balance covers; 8234 otherwise (nothing is taken). */
export function checkRedeemable(customerId: number, balance: number, points: number): void {
  if (points > balance) throw new DomainError(8234, customerId, balance, points);
}

/** The highest tier whose threshold the lifetime points reach. */
export function tierFor(tiers: readonly Tier[], lifetimePoints: number): Tier {
  let reached = tiers[0];
  for (const tier of tiers) if (lifetimePoints >= tier.threshold) reached = tier;
  return reached;
}

export interface TierDecision {
  /** The customer's tier after the credit. */
  readonly tier: string;
  /** The upgrade the credit earned (applied only when allowed). */
  readonly upgrade?: { readonly from: string; readonly to: string };
  readonly applied: boolean;
}

/**
 * After a credit: the tier the new lifetime points reach, if higher than the current one. Tiers only go
 * up; a blocked upgrade leaves the tier as it is (the next allowed credit catches up).
 */
export function tierAfterCredit(tiers: readonly Tier[], current: string, lifetimePoints: number, upgradeAllowed: boolean): TierDecision {
  const reached = tierFor(tiers, lifetimePoints);
  const rank = (name: string) => tiers.findIndex((tier) => tier.name === name);
  if (rank(reached.name) <= rank(current)) return { tier: current, applied: false };
  const upgrade = { from: current, to: reached.name };
  return upgradeAllowed ? { tier: reached.name, upgrade, applied: true } : { tier: current, upgrade, applied: false };
}

/** Ledger points as the platform writes them: decimal strings with three places ("350.000"). */
export function ledgerPoints(points: number): string {
  return points.toFixed(3);
}

/**
 * The amount a return takes back (ruling 109): absent means all that is left of the bill; otherwise above
 * 0 (8313) and at most what is left (8312), to the cent.
 */
export function checkReturnAmount(amount: unknown, left: number, billNumber: string): number {
  if (amount === undefined) {
    if (left <= 0) throw new DomainError(8312, money(left), money(left), billNumber);
    return left;
  }
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0) throw new DomainError(8313, String(amount));
  if (amount - left > CENT) throw new DomainError(8312, money(amount), money(left), billNumber);
  return amount;
}

/** The points a bill's returned part earned, in proportion to the amount returned so far, rounded down. */
export function returnedPoints(pointsAwarded: number, billAmount: number, returnedSoFar: number): number {
  if (billAmount <= 0) return pointsAwarded;
  return Math.floor(round3((pointsAwarded * returnedSoFar) / billAmount));
}
