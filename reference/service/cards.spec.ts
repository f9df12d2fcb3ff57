import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { M1, M2, M3, X1, expectCode, orgWith, snapshot, type Service } from './spec_support.ts';

const GENERATING = {
  CONF_CARD_NUMBER_GENERATION_ENABLED: true,
  SOURCE_ACCOUNTS_EXTERNALID_ENABLED: 'INSTORE:',
  CONF_CARD_CHECKSUM_DIGIT_ALGO: 'LUHN_ALGO',
  CONF_CARD_NUMBER_LENGTH: 8,
  CONF_CARD_NUMBER_PREFIX: '55',
};
// 55 + 00000 + Luhn check digit over the sequence (prefix not included).
const FIRST = '55000000';
const SECOND = '55000018';
const THIRD = '55000026';

const externalIdOf = (service: Service, orgId: number, customerId: number) =>
  service.getCustomer(orgId, customerId).value.identifiers.find((identifier) => identifier.type === 'externalId')?.value;
const cardsOf = (service: Service, orgId: number, customerId: number) => (service.getCustomer(orgId, customerId).value.cards ?? []).map((card) => card.number);
const register = (service: Service, orgId: number, mobile: string, source = 'INSTORE', externalId?: string) =>
  service.register(orgId, { source, identifiers: [{ type: 'mobile', value: mobile }, ...(externalId ? [{ type: 'externalId', value: externalId }] : [])] }).value
    .customerId;
const issue = (service: Service, orgId: number, customerId: number, statusLabel = 'ACTIVE') =>
  service.changeIdentifier(orgId, customerId, { source: 'INSTORE', add: [], remove: [], cards: [{ seriesId: 1, statusLabel }] });

describe('external IDs generated at registration', () => {
  it('replaces the payload external ID for a registration that creates a customer', () => {
    const { service, orgId } = orgWith(GENERATING);
    assert.equal(externalIdOf(service, orgId, register(service, orgId, M1, 'INSTORE', X1)), FIRST);
    assert.equal(externalIdOf(service, orgId, register(service, orgId, M2)), SECOND);
  });

  it('takes no number when the registration joins a customer who keeps its external ID', () => {
    const { service, orgId } = orgWith(GENERATING);
    const asha = register(service, orgId, M1, 'WEBSITE', X1);
    assert.equal(register(service, orgId, M1), asha);
    assert.equal(externalIdOf(service, orgId, asha), X1);
    assert.equal(externalIdOf(service, orgId, register(service, orgId, M2)), FIRST);
  });

  it('takes no number when the registration is refused', () => {
    const { service, orgId } = orgWith(GENERATING);
    expectCode(() => service.register(orgId, { source: 'INSTORE', identifiers: [{ type: 'mobile', value: M1 }, { type: 'email', value: 'nope' }] }), 8055);
    assert.equal(externalIdOf(service, orgId, register(service, orgId, M2)), FIRST);
  });

  it('skips numbers another customer holds as a card or as an external ID', () => {
    const { service, orgId } = orgWith(GENERATING);
    const carol = register(service, orgId, M1, 'WEBSITE', FIRST);
    service.changeIdentifier(orgId, carol, { source: 'WEBSITE', add: [], remove: [], cards: [{ number: SECOND }] });
    assert.equal(externalIdOf(service, orgId, register(service, orgId, M2)), THIRD);
    assert.equal(externalIdOf(service, orgId, carol), FIRST);
  });
});

describe('cards', () => {
  it('issued cards and generated external IDs share the sequence', () => {
    const { service, orgId } = orgWith(GENERATING);
    const asha = register(service, orgId, M1);
    issue(service, orgId, asha);
    assert.equal(externalIdOf(service, orgId, asha), FIRST);
    assert.deepEqual(cardsOf(service, orgId, asha), [SECOND]);
  });

  it('an identifier change with a card is all or nothing, and a refused one takes no number', () => {
    const { service, orgId } = orgWith({ ...GENERATING, CONF_CARD_NUMBER_GENERATION_ENABLED: false });
    const asha = register(service, orgId, M1);
    const before = snapshot(service, orgId);
    expectCode(
      () => service.changeIdentifier(orgId, asha, { source: 'INSTORE', add: [{ type: 'mobile', value: 'not-a-mobile' }], remove: [], cards: [{ seriesId: 1 }] }),
      8056,
    );
    expectCode(() => issue(service, orgId, asha, 'SUSPENDED'), 8269);
    assert.equal(snapshot(service, orgId), before);
    issue(service, orgId, asha);
    assert.deepEqual(cardsOf(service, orgId, asha), [FIRST]);
  });

  it('refuses an exhausted series with 8263 and changes nothing', () => {
    const { service, orgId } = orgWith({ CONF_CARD_CHECKSUM_DIGIT_ALGO: 'AUTO_INC', CONF_CARD_NUMBER_LENGTH: 1, CONF_CARD_NUMBER_OFFSET: 9 });
    const asha = register(service, orgId, M1);
    issue(service, orgId, asha);
    const before = snapshot(service, orgId);
    expectCode(() => issue(service, orgId, asha), 8263);
    assert.equal(snapshot(service, orgId), before);
    assert.deepEqual(cardsOf(service, orgId, asha), ['9']);
  });

  it("a merge victim's card leads to the survivor, and the victim's cards cannot change", () => {
    const { service, orgId } = orgWith({});
    const survivor = register(service, orgId, M1);
    const victim = register(service, orgId, M2);
    service.changeIdentifier(orgId, victim, { source: 'INSTORE', add: [], remove: [], cards: [{ number: 'CARD-77' }] });
    service.requestMerge(orgId, { survivorId: survivor, victimId: victim });
    assert.equal(service.lookup(orgId, { source: 'INSTORE', identifiers: [{ type: 'cardNumber', value: 'CARD-77' }] }).value, survivor);
    expectCode(() => service.changeCardStatus(orgId, victim, 'CARD-77', 'SUSPENDED'), 8067);
    expectCode(() => service.changeIdentifier(orgId, victim, { source: 'INSTORE', add: [], remove: [], cards: [{ number: 'CARD-78' }] }), 8067);
  });

  it("another org's customer is not found (8015)", () => {
    const { service, orgId } = orgWith({});
    const asha = register(service, orgId, M3);
    service.changeIdentifier(orgId, asha, { source: 'INSTORE', add: [], remove: [], cards: [{ number: 'CARD-1' }] });
    const other = service.createOrg({}).id;
    expectCode(() => service.changeCardStatus(other, asha, 'CARD-1', 'SUSPENDED'), 8015);
    assert.deepEqual(service.checkCardAvailability(other, 'CARD-1').value, { available: true });
    assert.equal(service.checkCardAvailability(orgId, 'CARD-1').value.available, false);
  });
});
