import { describe, expect, it } from 'vitest';
import { apiClient } from '../api-client';
import { newShop, registerMerchant } from '../fixtures';
import { setupTestDatabase } from '../test-database';

setupTestDatabase();

async function merchantWithShop() {
  const merchant = await registerMerchant();
  const shop = await newShop(merchant, { name: 'فروشگاه نمونه', website: 'https://shop.example', phone: '۰۲۱-۸۸۸۸۸۸۸۸' });
  return { ...merchant, shop };
}

describe('shops', () => {
  it('creates a shop and shows its API key once; lists show only a hint', async () => {
    const { shop, call, access_token } = await merchantWithShop();
    expect(shop).toMatchObject({ name: 'فروشگاه نمونه', website: 'https://shop.example', phone: '02188888888', is_active: true });
    expect(shop.api_key).toMatch(/^kpay_sk_[\w-]{43}$/);
    expect(shop.api_key_hint).toBe(`kpay_sk_…${shop.api_key.slice(-4)}`);

    const list = await call('GET', '/api/shops', { token: access_token });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    expect(list.body.shops[0]).toMatchObject({ id: shop.id, api_key_hint: shop.api_key_hint });
    expect(JSON.stringify(list.body)).not.toContain(shop.api_key);

    const one = await call('GET', `/api/shops/${shop.id}`, { token: access_token });
    expect(one.status).toBe(200);
    expect(one.body.api_key).toBeUndefined();
  });

  it('updates fields, clears optional ones and deactivates', async () => {
    const { shop, call, access_token } = await merchantWithShop();
    const res = await call('PATCH', `/api/shops/${shop.id}`, { token: access_token, body: { name: 'New name', website: null, is_active: false } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'New name', website: null, phone: '02188888888', is_active: false });
    expect((await call('PATCH', `/api/shops/${shop.id}`, { token: access_token, body: {} })).status).toBe(422);
  });

  it('answers 422 naming each invalid field', async () => {
    const { call, access_token } = await registerMerchant();
    const res = await call('POST', '/api/shops', { token: access_token, body: { name: '', website: 'javascript:alert(1)', phone: 'abc' } });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['name', 'phone', 'website']);
  });

  it('regenerating the key stops the old one at once', async () => {
    const { shop, call, access_token } = await merchantWithShop();
    expect((await call('GET', `/api/shops/${shop.id}`, { apiKey: shop.api_key })).status).toBe(200);
    const regen = await call('POST', `/api/shops/${shop.id}/regenerate-key`, { token: access_token });
    expect(regen.status).toBe(200);
    expect(regen.body.api_key).not.toBe(shop.api_key);
    expect((await call('GET', `/api/shops/${shop.id}`, { apiKey: shop.api_key })).status).toBe(401);
    expect((await call('GET', `/api/shops/${shop.id}`, { apiKey: regen.body.api_key })).status).toBe(200);
    const list = await call('GET', '/api/shops', { token: access_token });
    expect(list.body.shops[0].api_key_hint).toBe(regen.body.api_key_hint);
  });

  it('another merchant gets 404 for every shop endpoint and sees nothing in lists', async () => {
    const owner = await merchantWithShop();
    const other = await registerMerchant();
    const path = `/api/shops/${owner.shop.id}`;
    expect((await other.call('GET', path, { token: other.access_token })).status).toBe(404);
    expect((await other.call('PATCH', path, { token: other.access_token, body: { name: 'stolen' } })).status).toBe(404);
    expect((await other.call('POST', `${path}/regenerate-key`, { token: other.access_token })).status).toBe(404);
    expect((await other.call('GET', '/api/shops', { token: other.access_token })).body).toEqual({ shops: [], total: 0 });
    const unchanged = await owner.call('GET', path, { token: owner.access_token });
    expect(unchanged.body.name).toBe('فروشگاه نمونه');
    expect((await other.call('GET', '/api/shops/not-a-uuid', { token: other.access_token })).status).toBe(404);
  });
});

describe('API key authentication', () => {
  it('acts for its own shop only, by X-API-Key or Bearer', async () => {
    const m = await merchantWithShop();
    const { shop, call } = m;
    const second = await newShop(m, { name: 'Second' });

    const viaHeader = await call('GET', '/api/shops', { apiKey: shop.api_key });
    expect(viaHeader.status).toBe(200);
    expect(viaHeader.body.shops.map((s: { id: string }) => s.id)).toEqual([shop.id]);
    const viaBearer = await call('GET', `/api/shops/${shop.id}`, { token: shop.api_key });
    expect(viaBearer.status).toBe(200);
    expect((await call('GET', `/api/shops/${second.id}`, { apiKey: shop.api_key })).status).toBe(404);
  });

  it('cannot manage the account: 403 for shop and card management', async () => {
    const { shop, call } = await merchantWithShop();
    const create = await call('POST', '/api/shops', { apiKey: shop.api_key, body: { name: 'x' } });
    expect(create.status).toBe(403);
    expect(create.body.error.code).toBe('forbidden');
    expect((await call('POST', `/api/shops/${shop.id}/regenerate-key`, { apiKey: shop.api_key })).status).toBe(403);
    expect((await call('PATCH', `/api/shops/${shop.id}`, { apiKey: shop.api_key, body: { name: 'x' } })).status).toBe(403);
    expect((await call('POST', '/api/cards', { apiKey: shop.api_key, body: {} })).status).toBe(403);
  });

  it('refuses unknown keys (401) and keys of a deactivated shop (403)', async () => {
    const { shop, call, access_token } = await merchantWithShop();
    expect((await call('GET', '/api/shops', { apiKey: 'kpay_sk_unknown' })).status).toBe(401);
    await call('PATCH', `/api/shops/${shop.id}`, { token: access_token, body: { is_active: false } });
    expect((await call('GET', '/api/shops', { apiKey: shop.api_key })).status).toBe(403);
  });

  it("does not show the owner on /auth/me: a user's identity is not a shop's (403)", async () => {
    const { shop, mobile } = await merchantWithShop();
    const me = await apiClient()('GET', '/api/auth/me', { apiKey: shop.api_key });
    expect(me.status).toBe(403);
    expect(JSON.stringify(me.body)).not.toContain(mobile);
  });
});
