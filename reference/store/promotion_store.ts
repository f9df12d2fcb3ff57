// Code-linked promotions behind a port: promotions by id, promo codes by code (unique in an org), and the
// codes linked to each customer that their next transaction has not yet used. The service checks everything
// first and then commits one PromotionChanges, so a refusal leaves the store as it was.
import type { PromoCode, Promotion } from '../domain/promotions.ts';

export interface PromotionChanges {
  /** Promotions to save (new, or with a new redemption count). */
  readonly promotions?: readonly Promotion[];
  /** Codes to save (new, redeemed, or linked). */
  readonly codes?: readonly PromoCode[];
}

export interface PromotionStore {
  promotion(orgId: number, promotionId: number): Promotion | undefined;
  code(orgId: number, code: string): PromoCode | undefined;
  /** The promotion's codes, in the order they were added. */
  codesOf(orgId: number, promotionId: number): PromoCode[];
  /** Codes linked to the customer that no transaction has applied yet, oldest link first. */
  pendingLinksOf(orgId: number, customerId: number): PromoCode[];
  /** Ids are global and increasing. */
  nextPromotionId(): number;
  commit(orgId: number, changes: PromotionChanges): void;
}

interface OrgPromotions {
  readonly promotions: Map<number, Promotion>;
  readonly codes: Map<string, PromoCode>;
  readonly codesByPromotion: Map<number, string[]>;
  /** customer id -> codes linked to them and still pending. */
  readonly pendingLinks: Map<number, Set<string>>;
}

export function createMemoryPromotionStore(): PromotionStore {
  const orgs = new Map<number, OrgPromotions>();
  let lastPromotionId = 0;

  const of = (orgId: number): OrgPromotions => {
    let state = orgs.get(orgId);
    if (!state) {
      state = { promotions: new Map(), codes: new Map(), codesByPromotion: new Map(), pendingLinks: new Map() };
      orgs.set(orgId, state);
    }
    return state;
  };

  return {
    promotion: (orgId, promotionId) => orgs.get(orgId)?.promotions.get(promotionId),
    code: (orgId, code) => orgs.get(orgId)?.codes.get(code),
    codesOf(orgId, promotionId) {
      const state = orgs.get(orgId);
      return (state?.codesByPromotion.get(promotionId) ?? []).map((code) => state!.codes.get(code)!);
    },
    pendingLinksOf(orgId, customerId) {
      const state = orgs.get(orgId);
      return [...(state?.pendingLinks.get(customerId) ?? [])].map((code) => state!.codes.get(code)!);
    },
    nextPromotionId: () => ++lastPromotionId,
    commit(orgId, changes) {
      const state = of(orgId);
      for (const promotion of changes.promotions ?? []) state.promotions.set(promotion.id, promotion);
      for (const code of changes.codes ?? []) {
        const before = state.codes.get(code.code);
        if (!before) {
          const list = state.codesByPromotion.get(code.promotionId) ?? [];
          list.push(code.code);
          state.codesByPromotion.set(code.promotionId, list);
        }
        if (before?.linkedTo !== undefined) state.pendingLinks.get(before.linkedTo)?.delete(code.code);
        if (code.linkedTo !== undefined && code.linkPending) {
          const pending = state.pendingLinks.get(code.linkedTo) ?? new Set<string>();
          pending.add(code.code);
          state.pendingLinks.set(code.linkedTo, pending);
        }
        state.codes.set(code.code, code);
      }
    },
  };
}
