// Code-linked promotions (seed 003): promotions and their promo codes, the link-code API, and the codes a
// transaction redeems — the ones presented at checkout and the ones linked to the customer, applied once at
// their next transaction. Everything is checked before anything is committed, and the checks and the commit
// of one request run without yielding, so N requests racing for a code's last use leave exactly one winner.
import { randomInt } from './entropy.ts';
import { DomainError } from '../domain/errors.ts';
import {
  checkCodeCount,
  checkLink,
  checkLiveCode,
  checkPromotion,
  checkPromotionExists,
  checkRedemption,
  checkUploadedCodes,
  discountOn,
  generatedCode,
  isExpired,
  normalizeCode,
  redeemed,
  type AppliedPromotion,
  type PromoCode,
  type Promotion,
  type PromotionInput,
} from '../domain/promotions.ts';
import type { Customer, Outcome } from '../domain/types.ts';
import type { ServiceCore } from './service_core.ts';

export interface CodeLink {
  readonly code: PromoCode;
  readonly promotion: Promotion;
  readonly linkedOn: string;
}

/** What a transaction will redeem, checked and ready to commit with it. */
export interface PlannedRedemptions {
  readonly applied: readonly AppliedPromotion[];
  readonly codes: readonly PromoCode[];
  readonly promotions: readonly Promotion[];
}

export interface PromotionOperations {
  createPromotion(orgId: number, input: PromotionInput): Promotion;
  /** Generates `count` codes or adds the uploaded `codes`; answers the new ones. */
  addPromoCodes(orgId: number, promotionId: number, request: { count?: unknown; codes?: unknown[] }): Outcome<PromoCode[]>;
  promotionCodes(orgId: number, promotionId: number): { promotion: Promotion; codes: PromoCode[] };
  /** The link-code API: the code becomes the customer's, applied at their next transaction. */
  linkPromoCode(orgId: number, request: { customerId: number; code: string; mode: unknown }): Outcome<CodeLink>;
}

/** The codes a bill presents and the customer's pending links, checked for this customer; throws on a bad presented code. */
export function planRedemptions(core: ServiceCore, orgId: number, customer: Customer, presented: readonly string[], billAmount: number): PlannedRedemptions {
  const store = core.store.promotions;
  const now = core.orgNow(orgId);
  const codes = new Map<string, PromoCode>();
  const promotions = new Map<number, Promotion>();
  const applied: AppliedPromotion[] = [];
  // `promotion` as stored, before this bill: the bill is one transaction of it however many of its codes it
  // carries (ruling 131), so each of them is checked against the transactions left before the bill.
  const apply = (code: PromoCode, promotion: Promotion, linked: boolean) => {
    checkRedemption(code, promotion, customer.id, billAmount);
    codes.set(code.code, redeemed(code, customer.id));
    if (!promotions.has(promotion.id)) promotions.set(promotion.id, { ...promotion, redemptions: promotion.redemptions + 1 });
    applied.push({ code: code.code, promotionId: promotion.id, promotionName: promotion.name, discount: discountOn(promotion, billAmount), linked });
  };
  for (const raw of presented) {
    const normalized = normalizeCode(raw);
    if (codes.has(normalized)) throw new DomainError(8514, normalized);
    const live = checkLiveCode(String(raw), store.code(orgId, normalized), store.promotion(orgId, store.code(orgId, normalized)?.promotionId ?? -1), now);
    apply(live.code, live.promotion, false);
  }
  // Linked codes apply by themselves; one that can no longer apply (expired, used up) is skipped, not refused.
  for (const code of store.pendingLinksOf(orgId, customer.id)) {
    if (codes.has(code.code)) continue;
    const promotion = store.promotion(orgId, code.promotionId)!;
    if (isExpired(promotion, now)) continue;
    try {
      apply(code, promotion, true);
    } catch (error) {
      // Stryker disable next-line ConditionalExpression: only a bug throws anything but a DomainError; rethrowing it keeps the bug loud
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return { applied, codes: [...codes.values()], promotions: [...promotions.values()] };
}

export function commitRedemptions(core: ServiceCore, orgId: number, plan: PlannedRedemptions): void {
  if (plan.codes.length > 0) core.store.promotions.commit(orgId, { codes: plan.codes, promotions: plan.promotions });
}

export function createPromotionOperations(core: ServiceCore): PromotionOperations {
  const { store, orgOf, guardForeign } = core;
  const promotions = store.promotions;

  const promotionOf = (orgId: number, promotionId: number): Promotion => {
    orgOf(orgId);
    return checkPromotionExists(promotionId, promotions.promotion(orgId, promotionId));
  };

  return {
    createPromotion(orgId, input) {
      orgOf(orgId);
      const promotion: Promotion = { ...checkPromotion(input), id: promotions.nextPromotionId(), redemptions: 0 };
      promotions.commit(orgId, { promotions: [promotion] });
      return promotion;
    },

    addPromoCodes(orgId, promotionId, request) {
      const promotion = promotionOf(orgId, promotionId);
      if ((request.count === undefined) === (request.codes === undefined)) throw new DomainError(8502, 'give either count or codes', 0);
      const exists = (code: string) => promotions.code(orgId, code) !== undefined;
      let values: string[];
      let origin: PromoCode['origin'];
      if (request.codes !== undefined) {
        values = checkUploadedCodes(request.codes, exists);
        origin = 'UPLOADED';
      } else {
        const count = checkCodeCount(request.count);
        const drawn = new Set<string>();
        while (drawn.size < count) {
          const code = generatedCode(promotion.id, (bound) => randomInt(bound));
          if (!exists(code)) drawn.add(code);
        }
        values = [...drawn];
        origin = 'GENERATED';
      }
      const codes: PromoCode[] = values.map((code) => ({ code, promotionId: promotion.id, origin, redemptions: 0, redemptionsBy: {} }));
      promotions.commit(orgId, { codes });
      return { value: codes, warnings: [] };
    },

    promotionCodes(orgId, promotionId) {
      const promotion = promotionOf(orgId, promotionId);
      return { promotion, codes: promotions.codesOf(orgId, promotion.id) };
    },

    linkPromoCode(orgId, { customerId, code: raw, mode }) {
      guardForeign(orgId, customerId);
      orgOf(orgId);
      const customer = store.customers(orgId).get(customerId);
      if (!customer) throw new DomainError(8015);
      if (customer.mergedInto !== undefined) throw new DomainError(8067, customer.mergedInto);
      const normalized = normalizeCode(raw);
      const now = core.orgNow(orgId);
      const stored = promotions.code(orgId, normalized);
      const { code, promotion } = checkLiveCode(String(raw), stored, stored && promotions.promotion(orgId, stored.promotionId), now);
      checkLink(code, promotion, customer.id, mode);
      const linked: PromoCode = { ...code, linkedTo: customer.id, linkPending: true, linkedOn: now };
      promotions.commit(orgId, { codes: [linked] });
      return { value: { code: linked, promotion, linkedOn: now }, warnings: [] };
    },
  };
}
