import { describe, expect, it } from 'vitest';
import { MELLAT_CARD as MELLAT, MELLAT_SHEBA, newCard, newShop, registerMerchant } from '../fixtures';
import { setupTestDatabase } from '../test-database';

setupTestDatabase();

const PASARGAD_SHEBA = 'IR870570028180010653892101';

describe('cards', () => {
  it('adds a card from Persian digits with spaces, naming its bank', async () => {
    const { call, access_token } = await registerMerchant();
    const res = await call('POST', '/api/cards', {
      token: access_token,
      body: { card_number: '۶۱۰۴ ۳۳۱۲ ۳۴۵۶ ۷۸۹۰', owner_name: 'سارا محمدی', shaba: 'ir16 0120 0000 0000 1234 5678 90' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      card_number: MELLAT,
      owner_name: 'سارا محمدی',
      bank_name: 'بانک ملت',
      bank_name_en: 'Mellat',
      bank_code: 'mellat',
      shaba: MELLAT_SHEBA,
      is_active: true,
    });
    expect(res.body).not.toHaveProperty('sheba');
    const list = await call('GET', '/api/cards', { token: access_token });
    expect(list.body).toEqual({ cards: [res.body], total: 1 });
  });

  it('takes the IBAN as shaba (the contract) or sheba (alias), and refuses both with different values', async () => {
    const { call, access_token } = await registerMerchant();
    const alias = await call('POST', '/api/cards', { token: access_token, body: { card_number: MELLAT, owner_name: 'A B', sheba: MELLAT_SHEBA } });
    expect(alias.status).toBe(201);
    expect(alias.body.shaba).toBe(MELLAT_SHEBA);

    const other = await registerMerchant();
    const both = await other.call('POST', '/api/cards', {
      token: other.access_token,
      body: { card_number: MELLAT, owner_name: 'A B', shaba: MELLAT_SHEBA, sheba: 'IR 160120000000001234567890' },
    });
    expect(both.status).toBe(201);
    const differ = await other.call('POST', '/api/cards', {
      token: other.access_token,
      body: { card_number: '6037991234567893', owner_name: 'A B', shaba: MELLAT_SHEBA, sheba: PASARGAD_SHEBA },
    });
    expect(differ.status).toBe(422);
    expect(differ.body.error.fields).toEqual({ sheba: 'Differs from shaba; send the IBAN once' });
    const wrongBank = await other.call('POST', '/api/cards', {
      token: other.access_token,
      body: { card_number: '6037991234567893', owner_name: 'A B', shaba: MELLAT_SHEBA },
    });
    expect(wrongBank.body.error.fields).toEqual({ shaba: 'Sheba belongs to Mellat, the card to Melli' });
    expect((await other.call('GET', '/api/cards', { token: other.access_token })).body.total).toBe(1);
  });

  it('refuses unknown fields with 422 naming each of them', async () => {
    const { call, access_token } = await registerMerchant();
    const res = await call('POST', '/api/cards', {
      token: access_token,
      body: { card_number: MELLAT, owner_name: 'A B', iban: MELLAT_SHEBA, colour: 'red' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toEqual({
      code: 'validation_failed',
      message: 'Some fields are invalid',
      fields: { iban: 'Unknown field', colour: 'Unknown field' },
    });
    expect((await call('GET', '/api/cards', { token: access_token })).body.total).toBe(0);
  });

  it('answers 409 when the same user adds the same card twice; another user may add it', async () => {
    const { call, access_token } = await registerMerchant();
    expect((await call('POST', '/api/cards', { token: access_token, body: { card_number: MELLAT, owner_name: 'A B' } })).status).toBe(201);
    const dup = await call('POST', '/api/cards', { token: access_token, body: { card_number: '6104-3312-3456-7890', owner_name: 'A B' } });
    expect(dup.status).toBe(409);
    expect(dup.body.error.fields).toEqual({ card_number: 'already added' });
    const other = await registerMerchant();
    expect((await other.call('POST', '/api/cards', { token: other.access_token, body: { card_number: MELLAT, owner_name: 'C D' } })).status).toBe(201);
  });

  it('answers 422 for a bad checksum, an unknown bank, a bad Sheba and a Sheba of another bank', async () => {
    const { call, access_token } = await registerMerchant();
    const luhn = await call('POST', '/api/cards', { token: access_token, body: { card_number: '6104331234567891', owner_name: 'A B' } });
    expect(luhn.status).toBe(422);
    expect(luhn.body.error.fields.card_number).toMatch(/checksum/);
    const visa = await call('POST', '/api/cards', { token: access_token, body: { card_number: '4111111111111111', owner_name: 'A B' } });
    expect(visa.body.error.fields.card_number).toMatch(/known Iranian bank/);
    const sheba = await call('POST', '/api/cards', {
      token: access_token,
      body: { card_number: MELLAT, owner_name: 'A B', sheba: 'IR160120000000001234567891' },
    });
    expect(sheba.body.error.fields).toEqual({ sheba: 'Sheba checksum is not valid (check for a typo)' });
    const mismatch = await call('POST', '/api/cards', { token: access_token, body: { card_number: MELLAT, owner_name: 'A B', sheba: PASARGAD_SHEBA } });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.error.fields.sheba).toBe('Sheba belongs to Pasargad, the card to Mellat');
    const missing = await call('POST', '/api/cards', { token: access_token, body: {} });
    expect(Object.keys(missing.body.error.fields).sort()).toEqual(['card_number', 'owner_name']);
    expect((await call('GET', '/api/cards', { token: access_token })).body.total).toBe(0);
  });

  it('deactivates, renames and soft-deletes; a deleted card can be added again', async () => {
    const m = await registerMerchant();
    const { call, access_token } = m;
    const card = await newCard(m);
    const off = await call('PATCH', `/api/cards/${card.id}`, { token: access_token, body: { is_active: false, owner_name: 'Sara M' } });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ is_active: false, owner_name: 'Sara M' });

    expect((await call('DELETE', `/api/cards/${card.id}`, { token: access_token })).status).toBe(204);
    expect((await call('GET', '/api/cards', { token: access_token })).body.total).toBe(0);
    expect((await call('DELETE', `/api/cards/${card.id}`, { token: access_token })).status).toBe(404);
    expect((await call('PATCH', `/api/cards/${card.id}`, { token: access_token, body: { is_active: true } })).status).toBe(404);
    const again = await call('POST', '/api/cards', { token: access_token, body: { card_number: MELLAT, owner_name: 'A B' } });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(card.id);
  });

  it("another merchant's card answers 404 and stays unchanged", async () => {
    const owner = await registerMerchant();
    const card = await newCard(owner);
    const other = await registerMerchant();
    expect((await other.call('PATCH', `/api/cards/${card.id}`, { token: other.access_token, body: { is_active: false } })).status).toBe(404);
    expect((await other.call('DELETE', `/api/cards/${card.id}`, { token: other.access_token })).status).toBe(404);
    expect((await other.call('GET', '/api/cards', { token: other.access_token })).body.total).toBe(0);
    const mine = await owner.call('GET', '/api/cards', { token: owner.access_token });
    expect(mine.body.cards[0]).toMatchObject({ id: card.id, is_active: true });
  });

  it("a shop key lists its owner's cards but cannot change them", async () => {
    const m = await registerMerchant();
    const { call } = m;
    const shop = await newShop(m);
    const card = await newCard(m);
    const list = await call('GET', '/api/cards', { apiKey: shop.api_key });
    expect(list.body.cards.map((c: { id: string }) => c.id)).toEqual([card.id]);
    expect((await call('DELETE', `/api/cards/${card.id}`, { apiKey: shop.api_key })).status).toBe(403);
  });

  it('shows a shop key masked card numbers and no Shaba; the merchant sees them whole', async () => {
    const m = await registerMerchant();
    const { call, access_token } = m;
    const shop = await newShop(m);
    const card = await newCard(m, { sheba: MELLAT_SHEBA });
    const asShop = await call('GET', '/api/cards', { apiKey: shop.api_key });
    const masked = { ...card, card_number: '610433******7890' };
    delete masked.shaba;
    expect(asShop.body).toEqual({ cards: [masked], total: 1 });
    expect(asShop.body.cards[0]).not.toHaveProperty('shaba');
    expect(JSON.stringify(asShop.body)).not.toContain('1234567890');
    const asUser = await call('GET', '/api/cards', { token: access_token });
    expect(asUser.body.cards).toEqual([expect.objectContaining({ card_number: MELLAT, shaba: MELLAT_SHEBA })]);
  });
});
