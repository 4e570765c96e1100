import { describe, expect, it } from 'vitest';
import { resolvePrincipal, type Principal } from '@/lib/auth/principal';
import { getCurrentUser } from '@/lib/auth/get-current-user';
import { addCard } from '@/lib/cards/add-card';
import { deleteCard } from '@/lib/cards/delete-card';
import { listCards } from '@/lib/cards/list-cards';
import { addCardInput } from '@/lib/cards/schemas';
import { updateCard } from '@/lib/cards/update-card';
import { createShop } from '@/lib/shops/create-shop';
import { getShop } from '@/lib/shops/get-shop';
import { listShops } from '@/lib/shops/list-shops';
import { regenerateShopKey } from '@/lib/shops/regenerate-shop-key';
import { updateShop } from '@/lib/shops/update-shop';
import { listSmsMessages } from '@/lib/sms/list-sms-messages';
import { listSmsMatchCandidates } from '@/lib/sms/match-sms-to-transaction';
import { forgetSmsSender, listSmsSenders, setSenderTrust } from '@/lib/sms/set-sender-trust';
import { createSmsDevice, listSmsDevices, revokeSmsDevice } from '@/lib/sms/sms-devices';
import { listTransactions } from '@/lib/transactions/list-transactions';
import { listTransactionsQuery } from '@/lib/transactions/schemas';
import { revealShopWebhookSecret, rotateShopWebhookSecret, shopWebhookSecretHint } from '@/lib/webhooks/shop-webhook-secret';
import { listWebhookDeliveries, redeliverWebhook } from '@/lib/webhooks/webhook-deliveries';
import { createWebhook, deleteWebhook, listWebhooks, rotateWebhookSecret, updateWebhook } from '@/lib/webhooks/webhook-endpoints';
import { cardToCardMerchant } from '../fixtures';
import { setupTestDatabase } from '../test-database';

setupTestDatabase();

const ANY_ID = '00000000-0000-4000-8000-000000000000';

/** Principals as apiRoute resolves them: the merchant's token, and the shop's API key. */
async function principals() {
  const m = await cardToCardMerchant({ trustedSenders: [] });
  const user = await resolvePrincipal(new Headers({ authorization: `Bearer ${m.access_token}` }), 'user');
  const shop = await resolvePrincipal(new Headers({ 'x-api-key': m.shop.api_key }), 'user_or_key');
  if (user.kind !== 'user' || shop.kind !== 'shop') throw new Error('expected a user and a shop principal');
  return { m, user, shop };
}

describe('Principal: every domain function takes one and scopes itself', () => {
  it("refuses a shop API key (403) in every function that is the account owner's alone, whoever calls it", async () => {
    const { m, shop } = await principals();
    const ownerOnly: [string, (p: Principal) => Promise<unknown>][] = [
      ['getCurrentUser', (p) => getCurrentUser(p)],
      ['createShop', (p) => createShop(p, { name: 'Another' })],
      ['updateShop', (p) => updateShop(p, m.shop.id, { is_active: false })],
      ['regenerateShopKey', (p) => regenerateShopKey(p, m.shop.id)],
      ['addCard', (p) => addCard(p, addCardInput.parse({ card_number: '6104337812345674', owner_name: 'علی رضایی' }))],
      ['updateCard', (p) => updateCard(p, m.card.id, { is_active: false })],
      ['deleteCard', (p) => deleteCard(p, m.card.id)],
      ['createSmsDevice', (p) => createSmsDevice(p, 'Phone')],
      ['listSmsDevices', (p) => listSmsDevices(p)],
      ['revokeSmsDevice', (p) => revokeSmsDevice(p, m.device.id)],
      ['listSmsMessages', (p) => listSmsMessages(p, { page: 1, per_page: 20 })],
      ['listSmsSenders', (p) => listSmsSenders(p)],
      ['setSenderTrust', (p) => setSenderTrust(p, { device_id: m.device.id, sender: 'Bank Mellat', trust: 'trusted', apply: true })],
      ['forgetSmsSender', (p) => forgetSmsSender(p, ANY_ID)],
      ['listSmsMatchCandidates', (p) => listSmsMatchCandidates(p, { sms_id: ANY_ID })],
      ['listWebhooks', (p) => listWebhooks(p, m.shop.id)],
      ['createWebhook', (p) => createWebhook(p, m.shop.id, { url: 'http://127.0.0.1:9/hook' })],
      ['updateWebhook', (p) => updateWebhook(p, m.shop.id, ANY_ID, { is_active: false })],
      ['deleteWebhook', (p) => deleteWebhook(p, m.shop.id, ANY_ID)],
      ['rotateWebhookSecret', (p) => rotateWebhookSecret(p, m.shop.id, ANY_ID)],
      ['revealShopWebhookSecret', (p) => revealShopWebhookSecret(p, m.shop.id)],
      ['shopWebhookSecretHint', (p) => shopWebhookSecretHint(p, m.shop.id)],
      ['rotateShopWebhookSecret', (p) => rotateShopWebhookSecret(p, m.shop.id)],
      ['listWebhookDeliveries', (p) => listWebhookDeliveries(p, { page: 1, per_page: 20 })],
      ['redeliverWebhook', (p) => redeliverWebhook(p, ANY_ID)],
    ];
    for (const [name, call] of ownerOnly) {
      await expect(call(shop), name).rejects.toMatchObject({ code: 'forbidden' });
    }
    // Nothing changed on the way: the shop is active, its card live, its phone not revoked.
    expect((await m.call('GET', `/api/shops/${m.shop.id}`, { token: m.access_token })).body).toMatchObject({ is_active: true });
    expect((await m.call('GET', '/api/cards', { token: m.access_token })).body.cards).toEqual([expect.objectContaining({ id: m.card.id, is_active: true })]);
    expect((await m.call('GET', '/api/sms/devices', { token: m.access_token })).body.devices).toHaveLength(1);
  });

  it('gives the same functions to the merchant, and scopes the shared ones to the key\'s shop', async () => {
    const { m, user, shop } = await principals();
    expect(await getCurrentUser(user)).toMatchObject({ mobile: m.mobile });
    expect((await listSmsDevices(user)).devices).toEqual([expect.objectContaining({ id: m.device.id })]);
    const other = await createShop(user, { name: 'دومین فروشگاه' });
    await m.create();

    // A key sees its own shop and its transactions; the merchant sees both shops.
    expect((await listShops(shop)).shops.map((s) => s.id)).toEqual([m.shop.id]);
    await expect(getShop(shop, other.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await listShops(user)).shops.map((s) => s.id).sort()).toEqual([m.shop.id, other.id].sort());
    expect((await listTransactions(shop, listTransactionsQuery.parse({}))).total).toBe(1);
    // Cards are the owner's: a key may list them to name one in a transaction, masked.
    expect((await listCards(shop)).cards).toEqual([expect.objectContaining({ id: m.card.id, card_number: expect.stringContaining('******') })]);
  });
});
