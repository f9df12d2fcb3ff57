// Seed 002 "Cards": the card operations that are not part of an identifier change (linking and issuing
// go through changeIdentifier): a card's status and label, and the availability check before linking.
import { changeCardStatus, checkCardAvailability, customerIdByCardExternalId, customerIdByCardNumber, type Availability } from '../domain/cards.ts';
import { survivorOf } from '../domain/lookup.ts';
import type { Card, Outcome } from '../domain/types.ts';
import type { ServiceCore } from './service_core.ts';

export interface CardOperations {
  /** Seed 002 "Change card status & label"; the label defaults to the status. */
  changeCardStatus(orgId: number, customerId: number, cardNumber: string, status: string, label?: string): Outcome<{ customerId: number; card: Card }>;
  /** Seed 002 "Check availability": whether a card number can be linked (optionally as a number of a series). */
  checkCardAvailability(orgId: number, cardNumber: string, seriesId?: number): Outcome<Availability>;
  /** Seed 003 "Card support in Goodwill Points Issual": the customer a card number or card external id names (8015 none). */
  cardHolder(orgId: number, card: { readonly by: 'cardnumber' | 'cardExternalId'; readonly value: string }): number;
}

export function createCardOperations(core: ServiceCore): CardOperations {
  const { orgOf, transact, guardForeign, store } = core;
  return {
    changeCardStatus(orgId, customerId, cardNumber, status, label) {
      guardForeign(orgId, customerId);
      const { result } = transact(orgId, (changeset) => changeCardStatus(changeset, customerId, cardNumber.trim(), status, label));
      return { value: { customerId, card: structuredClone(result) }, warnings: [] };
    },
    cardHolder(orgId, card) {
      orgOf(orgId);
      const reader = store.customers(orgId);
      const survivor = (customer: Parameters<typeof survivorOf>[1]) => survivorOf(reader, customer);
      return card.by === 'cardnumber'
        ? customerIdByCardNumber(reader, card.value, survivor)
        : customerIdByCardExternalId(store.listCustomers(orgId), card.value, survivor);
    },
    checkCardAvailability(orgId, cardNumber, seriesId) {
      return { value: checkCardAvailability(orgOf(orgId), store.customers(orgId), cardNumber, seriesId), warnings: [] };
    },
  };
}
