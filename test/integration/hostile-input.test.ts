import { describe, expect, it, vi } from 'vitest';
import { POST as login } from '@/app/api/auth/login/route';
import { operations } from '@/lib/api/openapi';
import { newCard, newShop, newSmsDevice, newTransaction, registerMerchant } from '../fixtures';
import { setupTestDatabase } from '../test-database';

setupTestDatabase();

/** A forwarder app adds fields of its own (device info, ids); the SMS inbound keeps accepting them. */
const KEEP_EXTRAS = new Set(['POST /sms/inbound']);
// TODO(lead): lib/transactions and lib/sms body schemas become strict in the lead's change; empty this set then.
const huge = 'x'.repeat(50_000);
const hostileBodies: unknown[] = [
  null,
  [],
  'string',
  42,
  true,
  {},
  { name: 123, mobile: ['0912'], password: { $gt: '' }, username: null, refresh_token: 7 },
  { name: huge, mobile: huge, password: huge, card_number: huge, owner_name: huge, sheba: huge, website: huge, phone: huge },
  { name: 'x\u0000y', owner_name: 'a\u0000', username: '0912\u00001234567', password: 'secret\u0000' },
  { amount: -1, is_active: 'yes', card_number: 6104331234567890, owner_name: 1.5, sheba: -97 },
  { mobile: '۰۹۱۲۱۲۳۴۵۶۷', card_number: '٦١٠٤٣٣١٢٣٤٥٦٧٨٩٠', phone: '۰۲۱', name: '‮evil‬', website: 'file:///etc/passwd' },
  { __proto__: { admin: true }, constructor: { prototype: { x: 1 } }, is_active: null, website: null },
  { order_id: huge, currency: 'ltc', amount_crypto: 1e308, amount_usd: '۱۲', amount_irr: -5, expires_minutes: 'x', webhook_url: 'http://169.254.169.254/' },
  { order_id: 'o', currency: 'eth', amount_crypto: `0.${'1'.repeat(300)}`, callback_success: huge },
  { order_id: 'o', currency: 'usdt_trc20', amount_irr: '۱۲۵۰۰۰۰۰', shop_id: '00000000-0000-0000-0000-000000000000' },
];
const rawBodies = ['{', '{"a":', 'not json', '\u0000', '{"name": "\\ud800"}', 'x'.repeat(70_000)];

