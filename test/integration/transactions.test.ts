import { inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { database } from '@/db/client';
import { transactions } from '@/db/schema';
import { apiClient } from '../api-client';
import { cardToCardMerchant as merchantSetup, MELLAT_CARD as MELLAT, mellatDeposit, newShop, paidEvents, setExpiresAt } from '../fixtures';
import { setupTestDatabase } from '../test-database';

setupTestDatabase();

describe('card-to-card flow', () => {
  it('create -> payment info -> check -> claim -> SMS -> paid -> verify twice -> list and filter', async () => {
    const m = await merchantSetup();
    const tx = await m.create({ factor_number: 'INV-1001', description: 'Order 1001' });
    expect(tx).toMatchObject({ amount: 1_250_000, fee: 12_500, fee_side: 'merchant', final_amount: 1_250_010, status: 'pending' });
    expect(tx.authority).toMatch(/^[\w-]{24}$/);
    expect(tx.payment_url).toBe(`http://kpay.test/pay/${tx.authority}`);

    const buyer = apiClient();
    const info = await buyer('GET', `/api/transactions/payment/${tx.authority}`);
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({
      authority: tx.authority,
      amount: 1_250_000,
      final_amount: 1_250_010,
      status: 'pending',
      card_number: MELLAT,
      owner_name: 'سارا محمدی',
      bank_name: 'بانک ملت',
      shop_name: 'فروشگاه تست',
      factor_number: 'INV-1001',
    });
    expect(info.body.remaining_seconds).toBeGreaterThan(890);
    expect(info.body.remaining_seconds).toBeLessThanOrEqual(900);
    // Nothing internal reaches the buyer.
    const publicText = JSON.stringify(info.body);
    for (const secret of [tx.id, m.shop.id, m.card.id, m.mobile, m.shop.api_key, 'callback_url', 'user_id']) expect(publicText).not.toContain(secret);

    expect((await buyer('GET', `/api/transactions/check/${tx.authority}`)).body).toMatchObject({ status: 'pending', is_paid: false });
    const claim = await buyer('POST', `/api/transactions/payment/${tx.authority}/claim`, { body: { reference: '۱۲۳۴۵۶۷۸۹', card_last4: '۴۳۲۱' } });
    expect(claim.status).toBe(201);
    expect(claim.body).toMatchObject({ reference: '123456789', card_last4: '4321' });
    expect((await buyer('GET', `/api/transactions/check/${tx.authority}`)).body.status).toBe('pending');

    const sms = await m.sms(mellatDeposit(1_250_010));
    expect(sms.status).toBe(200);
    expect(sms.body).toMatchObject({ kind: 'deposit', amount: 1_250_010, match_status: 'matched', transaction_authority: tx.authority, duplicate: false });
    expect((await buyer('GET', `/api/transactions/check/${tx.authority}`)).body).toMatchObject({ status: 'paid', is_paid: true, remaining_seconds: 0 });

    const first = await m.call('POST', '/api/transactions/verify', { apiKey: m.shop.api_key, body: { authority: tx.authority, amount: 1_250_000 } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: tx.id, status: 'verified', amount: 1_250_000, already_verified: false, message: 'Verified' });
    const second = await m.call('POST', '/api/transactions/verify', { apiKey: m.shop.api_key, body: { authority: tx.authority, amount: 1_250_000 } });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ already_verified: true, message: 'Already verified', paid_at: first.body.paid_at });

    const detail = await m.call('GET', `/api/transactions/${tx.id}`, { token: m.access_token });
    expect(detail.body.events.map((e: { type: string }) => e.type)).toEqual(['created', 'claim', 'paid', 'verified']);
    expect(detail.body).toMatchObject({ paid_via: 'sms', paid_late: false, claims: [{ reference: '123456789', card_last4: '4321' }] });

    const other = await m.create({ amount: 50_000, factor_number: 'INV-1002' });
    const list = async (query: string) => (await m.call('GET', `/api/transactions?${query}`, { token: m.access_token })).body;
    expect((await list('')).transactions.map((t: { id: string }) => t.id)).toEqual([other.id, tx.id]);
    expect((await list('status=verified')).transactions.map((t: { id: string }) => t.id)).toEqual([tx.id]);
    expect((await list('status=pending')).total).toBe(1);
    expect((await list(`search=${tx.authority}`)).transactions[0].id).toBe(tx.id);
    expect((await list('search=INV-1002')).transactions[0].id).toBe(other.id);
    expect((await list(`shop_id=${m.shop.id}&per_page=1&page=2`))).toMatchObject({ total: 2, page: 2, per_page: 1, transactions: [{ id: tx.id }] });
    const today = new Date().toISOString().slice(0, 10);
    expect((await list(`from=${today}&to=${today}`)).total).toBe(2);
    expect((await list('to=2020-01-01')).total).toBe(0);
    expect((await m.call('GET', '/api/transactions?per_page=101', { token: m.access_token })).status).toBe(422);
    expect((await m.call('GET', '/api/transactions?status=lost', { token: m.access_token })).body.error.fields).toHaveProperty('status');
  });

  it('charges the fee to the buyer when fee_side=customer, rounded up', async () => {
    const m = await merchantSetup();
    const tx = await m.create({ amount: 123_457, fee_side: 'customer' });
    // 123,457 + 1,235 = 124,692, up to whole Toman (124,700), then one step (1 Toman) more.
    expect(tx).toMatchObject({ amount: 123_457, fee: 1_235, final_amount: 124_710, status: 'pending' });
  });

  it('validates amounts and URLs: minimum, whole Rials, Persian digits', async () => {
    const m = await merchantSetup();
    const attempt = (body: Record<string, unknown>) =>
      m.call('POST', '/api/transactions/create', {
        token: m.access_token,
        body: { shop_id: m.shop.id, card_id: m.card.id, amount: 100_000, callback_url: 'https://shop.example/cb', ...body },
      });
    for (const amount of [9_999, -10_000, 10_000.5, '12abc', 1e20, null, '1e6', '0x186A0', '100000.0', '-100000']) {
      const res = await attempt({ amount });
      expect(res.status, String(amount)).toBe(422);
      expect(res.body.error.fields).toHaveProperty('amount');
    }
    expect((await attempt({ amount: 100_000_001 })).status).toBe(422);
    expect((await attempt({ amount: '۲۵۰٬۰۰۰' })).body).toMatchObject({ amount: 250_000 });
    expect((await attempt({ callback_url: 'javascript:alert(1)' })).body.error.fields).toHaveProperty('callback_url');
    expect((await attempt({ fee_side: 'nobody' })).body.error.fields).toHaveProperty('fee_side');
  });

  it('refuses shops and cards of another merchant (404), inactive cards, and another shop with a key', async () => {
    const m = await merchantSetup();
    const other = await merchantSetup();
    const body = (extra: Record<string, unknown>) => ({ shop_id: m.shop.id, card_id: m.card.id, amount: 100_000, callback_url: 'https://x.example', ...extra });
    expect((await m.call('POST', '/api/transactions/create', { token: m.access_token, body: body({ card_id: other.card.id }) })).status).toBe(404);
    expect((await m.call('POST', '/api/transactions/create', { token: m.access_token, body: body({ shop_id: other.shop.id }) })).status).toBe(404);
    const second = await newShop(m, { name: 'Second' });
    expect((await m.call('POST', '/api/transactions/create', { apiKey: m.shop.api_key, body: body({ shop_id: second.id }) })).status).toBe(404);
    await m.call('PATCH', `/api/cards/${m.card.id}`, { token: m.access_token, body: { is_active: false } });
    const inactive = await m.call('POST', '/api/transactions/create', { token: m.access_token, body: body({}) });
    expect(inactive.status).toBe(409);
    expect(inactive.body.error.code).toBe('invalid_state');
  });

  it("answers 404 for another merchant's transaction and keeps a key to its own shop", async () => {
    const m = await merchantSetup();
    const tx = await m.create();
    const other = await merchantSetup();
    for (const [method, path] of [['GET', ''], ['POST', '/confirm'], ['POST', '/cancel']] as const) {
      expect((await other.call(method, `/api/transactions/${tx.id}${path}`, { token: other.access_token })).status).toBe(404);
      expect((await other.call(method, `/api/transactions/${tx.id}${path}`, { apiKey: other.shop.api_key })).status).toBe(404);
    }
    expect((await other.call('GET', '/api/transactions', { token: other.access_token })).body.total).toBe(0);
    const second = await newShop(m, { name: 'Second' });
    expect((await m.call('GET', `/api/transactions/${tx.id}`, { apiKey: second.api_key })).status).toBe(404);
    expect((await m.call('GET', '/api/transactions', { apiKey: second.api_key })).body.total).toBe(0);
    expect((await m.call('GET', `/api/transactions/${tx.id}`, { apiKey: m.shop.api_key })).status).toBe(200);
  });
});

