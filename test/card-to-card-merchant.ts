import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { database } from '@/db/client';
import { transactionEvents, transactions } from '@/db/schema';
import { registerMerchant } from './api-client';

export const MELLAT_CARD = '6104331234567890';
/** Mellat's Sheba of account 1234567890: the account Mellat's deposit SMS print (حساب1234567890). */
export const MELLAT_SHEBA = 'IR160120000000001234567890';
/** A numeric short code, as banks send from. */
export const BANK_SHORTCODE = '+98700717';

const rials = (n: number) => n.toLocaleString('en-US');
/** A Mellat deposit SMS as the bank sends it (lines joined by newlines), to account 1234567890 unless told. */
export const mellatDeposit = (amount: number, account = '1234567890') =>
  `بانک ملت\nحساب${account}\nواریز${rials(amount)}\nمانده${rials(amount + 21_250_000)}\n04/07/15-08:42`;

/**
 * A merchant ready to take card-to-card payments: a shop, a Mellat card with its Sheba, an SMS forwarder phone that
 * trusts `trustedSenders`, and helpers to create transactions (with the shop's key) and post SMS (with the phone's token).
 */
export async function cardToCardMerchant({ trustedSenders = [BANK_SHORTCODE, 'Bank Mellat'], sheba = MELLAT_SHEBA as string | null } = {}) {
  const m = await registerMerchant();
  const shop = (await m.call('POST', '/api/shops', { token: m.access_token, body: { name: 'فروشگاه تست' } })).body;
  const card = (
    await m.call('POST', '/api/cards', {
      token: m.access_token,
      body: { card_number: MELLAT_CARD, owner_name: 'سارا محمدی', ...(sheba && { sheba }) },
    })
  ).body;
  const device = (await m.call('POST', '/api/sms/devices', { token: m.access_token, body: { name: 'Sara phone' } })).body;
  const trust = async (sender: string, trust: 'trusted' | 'blocked' = 'trusted', apply = true) =>
    m.call('POST', '/api/sms/senders', { token: m.access_token, body: { device_id: device.id, sender, trust, apply } });
  for (const sender of trustedSenders) {
    const trusted = await trust(sender);
    expect(trusted.status, JSON.stringify(trusted.body)).toBe(200);
  }
  const create = async (body: Record<string, unknown> = {}) => {
    const res = await m.call('POST', '/api/transactions/create', {
      apiKey: shop.api_key,
      body: { shop_id: shop.id, card_id: card.id, amount: 1_250_000, callback_url: 'https://shop.example/back?order=7', ...body },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const sms = (text: string, extra: Record<string, unknown> = {}) =>
    m.call('POST', '/api/sms/inbound', {
      token: device.token,
      body: { from: BANK_SHORTCODE, text, sentStamp: String(Date.now()), receivedStamp: String(Date.now()), sim: 'SIM1', ...extra },
    });
  const transaction = async (id: string) => (await m.call('GET', `/api/transactions/${id}`, { token: m.access_token })).body;
  return { ...m, shop, card, device, trust, create, sms, transaction };
}

export async function setExpiresAt(authority: string, expiresAt: Date) {
  const db = await database();
  await db.update(transactions).set({ expiresAt }).where(eq(transactions.authority, authority));
}

/** The events that moved a transaction to paid: exactly one per payment. */
export async function paidEvents(id: string) {
  const db = await database();
  const events = await db.select().from(transactionEvents).where(eq(transactionEvents.transactionId, id));
  return events.filter((e) => e.toStatus === 'paid');
}
