// Routes of code-linked promotions (seed 003): promotions, their promo codes, the documented link-code API,
// expiring by the org's clock (its test-control route is in routes.ts). Answers use the promotion API's `data` envelope.
import type { PromoCode, Promotion } from '../domain/promotions.ts';
import { ok, withoutUndefined, type RouteDefinition } from './route_support.ts';

function promotionBody(promotion: Promotion): Record<string, unknown> {
  return {
    id: promotion.id,
    name: promotion.name,
    type: 'CODE_LINKED',
    discountType: promotion.discountType,
    discountValue: promotion.discountValue,
    minBillAmount: promotion.minBillAmount,
    validTill: promotion.validTill,
    limits: { ...promotion.limits },
    redemptions: promotion.redemptions,
  };
}

function codeBody(code: PromoCode): Record<string, unknown> {
  return withoutUndefined({ code: code.code, promotionId: code.promotionId, origin: code.origin, redemptions: code.redemptions, linkedCustomerId: code.linkedTo });
}

const data = (value: unknown) => ok({ data: value, errors: [], warnings: [] });

export const PROMOTION_ROUTES: readonly RouteDefinition[] = [
  {
    method: 'POST',
    path: '/v1/promotions',
    operationId: 'createPromotion',
    auth: true,
    handler: ({ service, org, body }) => data(promotionBody(service.createPromotion(org.id, body))),
  },
  {
    method: 'POST',
    path: '/v1/promotions/code/link',
    operationId: 'linkPromoCode',
    auth: true,
    handler: ({ service, org, body }) => {
      const { code, promotion, linkedOn } = service.linkPromoCode(org.id, { customerId: body.customerId, code: body.code, mode: body.mode }).value;
      const at = Date.parse(linkedOn);
      const till = Date.parse(promotion.validTill);
      return data({
        id: `${promotion.id}-${code.code}`,
        orgId: org.id,
        promotionId: String(promotion.id),
        promotionName: promotion.name,
        code: code.code,
        customerId: code.linkedTo,
        active: true,
        createdOn: at,
        createdOnISO: new Date(at).toISOString(),
        validTill: till,
        validTillISO: new Date(till).toISOString(),
        mode: 'DISCOUNT',
        redeemableFrom: at,
        redeemableFromISO: new Date(at).toISOString(),
      });
    },
  },
  {
    method: 'POST',
    path: '/v1/promotions/:promotionId/codes',
    operationId: 'addPromoCodes',
    auth: true,
    handler: ({ service, org, path, body }) => {
      const codes = service.addPromoCodes(org.id, path.promotionId as number, withoutUndefined({ count: body.count, codes: body.codes })).value;
      return data({ promotionId: path.promotionId, codes: codes.map(codeBody) });
    },
  },
  {
    method: 'GET',
    path: '/v1/promotions/:promotionId/codes',
    operationId: 'getPromoCodes',
    auth: true,
    handler: ({ service, org, path }) => {
      const { promotion, codes } = service.promotionCodes(org.id, path.promotionId as number);
      return data({ promotion: promotionBody(promotion), codes: codes.map(codeBody) });
    },
  },
];