describe('final_amount uniqueness', () => {
  it('gives 50 concurrent creates of one amount 50 distinct final amounts, one step apart', async () => {
    const m = await merchantSetup();
    const created = await Promise.all(Array.from({ length: 50 }, () => m.create({ amount: 500_000 })));
    const finals = created.map((t) => t.final_amount).sort((a, b) => a - b);
    expect(new Set(finals).size).toBe(50);
    expect(finals).toEqual(Array.from({ length: 50 }, (_, k) => 500_000 + (k + 1) * 10));
  });

  it('keeps an amount taken for the SMS lookback after its transaction leaves pending, then frees it', async () => {
    const m = await merchantSetup();
    const a = await m.create({ amount: 200_000 });
    const b = await m.create({ amount: 200_000 });
    expect([a.final_amount, b.final_amount]).toEqual([200_010, 200_020]);
    // Cancelled, expired (by the sweep or only by the clock) and paid: a late deposit may still name each of them.
    await m.call('POST', `/api/transactions/${a.id}/cancel`, { token: m.access_token });
    await setExpiresAt(b.authority, new Date(Date.now() - 1000));
    const c = await m.create({ amount: 200_000 });
    await m.call('POST', `/api/transactions/${c.id}/confirm`, { token: m.access_token });
    expect(c.final_amount).toBe(200_030);
    expect((await m.create({ amount: 200_000 })).final_amount).toBe(200_040);
    // The lookback of a and b has passed: their amounts come back.
    const db = await database();
    await db.update(transactions).set({ amountHeldUntil: new Date(Date.now() - 1) }).where(inArray(transactions.id, [a.id, b.id]));
    expect((await m.create({ amount: 200_000 })).final_amount).toBe(200_010);
    expect((await m.create({ amount: 200_000 })).final_amount).toBe(200_020);
    expect((await m.create({ amount: 200_000 })).final_amount).toBe(200_050);
  });

  it('answers 409 when every allowed offset is taken, and keeps the offset small', async () => {
    const m = await merchantSetup();
    // 1% of 10,000 Rials is 100: ten steps of one Toman.
    const finals = [];
    for (let i = 0; i < 10; i++) finals.push((await m.create({ amount: 10_000 })).final_amount);
    expect(finals).toEqual(Array.from({ length: 10 }, (_, k) => 10_000 + (k + 1) * 10));
    const full = await m.call('POST', '/api/transactions/create', {
      apiKey: m.shop.api_key,
      body: { shop_id: m.shop.id, card_id: m.card.id, amount: 10_000, callback_url: 'https://shop.example/cb' },
    });
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe('conflict');
  });
});

