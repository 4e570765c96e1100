import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { database } from '@/db/client';
import { cryptoPaymentEvents, cryptoPayments, webhookDeliveries, webhookEvents } from '@/db/schema';
import { expireDueCryptoPayments } from '@/lib/crypto-payments/expire-due-crypto-payments';
import { apiClient } from '../api-client';
import { newShop, newWebhook, registerMerchant, type TestMerchant, type TestShop } from '../fixtures';
import { reconfigure } from '../reconfigure';
import { setupTestDatabase } from '../test-database';

setupTestDatabase();

/**
 * The crypto payments API of Step 7 (vitest.config.ts: the "abandon ... about" wallet, fixed rates, litecoin on
 * regtest, ethereum on a dev chain with a USDT contract, tron; no bitcoin node). Nothing here talks to a chain: a
 * payment is created, read, listed and expired; Step 8's watcher moves it on.
 */

let merchant: TestMerchant;
let shop: TestShop;

beforeAll(async () => {
  merchant = await registerMerchant();
  shop = await newShop(merchant, { website: 'https://shop.example' });
});

let orders = 0;
const orderId = () => `ORD-${Date.now()}-${++orders}`;

const create = (body: Record<string, unknown>, auth: { apiKey?: string; token?: string } = { apiKey: shop.api_key }) =>
  merchant.call('POST', '/api/gateway/payments', { ...auth, body: { order_id: orderId(), ...body } });

