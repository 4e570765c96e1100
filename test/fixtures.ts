import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { z } from 'zod';
import { database } from '@/db/client';
import { transactionEvents, transactions } from '@/db/schema';
import { verifyAccessToken } from '@/lib/auth/access-token';
import type { UserPrincipal } from '@/lib/auth/principal';
import type { cardResponse } from '@/lib/cards/schemas';
import type { cryptoPaymentResponse } from '@/lib/crypto-payments/schemas';
import type { shopWithKeyResponse } from '@/lib/shops/schemas';
import type { createdSmsDeviceResponse } from '@/lib/sms/schemas';
import type { createdTransactionResponse } from '@/lib/transactions/schemas';
import type { webhookWithSecretResponse } from '@/lib/webhooks/schemas';
import { type ApiCall, type ApiResult, apiClient } from './api-client';

/**
 * The things integration tests need in place before the behaviour under test: a merchant, its shops, cards, SMS
 * phones, webhook endpoints and transactions, each made through the real API as a merchant would make them. Each
 * maker checks that the API accepted it, so a broken setup fails where it happened.
 */

export const MELLAT_CARD = '6104331234567890';
/** Mellat's Sheba of account 1234567890: the account Mellat's deposit SMS print (حساب1234567890). */
export const MELLAT_SHEBA = 'IR160120000000001234567890';
/** A numeric short code, as banks send from. */
export const BANK_SHORTCODE = '+98700717';
/** The senders a Mellat customer's phone gets deposits from: its short code and its name. */
export const BANK_SENDERS = [BANK_SHORTCODE, 'Bank Mellat'];

const rials = (n: number) => n.toLocaleString('en-US');
/** A Mellat deposit SMS as the bank sends it (lines joined by newlines), to account 1234567890 unless told. */
export const mellatDeposit = (amount: number, account = '1234567890') =>
  `بانک ملت\nحساب${account}\nواریز${rials(amount)}\nمانده${rials(amount + 21_250_000)}\n04/07/15-08:42`;

const issuedMobiles = new Set<string>();
/** A fresh, valid, unique mobile number for each registration. */
export function uniqueMobile(): string {
  // Random, not pid + counter: a reused test process starts the counter again while rate limiters on globalThis
  // remember earlier files' registrations of the same numbers.
  for (;;) {
    const mobile = `0912${String(randomInt(10_000_000)).padStart(7, '0')}`;
    if (!issuedMobiles.has(mobile)) return issuedMobiles.add(mobile), mobile;
  }
}

export interface TestMerchant {
  /** A caller with this merchant's own client address (see apiClient). */
  call: ApiCall;
  name: string;
  mobile: string;
  password: string;
  access_token: string;
  refresh_token: string;
  userId: string;
  /** The signed-in merchant as domain functions take it: the session its access token belongs to. */
  principal: UserPrincipal;
}

