// Routes of coupon series information, issual limit and claims, the customer redemptions read (documented
// v1.1 shape with merchant_store_id), and the brand notifications the test-control extension shows.
import { DomainError } from '../domain/errors.ts';
import type { BrandNotification, CouponSeries } from '../domain/types.ts';
import { ok, withoutUndefined, type RouteDefinition } from './route_support.ts';

/** A series with what Member Care's information tab shows: counts, expiry, and who claimed it. */
function seriesBody(series: CouponSeries): Record<string, unknown> {
  return withoutUndefined({
    id: series.id,
    description: series.description,
    discountType: series.discountType,
    discountValue: series.discountValue,
    issualLimit: series.issualLimit,
    issued: series.issued,
    remaining: series.issualLimit - series.issued,
    validTill: series.validTill,
    notifyWhenRemaining: series.notifyWhenRemaining,
    claimed: series.claim !== undefined,
    claimedBy: series.claim?.by,
    campaignUsingThisOffer: series.claim?.by === 'OUTBOUND' ? series.claim.name : undefined,
    programUsingThisOffer: series.claim?.by === 'LOYALTY' ? series.claim.name : undefined,
  });
}

function notificationBody(notification: BrandNotification): Record<string, unknown> {
  return { ...notification, recipients: [...notification.recipients] };
}

/** The v1.1 API writes times as "yyyy-MM-dd HH:mm:ss" (UTC here). */
function v11Time(iso: string): string {
  return new Date(iso).toISOString().slice(0, 19).replace('T', ' ');
}

const store = (code: string | undefined) => (code === undefined ? undefined : { code, name: code });

export const COUPON_ROUTES: readonly RouteDefinition[] = [
  {
    method: 'GET',
    path: '/v2/coupon/series/:seriesId',
    operationId: 'getCouponSeries',
    auth: true,
    handler: ({ service, org, path }) => ok({ entity: seriesBody(service.couponSeries(org.id, path.seriesId as number)), warnings: [] }),
  },
  {
    method: 'PUT',
    path: '/v2/coupon/series/:seriesId',
    operationId: 'updateCouponSeries',
    auth: true,
    handler: ({ service, org, path, body }) => ok({ entity: seriesBody(service.setIssualLimit(org.id, path.seriesId as number, body.issualLimit)), warnings: [] }),
  },
  {
    method: 'POST',
    path: '/v2/coupon/series/:seriesId/claim',
    operationId: 'claimCouponSeries',
    auth: true,
    handler: ({ service, org, path, body }) =>
      ok({ entity: seriesBody(service.claimCouponSeries(org.id, path.seriesId as number, { by: body.claimedBy, name: body.name })), warnings: [] }),
  },
  {
    method: 'GET',
    path: '/v1.1/customer/redemptions',
    operationId: 'getCustomerRedemptions',
    auth: true,
    handler: ({ service, org, query }) => {
      if (String(query.identifierName).toLowerCase() !== 'id') throw new DomainError(8203, 'memberspec reads redemptions by identifierName=id');
      const customerId = Number(query.identifierValue);
      if (!Number.isInteger(customerId) || customerId < 1) throw new DomainError(8015);
      const { coupons, points } = service.customerRedemptions(
        org.id,
        customerId,
        withoutUndefined({
          type: query.type as string | undefined,
          startDate: query.start_date as string | undefined,
          endDate: query.end_date as string | undefined,
          couponsStartId: query.coupons_start_id as number | undefined,
          couponsEndId: query.coupons_end_id as number | undefined,
          merchantStoreId: query.merchant_store_id === undefined ? undefined : String(query.merchant_store_id),
        }),
      );
      return ok({
        response: {
          status: { success: true, code: 200, message: 'Success' },
          customer: {
            id: customerId,
            coupons_count: coupons.length,
            points_count: points.length,
            redemptions: {
              coupons: {
                coupon: coupons.map((c) =>
                  withoutUndefined({
                    id: c.couponId,
                    code: c.code,
                    series_id: c.seriesId,
                    description: c.description,
                    discount_type: c.discountType === 'PERC' ? 'PERC' : 'FLAT',
                    transaction_number: c.billNumber ?? '',
                    redeemed_time: v11Time(c.redeemedAt),
                    redeemed_at: c.storeCode ?? '',
                    redeemed_store: store(c.storeCode),
                  }),
                ),
              },
              points: {
                point: points.map((p) =>
                  withoutUndefined({
                    id: p.id,
                    points_redeemed: p.points,
                    transaction_number: p.billNumber ?? '',
                    redeemed_time: v11Time(p.redeemedAt),
                    redeemed_at: p.storeCode ?? '',
                    redeemed_store: store(p.storeCode),
                  }),
                ),
              },
            },
          },
        },
      });
    },
  },
  {
    method: 'GET',
    path: '/x-memberspec/orgs/:orgId/notifications',
    operationId: 'listBrandNotifications',
    auth: true,
    handler: ({ service, org, path }) => {
      if (path.orgId !== org.id) throw new DomainError(1064, String(path.orgId));
      return ok({ entity: { notifications: service.brandNotifications(org.id).map(notificationBody) }, warnings: [] });
    },
  },
];