describe('GET /gateway/currencies', () => {
  it("lists every currency in the contract's shape, enabled only where a node (and a token's contract) is configured", async () => {
    const res = await apiClient()('GET', '/api/gateway/currencies');
    expect(res.status).toBe(200);
    const byCode = Object.fromEntries(res.body.currencies.map((c: { code: string }) => [c.code, c]));
    expect(Object.keys(byCode)).toEqual(['btc', 'ltc', 'eth', 'usdt_erc20', 'usdc_erc20', 'bnb', 'usdt_bep20', 'trx', 'usdt_trc20']);
    expect(byCode.btc).toMatchObject({ name: 'Bitcoin', symbol: 'BTC', network: 'bitcoin', icon: '₿', decimals: 8, enabled: false });
    expect(byCode.btc.disabled_reason).toContain('KPAY_BITCOIN_NODE_URL');
    expect(byCode.ltc).toMatchObject({ enabled: true, disabled_reason: null, chain: 'regtest', required_confirmations: 6 });
    expect(byCode.usdt_erc20).toMatchObject({ enabled: true, decimals: 6, token_contract: '0x5FbDB2315678afecb367f032d93F642f64180aa3' });
    // A dev chain has no USDC deployment unless configured.
    expect(byCode.usdc_erc20.enabled).toBe(false);
    expect(byCode.usdc_erc20.disabled_reason).toContain('KPAY_TOKEN_CONTRACTS');
    expect(byCode.usdt_bep20).toMatchObject({ decimals: 18, enabled: false });
    expect(byCode.usdt_trc20).toMatchObject({ enabled: true, token_contract: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', required_confirmations: 20 });
  });
});

describe('POST /gateway/payments', () => {
  it('creates a payment at a fresh HD address of the wallet, as the contract answers', async () => {
    const res = await create({ currency: 'ltc', amount_crypto: '0.05', callback_success: 'https://shop.example/ok', webhook_url: 'http://127.0.0.1:9/hook' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      currency: 'ltc',
      network: 'litecoin',
      requested_amount: '0.05000000',
      received_amount: null,
      memo: null,
      status: 'created',
      confirmations: 0,
      required_confirmations: 6,
      shop_id: shop.id,
      rate: null,
      payment_url: `http://kpay.test/pay/crypto/${res.body.id}`,
    });
    // m/84'/1'/0'/0/0 of the test mnemonic on litecoin regtest (../shared/reference/crypto-networks.md): the first index.
    expect(res.body.deposit_address).toBe('rltc1q6rz28mcfaxtmd6v789l9rrlrusdprr9puuzgkg');
    expect(Date.parse(res.body.expires_at) - Date.now()).toBeGreaterThan(59 * 60_000);

    const second = await create({ currency: 'ltc', amount_crypto: '0.05' });
    expect(second.body.deposit_address).not.toBe(res.body.deposit_address);
    expect(second.body.deposit_address).toMatch(/^rltc1q[a-z0-9]{38}$/);
  });

  it('never hands one EVM key to two payments: ETH and its tokens share one index sequence', async () => {
    const eth = await create({ currency: 'eth', amount_crypto: '0.01' });
    const usdt = await create({ currency: 'usdt_erc20', amount_crypto: '10' });
    expect(eth.status).toBe(201);
    expect(usdt.status).toBe(201);
    expect(eth.body.deposit_address).toBe('0x9858EfFD232B4033E47d90003D41EC34EcaEda94');
    expect(usdt.body.deposit_address).toBe('0x6Fac4D18c912343BF86fa7049364Dd4E424Ab9C0');
    const trx = await create({ currency: 'usdt_trc20', amount_crypto: '10' });
    expect(trx.body.deposit_address).toBe('TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH');
  });

  it('converts USD at the configured rate, rounding up to the currency, and stores the rate', async () => {
    const res = await create({ currency: 'eth', amount_usd: 25 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // 25 / 3000 = 0.0083333... ETH, rounded up at 18 decimals.
    expect(res.body.requested_amount).toBe('0.008333333333333334');
    expect(res.body.amount_usd).toBe('25.00');
    expect(res.body.rate).toMatchObject({ usd_per_unit: '3000', irr_per_usd: null, source: 'fixed' });
    const ltc = await create({ currency: 'ltc', amount_usd: '10.01' });
    // 10.01 / 80.25 = 0.124735202... LTC: up to 0.12473521.
    expect(ltc.body.requested_amount).toBe('0.12473521');
  });

  it('converts Rials through the USDT/IRR rate, stablecoins at 1:1', async () => {
    const res = await create({ currency: 'usdt_trc20', amount_irr: 12_500_000 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ requested_amount: '12.500000', amount_irr: 12_500_000, amount_usd: '12.50' });
    expect(res.body.rate).toMatchObject({ usd_per_unit: '1', irr_per_usd: '1000000' });
    const trx = await create({ currency: 'trx', amount_irr: 10_000_001 });
    // 10,000,001 Rials = 10.000001 USD = 80.000008 TRX at 0.125.
    expect(trx.body.requested_amount).toBe('80.000008');
  });

  it('takes a user token with shop_id, and refuses one without it or with another merchant\'s shop', async () => {
    const ok = await create({ currency: 'ltc', amount_crypto: '0.01', shop_id: shop.id }, { token: merchant.access_token });
    expect(ok.status).toBe(201);
    expect(ok.body.shop_id).toBe(shop.id);
    const missing = await create({ currency: 'ltc', amount_crypto: '0.01' }, { token: merchant.access_token });
    expect(missing.status).toBe(422);
    expect(missing.body.error.fields).toHaveProperty('shop_id');
    const other = await registerMerchant();
    const otherShop = await newShop(other);
    const foreign = await create({ currency: 'ltc', amount_crypto: '0.01', shop_id: otherShop.id }, { token: merchant.access_token });
    expect(foreign.status).toBe(404);
    const keyForOtherShop = await create({ currency: 'ltc', amount_crypto: '0.01', shop_id: otherShop.id });
    expect(keyForOtherShop.status).toBe(404);
  });

  it('answers 401 without credentials', async () => {
    const res = await apiClient()('POST', '/api/gateway/payments', { body: { order_id: 'x', currency: 'ltc', amount_crypto: '1' } });
    expect(res.status).toBe(401);
  });

  it.each([
    ['no amount', { currency: 'ltc' }, 'amount_usd'],
    ['two amounts', { currency: 'ltc', amount_usd: 5, amount_crypto: '0.1' }, 'amount_crypto'],
    ['an unknown currency', { currency: 'doge', amount_crypto: '1' }, 'currency'],
    ['a disabled currency', { currency: 'btc', amount_crypto: '0.01' }, 'currency'],
    ['a token without a contract here', { currency: 'usdc_erc20', amount_crypto: '10' }, 'currency'],
    ['more decimals than the currency has', { currency: 'ltc', amount_crypto: '0.123456789' }, 'amount_crypto'],
    ['more decimals than USD has', { currency: 'ltc', amount_usd: '1.001' }, 'amount_usd'],
    ['a negative amount', { currency: 'ltc', amount_crypto: '-1' }, 'amount_crypto'],
    ['a zero amount', { currency: 'ltc', amount_crypto: '0' }, 'amount_crypto'],
    ['an amount below the minimum', { currency: 'ltc', amount_crypto: '0.0001' }, 'amount_crypto'],
    ['an exponent', { currency: 'ltc', amount_crypto: '1e3' }, 'amount_crypto'],
    ['a huge number', { currency: 'eth', amount_crypto: '9'.repeat(200) }, 'amount_crypto'],
    ['a huge JSON number', { currency: 'eth', amount_usd: 1e300 }, 'amount_usd'],
    ['a number with more digits than a double keeps', { currency: 'eth', amount_crypto: 0.1234567890123456 }, 'amount_crypto'],
    ['fractional Rials', { currency: 'usdt_trc20', amount_irr: 1000.5 }, 'amount_irr'],
    ['a callback that is not http', { currency: 'ltc', amount_crypto: '0.01', callback_success: 'javascript:alert(1)' }, 'callback_success'],
    ['a callback off the shop website', { currency: 'ltc', amount_crypto: '0.01', callback_failed: 'https://evil.example/x' }, 'callback_failed'],
    ['a webhook that is not http', { currency: 'ltc', amount_crypto: '0.01', webhook_url: 'ftp://shop.example/h' }, 'webhook_url'],
    ['expires_minutes below 5', { currency: 'ltc', amount_crypto: '0.01', expires_minutes: 4 }, 'expires_minutes'],
    ['expires_minutes above a day', { currency: 'ltc', amount_crypto: '0.01', expires_minutes: 1441 }, 'expires_minutes'],
    ['fractional expires_minutes', { currency: 'ltc', amount_crypto: '0.01', expires_minutes: 10.5 }, 'expires_minutes'],
    ['an empty order_id', { currency: 'ltc', amount_crypto: '0.01', order_id: '  ' }, 'order_id'],
    ['a long order_id', { currency: 'ltc', amount_crypto: '0.01', order_id: 'x'.repeat(101) }, 'order_id'],
    ['an unknown field', { currency: 'ltc', amount_crypto: '0.01', amount: 5 }, 'amount'],
  ])('answers 422 naming the field for %s, and creates nothing', async (_, body, field) => {
    const before = await countPayments();
    const res = await create(body);
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.fields).toHaveProperty(field);
    expect(await countPayments()).toBe(before);
  });

  it('refuses NUL characters and malformed JSON with 400', async () => {
    const nul = await create({ currency: 'ltc', amount_crypto: '0.01', order_id: 'A\u0000B' });
    expect(nul.status).toBe(400);
    const malformed = await merchant.call('POST', '/api/gateway/payments', { apiKey: shop.api_key, rawBody: '{"order_id":', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('invalid_json');
  });
});

describe('order_id is unique per merchant', () => {
  it('answers the same body again with 200 and the same payment, another body with 409', async () => {
    const body = { order_id: orderId(), currency: 'ltc', amount_crypto: '0.02', callback_success: 'https://shop.example/ok' };
    const first = await create(body);
    expect(first.status).toBe(201);
    const again = await create(body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const changed = await create({ ...body, amount_crypto: '0.03' });
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('conflict');
    // The amount written differently but equal is the same request.
    expect((await create({ ...body, amount_crypto: '0.020' })).status).toBe(200);
  });

  it('creates one payment when the same request arrives twice at once', async () => {
    const body = { order_id: orderId(), currency: 'eth', amount_usd: '12.34' };
    const answers = await Promise.all([create(body), create(body), create(body)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const db = await database();
    expect(await db.select().from(cryptoPayments).where(eq(cryptoPayments.orderId, body.order_id))).toHaveLength(1);
  });

  it('lets another merchant use the same order_id', async () => {
    const body = { order_id: orderId(), currency: 'ltc', amount_crypto: '0.02' };
    expect((await create(body)).status).toBe(201);
    const other = await registerMerchant();
    const otherShop = await newShop(other);
    const res = await other.call('POST', '/api/gateway/payments', { apiKey: otherShop.api_key, body });
    expect(res.status).toBe(201);
  });
});

describe('GET /gateway/payments/{id}', () => {
  it('is public in the status shape, and shows nothing private', async () => {
    const created = await create({ currency: 'ltc', amount_crypto: '0.05', webhook_url: 'http://127.0.0.1:9/private-hook' });
    const res = await apiClient()('GET', `/api/gateway/payments/${created.body.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: created.body.id,
      order_id: created.body.order_id,
      currency: 'ltc',
      status: 'created',
      requested_amount: '0.05000000',
      received_amount: null,
      confirmations: 0,
      required_confirmations: 6,
      tx_hash: null,
      paid_at: null,
      deposit_address: created.body.deposit_address,
    });
    for (const secret of ['shop_id', 'webhook_url', 'callback_success', 'rate', 'amount_usd']) expect(res.body).not.toHaveProperty(secret);
  });

  it("gives the merchant's own credentials the full view, and another merchant's 404 like an unknown id", async () => {
    const created = await create({ currency: 'ltc', amount_crypto: '0.05' });
    const own = await merchant.call('GET', `/api/gateway/payments/${created.body.id}`, { apiKey: shop.api_key });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ shop_id: shop.id, payment_url: created.body.payment_url });
    const other = await registerMerchant();
    const otherShop = await newShop(other);
    const foreign = await other.call('GET', `/api/gateway/payments/${created.body.id}`, { apiKey: otherShop.api_key });
    const unknown = await other.call('GET', '/api/gateway/payments/00000000-0000-4000-8000-000000000000', { apiKey: otherShop.api_key });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(unknown.body);
    expect((await other.call('GET', `/api/gateway/payments/${created.body.id}`, { token: other.access_token })).status).toBe(404);
    expect((await apiClient()('GET', `/api/gateway/payments/${created.body.id}`, { apiKey: 'kpay_sk_wrong' })).status).toBe(401);
    expect((await apiClient()('GET', '/api/gateway/payments/not-a-uuid')).status).toBe(404);
  });
});

describe('GET /gateway/payments', () => {
  it("lists the caller's payments newest first, with filters, and never another merchant's", async () => {
    const m = await registerMerchant();
    const a = await newShop(m, { name: 'A' });
    const b = await newShop(m, { name: 'B' });
    const make = (s: TestShop, body: Record<string, unknown>) =>
      m.call('POST', '/api/gateway/payments', { apiKey: s.api_key, body: { order_id: orderId(), ...body } });
    const ltc = await make(a, { currency: 'ltc', amount_crypto: '0.01' });
    const eth = await make(a, { currency: 'eth', amount_crypto: '0.01' });
    const other = await make(b, { currency: 'ltc', amount_crypto: '0.01' });
    await create({ currency: 'ltc', amount_crypto: '0.01' }); // the first merchant's

    const all = await m.call('GET', '/api/gateway/payments', { token: m.access_token });
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.payments.map((p: { id: string }) => p.id)).toEqual([other.body.id, eth.body.id, ltc.body.id]);
    const byKey = await m.call('GET', '/api/gateway/payments', { apiKey: a.api_key });
    expect(byKey.body.payments.map((p: { id: string }) => p.id)).toEqual([eth.body.id, ltc.body.id]);
    const byCurrency = await m.call('GET', '/api/gateway/payments?currency=ltc', { token: m.access_token });
    expect(byCurrency.body.total).toBe(2);
    const byOrder = await m.call('GET', `/api/gateway/payments?order_id=${eth.body.order_id}`, { token: m.access_token });
    expect(byOrder.body.payments.map((p: { id: string }) => p.id)).toEqual([eth.body.id]);
    const byShop = await m.call('GET', `/api/gateway/payments?shop_id=${b.id}&status=created&per_page=1`, { token: m.access_token });
    expect(byShop.body).toMatchObject({ total: 1, per_page: 1, page: 1 });
    expect((await m.call('GET', '/api/gateway/payments?status=completed', { token: m.access_token })).body.total).toBe(0);
    expect((await m.call('GET', '/api/gateway/payments?currency=doge', { token: m.access_token })).status).toBe(422);
    expect((await m.call('GET', '/api/gateway/payments?per_page=1000', { token: m.access_token })).status).toBe(422);
    expect((await m.call('GET', '/api/gateway/payments?from=yesterday', { token: m.access_token })).status).toBe(422);
    expect((await apiClient()('GET', '/api/gateway/payments')).status).toBe(401);
  });
});

describe('expiry', () => {
  it('reads expired past expires_at, is stored by the sweep with its event, and announces crypto_payment.expired to the shop and the payment URL', async () => {
    const m = await registerMerchant();
    const s = await newShop(m);
    const endpoint = await newWebhook(m, s, { url: 'http://127.0.0.1:9/endpoint' });
    const created = await m.call('POST', '/api/gateway/payments', {
      apiKey: s.api_key,
      body: { order_id: orderId(), currency: 'ltc', amount_crypto: '0.01', webhook_url: 'http://127.0.0.1:9/own' },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const db = await database();
    await db.update(cryptoPayments).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(cryptoPayments.id, id));

    // Read as expired before any sweep stores it, in the list filter too.
    expect((await apiClient()('GET', `/api/gateway/payments/${id}`)).body.status).toBe('expired');
    expect((await m.call('GET', '/api/gateway/payments?status=expired', { token: m.access_token })).body.total).toBe(1);

    expect(await expireDueCryptoPayments(db)).toContain(id);
    expect(await expireDueCryptoPayments(db)).not.toContain(id);
    const [row] = await db.select().from(cryptoPayments).where(eq(cryptoPayments.id, id));
    expect(row!.status).toBe('expired');
    const events = await db.select().from(cryptoPaymentEvents).where(eq(cryptoPaymentEvents.paymentId, id));
    expect(events.map((e) => [e.type, e.fromStatus, e.toStatus, e.actor])).toEqual([
      ['created', null, 'created', 'shop_api'],
      ['expired', 'created', 'expired', 'system'],
    ]);

    const announced = await db.select().from(webhookEvents).where(eq(webhookEvents.shopId, s.id));
    expect(announced.map((e) => e.type).sort()).toEqual(['crypto_payment.created', 'crypto_payment.expired']);
    const expired = announced.find((e) => e.type === 'crypto_payment.expired')!;
    expect((expired.body as { data: { id: string; status: string } }).data).toMatchObject({ id, status: 'expired' });
    const deliveries = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, expired.id));
    expect(deliveries.map((d) => [d.endpointId, d.url]).sort()).toEqual(
      [
        [endpoint.id, 'http://127.0.0.1:9/endpoint'],
        [null, 'http://127.0.0.1:9/own'],
      ].sort(),
    );
  });
});

describe('when the rate source is down', () => {
  let server: Server;
  let hits = 0;
  beforeAll(async () => {
    server = createServer((_, res) => {
      hits++;
      res.writeHead(502, { 'content-type': 'text/plain' }).end('bad gateway');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    reconfigure({ KPAY_RATE_SOURCE: 'coingecko', KPAY_COINGECKO_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v3` });
  });
  afterAll(async () => {
    reconfigure({ KPAY_RATE_SOURCE: 'fixed', KPAY_COINGECKO_URL: undefined });
    await new Promise((resolve) => server.close(resolve));
  });

  it('answers 503 rate_unavailable after one retry, creates nothing, and the order_id stays free', async () => {
    const before = await countPayments();
    const body = { order_id: orderId(), currency: 'eth', amount_usd: '10' };
    const res = await create(body);
    expect(res.status, JSON.stringify(res.body)).toBe(503);
    expect(res.body.error.code).toBe('rate_unavailable');
    expect(hits).toBe(2);
    expect(await countPayments()).toBe(before);
    // A crypto amount needs no rate, and the same order_id is still free for it.
    expect((await create({ ...body, amount_usd: undefined, amount_crypto: '0.01' })).status).toBe(201);
  });
});

async function countPayments(): Promise<number> {
  const db = await database();
  return (await db.select({ id: cryptoPayments.id }).from(cryptoPayments)).length;
}