describe('hostile input', () => {
  it('never answers 5xx and always answers errors in the documented shape', async () => {
    const victim = await registerMerchant();
    const victimShop = await newShop(victim, { name: 'V' });
    const victimCard = await newCard(victim);
    const victimTx = await newTransaction(victim, { shop: victimShop, card: victimCard });
    const victimDevice = await newSmsDevice(victim);
    const attacker = await registerMerchant();
    let token = attacker.access_token;
    const attackerDevice = await newSmsDevice(attacker);
    const ids = [victimShop.id, victimCard.id, victimTx.id, victimDevice.id, 'not-a-uuid', '00000000-0000-0000-0000-000000000000', '..%2F..%2Fetc', "1' or '1'='1"];
    const authorities = [victimTx.authority, 'x'.repeat(500), '%00', 'AAAAAAAAAAAAAAAAAAAAAAAA'];
    const queries = ['', '?page=-1&per_page=abc', '?page=1e9&per_page=100', '?status=%00', '?status=lost', '?from=2020-13-45&to=yesterday', `?search=${'x'.repeat(5000)}`, '?shop_id=../../', '?match_status=matched&kind=otp'];

    let calls = 0;
    for (const op of operations) {
      const paths = op.path.includes('{id}')
        ? ids.map((id) => op.path.replaceAll(/\{(id|webhookId)\}/g, encodeURIComponent(id)))
        : op.path.includes('{authority}')
          ? authorities.map((a) => op.path.replace('{authority}', encodeURIComponent(a)))
          : op.query
            ? queries.map((q) => op.path + q)
            : [op.path];
      for (const apiPath of paths) {
        const path = `/api${apiPath}`;
        const attempts = [
          ...hostileBodies.map((body) => ({ body })),
          ...rawBodies.map((rawBody) => ({ rawBody, headers: { 'content-type': 'application/json' } })),
          { rawBody: 'username=%00&password=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
        ];
        for (const attempt of op.body ? attempts : [{}]) {
          const res = await attacker.call(op.method.toUpperCase(), path, { token: op.auth === 'device' ? attackerDevice.token : token, ...attempt });
          calls += 1;
          const what = `${op.method} ${path} ${JSON.stringify(attempt).slice(0, 120)}`;
          // Readiness is 503 while this test's job queue and chain nodes are absent: the deployment's state, not the input's.
          if (!(op.path === '/health/ready' && res.body?.error?.code === 'not_ready')) expect(res.status, what).toBeLessThan(500);
          // The attacker stays signed in, so every secured endpoint really parsed the input.
          if (op.auth !== 'none') expect(res.status, what).not.toBe(401);
          if (op.path === '/auth/logout') {
            token = (await attacker.call('POST', '/api/auth/login', { body: { username: attacker.mobile, password: attacker.password } })).body.access_token;
          }
          if (res.status >= 400) {
            expect(res.body.error.code).toEqual(expect.any(String));
            expect(res.body.error.message).toEqual(expect.any(String));
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(200);

    // Nothing of the victim's changed or leaked.
    const shops = await victim.call('GET', '/api/shops', { token: victim.access_token });
    expect(shops.body.shops).toEqual([expect.objectContaining({ id: victimShop.id, name: 'V', is_active: true, api_key_hint: victimShop.api_key_hint })]);
    const cards = await victim.call('GET', '/api/cards', { token: victim.access_token });
    expect(cards.body.cards).toEqual([victimCard]);
    expect((await victim.call('GET', '/api/auth/me', { token: victim.access_token })).status).toBe(200);
    expect((await victim.call('GET', '/api/auth/me', { apiKey: victimShop.api_key })).status).toBe(403);
    const tx = await victim.call('GET', `/api/transactions/${victimTx.id}`, { token: victim.access_token });
    expect(tx.body).toMatchObject({ status: 'pending', events: [{ type: 'created' }] });
    expect((await victim.call('GET', '/api/sms/devices', { token: victim.access_token })).body.total).toBe(1);
  });

  it('refuses bodies over 64 KiB with 413', async () => {
    const { call, access_token } = await registerMerchant();
    const res = await call('POST', '/api/shops', { token: access_token, body: { name: 'x'.repeat(70_000) } });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('refuses a streamed body without Content-Length once it passes 64 KiB, without reading it to its end', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(16 * 1024));
    const chunks = 256; // 4 MiB if read whole
    let pulled = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled === chunks) return controller.close();
        pulled += 1;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    });
    const request = new Request('http://kpay.test/api/auth/login', {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.77' },
    } as RequestInit);
    expect(request.headers.has('content-length')).toBe(false);
    const res = await login(request, { params: Promise.resolve({}) });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
    // 64 KiB is 4 chunks; a few more may be read ahead, never the 4 MiB.
    expect(pulled).toBeLessThan(16);
    await vi.waitFor(() => expect(cancelled).toBe(true));
  });

  it('refuses NUL characters with 400 naming the field, before they reach the database', async () => {
    const { call, access_token } = await registerMerchant();
    const res = await call('POST', '/api/shops', { token: access_token, body: { name: 'a\u0000b' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: 'bad_request',
      message: 'Text must not contain NUL characters',
      fields: { name: 'Must not contain NUL characters' },
    });
    const query = await call('GET', '/api/transactions?status=%00', { token: access_token });
    expect(query.status).toBe(400);
    expect(query.body.error.fields).toEqual({ status: 'Must not contain NUL characters' });
    expect((await call('GET', '/api/shops', { token: access_token })).body.total).toBe(0);
  });

  it('refuses unknown body fields with 422 naming each, on every operation with a body except the SMS inbound', async () => {
    const merchant = await registerMerchant();
    const device = await newSmsDevice(merchant);
    const checked: string[] = [];
    for (const op of operations) {
      const route = `${op.method.toUpperCase()} ${op.path}`;
      if (!op.body || KEEP_EXTRAS.has(route)) continue;
      const path = `/api${op.path.replaceAll(/\{(\w+)\}/g, (_, name: string) => (name === 'authority' ? 'A'.repeat(24) : crypto.randomUUID()))}`;
      const res = await merchant.call(op.method.toUpperCase(), path, {
        token: op.auth === 'device' ? device.token : merchant.access_token,
        body: { colour: 'red', 'shop-id': 'x' },
      });
      expect(res.status, route).toBe(422);
      expect(res.body.error.code, route).toBe('validation_failed');
      expect(res.body.error.fields, route).toMatchObject({ colour: 'Unknown field', 'shop-id': 'Unknown field' });
      checked.push(route);
    }
    expect(checked).toEqual(expect.arrayContaining(['POST /auth/register', 'POST /auth/login', 'POST /cards', 'PATCH /shops/{id}', 'POST /shops/{id}/webhooks']));

    // A valid body with one stray field is refused as a whole, and nothing is written.
    const res = await merchant.call('POST', '/api/shops', { token: merchant.access_token, body: { name: 'Kafe', webiste: 'https://kafe.example' } });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual({ webiste: 'Unknown field' });
    expect((await merchant.call('GET', '/api/shops', { token: merchant.access_token })).body.total).toBe(0);
  });
});