/** Registers a merchant (POST /auth/register) and returns its credentials, its principal and a caller. */
export async function registerMerchant({ name = 'Test Merchant', call = apiClient() }: { name?: string; call?: ApiCall } = {}): Promise<TestMerchant> {
  const mobile = uniqueMobile();
  const password = 'secret123';
  const res = await call('POST', '/api/auth/register', { body: { name, mobile, password } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const { access_token, refresh_token } = res.body as { access_token: string; refresh_token: string };
  const claims = await verifyAccessToken(access_token);
  if (!claims) throw new Error('register returned an access token that does not verify');
  return { call, name, mobile, password, access_token, refresh_token, userId: claims.userId, principal: { kind: 'user', ...claims } };
}

export type TestShop = z.infer<typeof shopWithKeyResponse>;
/** A shop of the merchant (POST /shops), with its API key. */
export async function newShop(m: TestMerchant, body: { name?: string; website?: string; phone?: string } = {}): Promise<TestShop> {
  const res = await m.call('POST', '/api/shops', { token: m.access_token, body: { name: 'فروشگاه تست', ...body } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export type TestCard = z.infer<typeof cardResponse>;
/** A card of the merchant (POST /cards): Mellat with its Sheba unless told; `sheba: null` adds it without one. */
export async function newCard(
  m: TestMerchant,
  { sheba = MELLAT_SHEBA, ...body }: { card_number?: string; owner_name?: string; sheba?: string | null } = {},
): Promise<TestCard> {
  const res = await m.call('POST', '/api/cards', {
    token: m.access_token,
    body: { card_number: MELLAT_CARD, owner_name: 'سارا محمدی', ...body, ...(sheba && { sheba }) },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export type TestWebhook = z.infer<typeof webhookWithSecretResponse>;
/** A webhook endpoint on a shop (POST /shops/{id}/webhooks), with its secret; every event unless `events` says. */
export async function newWebhook(
  m: TestMerchant,
  shop: { id: string },
  { url = 'http://127.0.0.1:9/hook', events }: { url?: string; events?: string[] } = {},
): Promise<TestWebhook> {
  const res = await m.call('POST', `/api/shops/${shop.id}/webhooks`, { token: m.access_token, body: { url, events } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export type TestTransaction = z.infer<typeof createdTransactionResponse>;
/**
 * A pending transaction (POST /transactions/create with the shop's API key) for 1,250,000 Rials to `card`; any other
 * create field (amount, fee_side, factor_number, callback_url, ...) goes in as given.
 */
export async function newTransaction(
  m: { call: ApiCall },
  { shop, card, ...body }: { shop: { id: string; api_key: string }; card: { id: string } } & Record<string, unknown>,
): Promise<TestTransaction> {
  const res = await m.call('POST', '/api/transactions/create', {
    apiKey: shop.api_key,
    body: { shop_id: shop.id, card_id: card.id, amount: 1_250_000, callback_url: 'https://shop.example/back?order=7', ...body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export type TestSmsDevice = z.infer<typeof createdSmsDeviceResponse>;
/** An SMS forwarder phone of the merchant (POST /sms/devices), with its token, trusting `trustedSenders` (none unless told). */
export async function newSmsDevice(
  m: TestMerchant,
  { name = 'Sara phone', trustedSenders = [] }: { name?: string; trustedSenders?: string[] } = {},
): Promise<TestSmsDevice> {
  const res = await m.call('POST', '/api/sms/devices', { token: m.access_token, body: { name } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const device: TestSmsDevice = res.body;
  for (const sender of trustedSenders) {
    const trusted = await trustSender(m, device, sender);
    expect(trusted.status, JSON.stringify(trusted.body)).toBe(200);
  }
  return device;
}

/** Sets how the phone trusts a sender (POST /sms/senders), applying it to the SMS already kept unless told; the answer as is. */
export function trustSender(
  m: TestMerchant,
  device: { id: string },
  sender: string,
  trust: 'trusted' | 'blocked' = 'trusted',
  apply = true,
): Promise<ApiResult> {
  return m.call('POST', '/api/sms/senders', { token: m.access_token, body: { device_id: device.id, sender, trust, apply } });
}

/**
 * Posts an SMS as the forwarder app does (POST /sms/inbound with the phone's token): from the bank's short code,
 * stamped now, unless `extra` says otherwise (an `undefined` field is left out). The answer as is.
 */
export function postSms(m: { call: ApiCall }, device: { token: string }, text: string, extra: Record<string, unknown> = {}): Promise<ApiResult> {
  return m.call('POST', '/api/sms/inbound', {
    token: device.token,
    body: { from: BANK_SHORTCODE, text, sentStamp: String(Date.now()), receivedStamp: String(Date.now()), sim: 'SIM1', ...extra },
  });
}

/**
 * A merchant ready to take card-to-card payments: a shop, a Mellat card (with its Sheba unless `sheba` is null), an SMS
 * forwarder phone that trusts `trustedSenders`, and the above bound to them: `create` a transaction (with the shop's
 * key), post an `sms` (with the phone's token), `trust` a sender, read a `transaction` as the merchant.
 */
export async function cardToCardMerchant({ trustedSenders = BANK_SENDERS, sheba = MELLAT_SHEBA as string | null } = {}) {
  const m = await registerMerchant();
  const shop = await newShop(m);
  const card = await newCard(m, { sheba });
  const device = await newSmsDevice(m, { trustedSenders });
  const trust = (sender: string, trust: 'trusted' | 'blocked' = 'trusted', apply = true) => trustSender(m, device, sender, trust, apply);
  const create = (body: Record<string, unknown> = {}) => newTransaction(m, { shop, card, ...body });
  const sms = (text: string, extra: Record<string, unknown> = {}) => postSms(m, device, text, extra);
  const transaction = async (id: string) => (await m.call('GET', `/api/transactions/${id}`, { token: m.access_token })).body;
  return { ...m, shop, card, device, trust, create, sms, transaction };
}

/** Moves a transaction's deadline (the API sets it fifteen minutes after creation). */
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

export type TestCryptoPayment = z.infer<typeof cryptoPaymentResponse>;
/** A crypto payment (POST /gateway/payments with the shop's key): 0.05 LTC unless the body says otherwise. */
export async function newCryptoPayment(m: { call: ApiCall }, shop: { api_key: string }, body: Record<string, unknown> = {}): Promise<TestCryptoPayment> {
  const res = await m.call('POST', '/api/gateway/payments', {
    apiKey: shop.api_key,
    body: { order_id: `ORD-${randomInt(1e9)}-${Date.now()}`, currency: 'ltc', amount_crypto: '0.05', ...body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
