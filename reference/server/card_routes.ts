// Routes of the card operations that are not an identifier change (seed 002 "Cards"): a card's status and
// label, and the availability check. Linking and issuing go through changeIdentifier (cardnumber items).
import type { Card, CardRequest, Identifier } from '../domain/types.ts';
import { ok, type RouteDefinition } from './route_support.ts';

interface ChangeItemBody {
  type: string;
  value?: string;
  seriesId?: number;
  statusLabel?: string;
  cardExternalId?: string;
}

const isCardItem = (item: ChangeItemBody) => item.type.trim().toLowerCase() === 'cardnumber';

/** changeIdentifier's add list split into identifiers and cards to link (value) or issue (seriesId only). */
export function splitCardItems(items: ChangeItemBody[] | undefined): { add: Identifier[]; cards: CardRequest[] } {
  const list = items ?? [];
  return {
    add: list.filter((item) => !isCardItem(item)).map(({ type, value }) => ({ type, value: value ?? '' })),
    cards: list.filter(isCardItem).map((item) => ({
      ...(item.value !== undefined ? { number: item.value } : {}),
      ...(item.cardExternalId !== undefined ? { externalId: item.cardExternalId } : {}),
      ...(item.seriesId !== undefined ? { seriesId: item.seriesId } : {}),
      ...(item.statusLabel !== undefined ? { statusLabel: item.statusLabel } : {}),
    })),
  };
}

/** The platform's cardDetails entry. */
export function cardDetailsBody(card: Card): Record<string, unknown> {
  return {
    cardNumber: card.number,
    ...(card.externalId !== undefined ? { cardExternalId: card.externalId } : {}),
    ...(card.seriesId !== undefined ? { seriesId: card.seriesId } : {}),
    statusInfo: { label: card.label, status: card.status, isActive: card.status === 'ACTIVE' },
  };
}

export const CARD_ROUTES: readonly RouteDefinition[] = [
  {
    method: 'PUT',
    path: '/v2/customers/:customerId/cards/:cardNumber/status',
    operationId: 'changeCardStatus',
    auth: true,
    handler: ({ service, org, path, body }) => {
      const outcome = service.changeCardStatus(org.id, path.customerId as number, String(path.cardNumber), body.status, body.label);
      return ok({ createdId: outcome.value.customerId, entity: cardDetailsBody(outcome.value.card), warnings: outcome.warnings });
    },
  },
  {
    method: 'GET',
    path: '/v2/cards/availability',
    operationId: 'checkCardAvailability',
    auth: true,
    handler: ({ service, org, query }) => {
      const seriesId = query.seriesId === undefined ? undefined : (query.seriesId as number);
      const outcome = service.checkCardAvailability(org.id, String(query.cardNumber), seriesId);
      return ok({ entity: { cardNumber: String(query.cardNumber).trim(), ...outcome.value }, warnings: outcome.warnings });
    },
  },
];
