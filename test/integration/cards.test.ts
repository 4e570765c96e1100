import { describe, expect, it } from 'vitest';
import { registerMerchant } from '../api-client';
import { setupTestDatabase } from '../test-database';

setupTestDatabase();

const MELLAT = '6104331234567890';
const MELLAT_SHEBA = 'IR160120000000001234567890';
const PASARGAD_SHEBA = 'IR870570028180010653892101';

describe('cards', () => {
  it('adds a card from Persian digits with spaces, naming its bank', async () => {
    const { call, access_token } = await registerMerchant();
    const res = await call('POST', '/api/cards', {
      token: access_token,
      body: { card_number: '۶۱۰۴ ۳۳۱۲ ۳۴۵۶ ۷۸۹۰', owner_name: 'سارا محمدی', sheba: 'ir16 0120 0000 0000 1234 5678 90' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      card_number: MELLAT,
      owner_name: 'سارا محمدی',
      bank_name: 'بانک ملت',
      bank_name_en: 'Mellat',
      bank_code: 'mellat',
      sheba: MELLAT_SHEBA,
      is_active: true,
    });
    const list = await call('GET', '/api/cards', { token: access_token });
    expect(list.body).toEqual({ cards: [res.body], total: 1 });
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
    const { call, access_token } = await registerMerchant();
    const card = (await call('POST', '/api/cards', { token: access_token, body: { card_number: MELLAT, owner_name: 'A B' } })).body;
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
    const card = (await owner.call('POST', '/api/cards', { token: owner.access_token, body: { card_number: MELLAT, owner_name: 'A B' } })).body;
    const other = await registerMerchant();
    expect((await other.call('PATCH', `/api/cards/${card.id}`, { token: other.access_token, body: { is_active: false } })).status).toBe(404);
    expect((await other.call('DELETE', `/api/cards/${card.id}`, { token: other.access_token })).status).toBe(404);
    expect((await other.call('GET', '/api/cards', { token: other.access_token })).body.total).toBe(0);
    const mine = await owner.call('GET', '/api/cards', { token: owner.access_token });
    expect(mine.body.cards[0]).toMatchObject({ id: card.id, is_active: true });
  });

  it("a shop key lists its owner's cards but cannot change them", async () => {
    const { call, access_token } = await registerMerchant();
    const shop = (await call('POST', '/api/shops', { token: access_token, body: { name: 'S' } })).body;
    const card = (await call('POST', '/api/cards', { token: access_token, body: { card_number: MELLAT, owner_name: 'A B' } })).body;
    const list = await call('GET', '/api/cards', { apiKey: shop.api_key });
    expect(list.body.cards.map((c: { id: string }) => c.id)).toEqual([card.id]);
    expect((await call('DELETE', `/api/cards/${card.id}`, { apiKey: shop.api_key })).status).toBe(403);
  });
});