describe('state changes', () => {
  it('a concurrent merchant confirm and matching SMS mark the transaction paid once', async () => {
    for (let round = 0; round < 5; round++) {
      const m = await merchantSetup();
      const tx = await m.create({ amount: 300_000 });
      const [confirm, sms] = await Promise.all([
        m.call('POST', `/api/transactions/${tx.id}/confirm`, { token: m.access_token }),
        m.sms(mellatDeposit(tx.final_amount)),
      ]);
      expect([200, 409]).toContain(confirm.status);
      expect(sms.body).toMatchObject({ match_status: 'matched', transaction_id: tx.id });
      expect(await paidEvents(tx.id)).toHaveLength(1);
      const detail = (await m.call('GET', `/api/transactions/${tx.id}`, { token: m.access_token })).body;
      expect(detail.status).toBe('paid');
    }
  });

  it('verify refuses anything not paid, naming its status, and a wrong amount without changing anything', async () => {
    const m = await merchantSetup();
    const tx = await m.create();
    const buyer = apiClient();
    const verify = (body: Record<string, unknown>) => m.call('POST', '/api/transactions/verify', { apiKey: m.shop.api_key, body });
    const pending = await verify({ authority: tx.authority, amount: 1_250_000 });
    expect(pending.status).toBe(409);
    expect(pending.body.error).toMatchObject({ code: 'invalid_state', fields: { status: 'pending' } });
    await m.call('POST', `/api/transactions/${tx.id}/confirm`, { apiKey: m.shop.api_key });
    const wrong = await verify({ authority: tx.authority, amount: 1_250_001 });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.code).toBe('amount_mismatch');
    expect((await buyer('GET', `/api/transactions/check/${tx.authority}`)).body.status).toBe('paid');
    expect((await verify({ authority: 'unknown-authority-0000000', amount: 1_250_000 })).status).toBe(404);
  });

  it('cancel: pending -> cancelled once; the page shows it and claims are refused', async () => {
    const m = await merchantSetup();
    const tx = await m.create();
    const res = await m.call('POST', `/api/transactions/${tx.id}/cancel`, { token: m.access_token });
    expect(res.body.status).toBe('cancelled');
    expect((await m.call('POST', `/api/transactions/${tx.id}/cancel`, { token: m.access_token })).status).toBe(409);
    expect((await m.call('POST', `/api/transactions/${tx.id}/confirm`, { token: m.access_token })).body.error.fields).toEqual({ status: 'cancelled' });
    const buyer = apiClient();
    expect((await buyer('GET', `/api/transactions/payment/${tx.authority}`)).body.status).toBe('cancelled');
    expect((await buyer('POST', `/api/transactions/payment/${tx.authority}/claim`, { body: { reference: '123456', card_last4: '1234' } })).status).toBe(409);
    const verify = await m.call('POST', '/api/transactions/verify', { apiKey: m.shop.api_key, body: { authority: tx.authority, amount: tx.amount } });
    expect(verify.body.error.fields).toEqual({ status: 'cancelled' });
  });

  it('a pending transaction past its time reads as expired everywhere at once', async () => {
    const m = await merchantSetup();
    const tx = await m.create();
    await setExpiresAt(tx.authority, new Date(Date.now() - 1000));
    const buyer = apiClient();
    expect((await buyer('GET', `/api/transactions/payment/${tx.authority}`)).body).toMatchObject({ status: 'expired', remaining_seconds: 0 });
    expect((await buyer('GET', `/api/transactions/check/${tx.authority}`)).body).toMatchObject({ status: 'expired', is_paid: false });
    expect((await m.call('GET', `/api/transactions/${tx.id}`, { token: m.access_token })).body.status).toBe('expired');
    expect((await m.call('GET', '/api/transactions?status=expired', { token: m.access_token })).body.total).toBe(1);
    expect((await m.call('GET', '/api/transactions?status=pending', { token: m.access_token })).body.total).toBe(0);
    const verify = await m.call('POST', '/api/transactions/verify', { token: m.access_token, body: { authority: tx.authority, amount: tx.amount } });
    expect(verify.body.error.fields).toEqual({ status: 'expired' });
    expect((await m.call('POST', `/api/transactions/${tx.id}/cancel`, { token: m.access_token })).status).toBe(409);
    // The merchant found the money anyway: confirming it records a late payment.
    const confirmed = await m.call('POST', `/api/transactions/${tx.id}/confirm`, { token: m.access_token });
    expect(confirmed.body).toMatchObject({ status: 'paid', paid_late: true, paid_via: 'merchant' });
  });

  it('claims are rate limited per payment', async () => {
    const m = await merchantSetup();
    const tx = await m.create();
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await apiClient()('POST', `/api/transactions/payment/${tx.authority}/claim`, { body: { reference: `12345${i}`, card_last4: '1234' } })).status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    const bad = await apiClient()('POST', `/api/transactions/payment/${tx.authority}/claim`, { body: { reference: 'x', card_last4: '12' } });
    expect([422, 429]).toContain(bad.status);
  });
});

