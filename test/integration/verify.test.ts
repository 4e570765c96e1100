import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { database } from '@/db/client';
import { transactionEvents } from '@/db/schema';
import { apiClient } from '../api-client';
import { cardToCardMerchant, newShop } from '../fixtures';
import { setupTestDatabase } from '../test-database';

setupTestDatabase();

/** A merchant with a shop, a card and one transaction the merchant confirmed (paid). */
async function paidTransaction() {
  const m = await cardToCardMerchant();
  const tx = await m.create();
  expect((await m.call('POST', `/api/transactions/${tx.id}/confirm`, { token: m.access_token })).status).toBe(200);
  return { ...m, tx };
}

const statusOf = async (m: Awaited<ReturnType<typeof paidTransaction>>) =>
  (await m.call('GET', `/api/transactions/${m.tx.id}`, { token: m.access_token })).body.status;

describe('verify belongs to the shop', () => {
  it('needs credentials: without them 401 and nothing changes', async () => {
    const m = await paidTransaction();
    const buyer = apiClient();
    const res = await buyer('POST', '/api/transactions/verify', { body: { authority: m.tx.authority, amount: m.tx.amount } });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
    expect(await statusOf(m)).toBe('paid');
  });

  it("answers another merchant's authority 404 exactly like an unknown one, and leaves it paid", async () => {
    const victim = await paidTransaction();
    const attacker = await paidTransaction();
    const foreign = await attacker.call('POST', '/api/transactions/verify', {
      apiKey: attacker.shop.api_key,
      body: { authority: victim.tx.authority, amount: victim.tx.amount },
    });
    const unknown = await attacker.call('POST', '/api/transactions/verify', {
      apiKey: attacker.shop.api_key,
      body: { authority: 'NoSuchAuthority0000000000', amount: victim.tx.amount },
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(unknown.body);
    const byToken = await attacker.call('POST', '/api/transactions/verify', {
      token: attacker.access_token,
      body: { authority: victim.tx.authority, amount: victim.tx.amount },
    });
    expect(byToken.status).toBe(404);
    expect(await statusOf(victim)).toBe('paid');
  });

  it("a key of the merchant's other shop does not find it; its own shop's key and the merchant's token do", async () => {
    const m = await paidTransaction();
    const other = await newShop(m, { name: 'Other shop' });
    const body = { authority: m.tx.authority, amount: m.tx.amount };
    expect((await m.call('POST', '/api/transactions/verify', { apiKey: other.api_key, body })).status).toBe(404);
    // Bearer with the key's prefix is the same credential as X-API-Key.
    const first = await m.call('POST', '/api/transactions/verify', { headers: { authorization: `Bearer ${m.shop.api_key}` }, body });
    expect(first.body).toMatchObject({ status: 'verified', already_verified: false });
    const again = await m.call('POST', '/api/transactions/verify', { token: m.access_token, body });
    expect(again.body).toMatchObject({ status: 'verified', already_verified: true });
  });

  it('requires the amount, and a mismatch changes nothing', async () => {
    const m = await paidTransaction();
    const missing = await m.call('POST', '/api/transactions/verify', { apiKey: m.shop.api_key, body: { authority: m.tx.authority } });
    expect(missing.status).toBe(422);
    expect(missing.body.error.fields).toHaveProperty('amount');
    // final_amount is what the buyer sent; the shop verifies the amount of its order.
    const wrong = await m.call('POST', '/api/transactions/verify', {
      apiKey: m.shop.api_key,
      body: { authority: m.tx.authority, amount: m.tx.final_amount + 1 },
    });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.code).toBe('amount_mismatch');
    expect(await statusOf(m)).toBe('paid');
  });

  it('records who confirmed and who verified: the shop key or the merchant session', async () => {
    const m = await cardToCardMerchant();
    const { shop } = m;
    const tx = await m.create({ amount: 500_000 });
    expect((await m.call('POST', `/api/transactions/${tx.id}/confirm`, { apiKey: shop.api_key })).status).toBe(200);
    expect((await m.call('POST', '/api/transactions/verify', { token: m.access_token, body: { authority: tx.authority, amount: 500_000 } })).status).toBe(200);
    const db = await database();
    const events = await db.select().from(transactionEvents).where(eq(transactionEvents.transactionId, tx.id));
    const paid = events.find((e) => e.toStatus === 'paid')!;
    const verified = events.find((e) => e.toStatus === 'verified')!;
    expect(paid).toMatchObject({ actor: 'shop_api', data: { shop_id: shop.id } });
    expect(verified.actor).toBe('merchant');
    expect(verified.data).toHaveProperty('session_id');
  });
});