describe('bank SMS', () => {
  it('keeps a late deposit as paid late, and an unknown one as unmatched; never drops either', async () => {
    const m = await merchantSetup();
    const tx = await m.create({ amount: 700_000 });
    await setExpiresAt(tx.authority, new Date(Date.now() - 10 * 60_000));
    const late = await m.sms(mellatDeposit(tx.final_amount));
    expect(late.body).toMatchObject({ match_status: 'paid_late', transaction_id: tx.id });
    const detail = (await m.call('GET', `/api/transactions/${tx.id}`, { token: m.access_token })).body;
    expect(detail).toMatchObject({ status: 'expired', paid_late: true });

    const stray = await m.sms(mellatDeposit(999_000));
    expect(stray.body).toMatchObject({ kind: 'deposit', amount: 999_000, match_status: 'unmatched', transaction_id: null });
    const inbox = async (q: string) => (await m.call('GET', `/api/sms/messages?${q}`, { token: m.access_token })).body;
    expect((await inbox('match_status=paid_late')).messages.map((x: { id: string }) => x.id)).toEqual([late.body.id]);
    expect((await inbox('match_status=unmatched')).messages.map((x: { id: string }) => x.id)).toEqual([stray.body.id]);
    expect((await inbox('')).total).toBe(2);
  });

  it('counts the same SMS posted twice once, in both payload shapes', async () => {
    const m = await merchantSetup();
    const tx = await m.create({ amount: 400_000 });
    const now = Date.now();
    const payload = { from: 'Bank Mellat', text: mellatDeposit(tx.final_amount), sentStamp: String(now), receivedStamp: String(now + 2000), sim: 'SIM2', extra: 'ignored' };
    const first = await m.call('POST', '/api/sms/inbound', { token: m.device.token, body: payload });
    const again = await m.call('POST', '/api/sms/inbound', { token: m.device.token, body: payload });
    expect(first.body).toMatchObject({ match_status: 'matched', duplicate: false, transaction_id: tx.id });
    expect(again.body).toMatchObject({ match_status: 'matched', duplicate: true, id: first.body.id });
    expect(await paidEvents(tx.id)).toHaveLength(1);
    expect((await m.call('GET', '/api/sms/messages', { token: m.access_token })).body.total).toBe(1);

    const iso = { from: 'Bank Mellat', text: mellatDeposit(123_000), received_at: new Date().toISOString() };
    const one = await m.call('POST', '/api/sms/inbound', { token: m.device.token, body: iso });
    const two = await m.call('POST', '/api/sms/inbound', { token: m.device.token, body: iso });
    expect(two.body).toMatchObject({ duplicate: true, id: one.body.id });
  });

  it('ignores withdrawals, purchases and one-time passwords of the same amount', async () => {
    const m = await merchantSetup();
    const tx = await m.create({ amount: 600_000 });
    const texts = [
      `بانک ملت\nحساب1234567890\nبرداشت600,000\nمانده21,250,000\n04/07/15-08:42`,
      `خرید600,000\nمانده1,000,000\n041001-12:29\nکارت8783*\nbki.ir`,
      `رمز پویا: 123456\nمبلغ 600,000 ریال\nبانک ملت`,
    ];
    for (const text of texts) {
      const res = await m.sms(text);
      expect(res.status).toBe(200);
      expect(res.body.match_status).toBe('ignored');
    }
    expect((await apiClient()('GET', `/api/transactions/check/${tx.authority}`)).body.status).toBe('pending');
  });

  it('devices: token shown once, listed by hint, revoked tokens refused, other merchants get 404', async () => {
    const m = await merchantSetup();
    expect(m.device.token).toMatch(/^kpay_dv_/);
    expect(m.device.inbound_url).toBe('http://kpay.test/api/sms/inbound');
    const list = (await m.call('GET', '/api/sms/devices', { token: m.access_token })).body;
    expect(list.devices[0]).toMatchObject({ id: m.device.id, token_hint: `kpay_dv_…${m.device.token.slice(-4)}` });
    expect(JSON.stringify(list)).not.toContain(m.device.token);
    expect((await m.sms('سلام')).body.match_status).toBe('ignored');

    const other = await merchantSetup();
    expect((await other.call('DELETE', `/api/sms/devices/${m.device.id}`, { token: other.access_token })).status).toBe(404);
    expect((await m.call('DELETE', `/api/sms/devices/${m.device.id}`, { token: m.access_token })).status).toBe(204);
    expect((await m.sms(mellatDeposit(1_250_000))).status).toBe(401);
    expect((await m.call('POST', '/api/sms/inbound', { token: m.access_token, body: { from: 'x', text: 'y' } })).status).toBe(401);
    expect((await m.call('POST', '/api/sms/inbound', { token: other.device.token, body: { from: 'x' } })).body.error.fields).toHaveProperty('text');
  });
});
