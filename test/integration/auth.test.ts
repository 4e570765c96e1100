import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { apiClient } from '../api-client';
import { newShop, registerMerchant, uniqueMobile } from '../fixtures';
import { setupTestDatabase } from '../test-database';

setupTestDatabase();

const secret = new TextEncoder().encode(process.env.KPAY_JWT_SECRET);

describe('POST /api/auth/register', () => {
  it('creates an account and returns a token pair; /auth/me shows it', async () => {
    const call = apiClient();
    const mobile = uniqueMobile();
    const persianMobile = mobile.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
    const res = await call('POST', '/api/auth/register', { body: { name: '  سارا  ', mobile: persianMobile, password: 'secret123' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ token_type: 'bearer', expires_in: 900 });
    expect(res.body.access_token.split('.')).toHaveLength(3);
    expect(res.body.refresh_token).toMatch(/^kpay_rt_[\w-]{43}$/);

    const me = await call('GET', '/api/auth/me', { token: res.body.access_token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'سارا',
      mobile,
      merchant_id: expect.stringMatching(/^KP[0-9A-Z]{10}$/),
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
    });
    expect(JSON.stringify(me.body)).not.toContain('password');
  });

  it('answers 409 for a mobile already registered, in any of its forms', async () => {
    const { mobile, call } = await registerMerchant();
    const res = await call('POST', '/api/auth/register', {
      body: { name: 'Other', mobile: `+98${mobile.slice(1)}`, password: 'another123' },
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'conflict', fields: { mobile: 'already registered' } });
  });

  it('answers 422 naming each invalid field', async () => {
    const res = await apiClient()('POST', '/api/auth/register', { body: { name: '', mobile: '12345', password: 'short' } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('validation_failed');
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['mobile', 'name', 'password']);
    const long = await apiClient()('POST', '/api/auth/register', {
      body: { name: 'A', mobile: uniqueMobile(), password: 'x'.repeat(129) },
    });
    expect(long.status).toBe(422);
    expect(long.body.error.fields.password).toMatch(/at most 128/);
  });

  it('answers 400 for malformed JSON and for a missing body', async () => {
    const call = apiClient();
    const bad = await call('POST', '/api/auth/register', { rawBody: '{"name": "x",', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_json');
    const empty = await call('POST', '/api/auth/register', { headers: { 'content-type': 'application/json' } });
    expect(empty.status).toBe(400);
  });

  it('rate limits registrations per IP with 429 and Retry-After', async () => {
    const call = apiClient();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await call('POST', '/api/auth/register', { body: { name: 'x', mobile: uniqueMobile(), password: 'secret123' } })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('rate limits registration attempts per mobile, from any address', async () => {
    const mobile = uniqueMobile();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await apiClient()('POST', '/api/auth/register', { body: { name: 'x', mobile, password: 'secret123' } })).status);
    }
    expect(statuses).toEqual([201, 409, 409, 409, 409, 429]);
  });
});

describe('POST /api/auth/login', () => {
  it('accepts JSON and OAuth2 form bodies (grant_type, scope, client_id, Basic header)', async () => {
    const { mobile, password } = await registerMerchant();
    const call = apiClient();
    const json = await call('POST', '/api/auth/login', { body: { username: mobile, password } });
    expect(json.status).toBe(200);
    expect(json.body.token_type).toBe('bearer');

    const form = await call('POST', '/api/auth/login', {
      rawBody: new URLSearchParams({ grant_type: 'password', username: `0098${mobile.slice(1)}`, password, scope: '', client_id: 'cli', client_secret: 's' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Basic Y2xpOg==' },
    });
    expect(form.status).toBe(200);
    const me = await call('GET', '/api/auth/me', { token: form.body.access_token });
    expect(me.body.mobile).toBe(mobile);

    // Only the OAuth2 extras are accepted: anything else is named and refused, in a form as in JSON.
    const extra = await call('POST', '/api/auth/login', {
      rawBody: new URLSearchParams({ grant_type: 'password', username: mobile, password, colour: 'red' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(extra.status).toBe(422);
    expect(extra.body.error).toEqual({ code: 'validation_failed', message: 'Some fields are invalid', fields: { colour: 'Unknown field' } });
  });

  it('answers 401 with one message for a wrong password and an unknown mobile', async () => {
    const { mobile } = await registerMerchant();
    const call = apiClient();
    const wrong = await call('POST', '/api/auth/login', { body: { username: mobile, password: 'wrong-pass' } });
    const unknown = await call('POST', '/api/auth/login', { body: { username: uniqueMobile(), password: 'wrong-pass' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('answers 429 with Retry-After after repeated wrong passwords from one network, also for the right password there', async () => {
    const { mobile, password } = await registerMerchant();
    const attacker = apiClient();
    for (let i = 0; i < 5; i++) {
      const res = await attacker('POST', '/api/auth/login', { body: { username: mobile, password: `wrong${i}xx` } });
      expect(res.status).toBe(401);
    }
    const blocked = await attacker('POST', '/api/auth/login', { body: { username: mobile, password } });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('lets parallel guesses reach the password check no more often than the limit allows', async () => {
    const { mobile, password } = await registerMerchant();
    const attacker = apiClient('203.0.113.7');
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attacker('POST', '/api/auth/login', { body: { username: mobile, password: `guess${i}xx` } })),
    );
    const statuses = guesses.map((r) => r.status);
    // A 401 is a guess whose password was checked; every other guess was refused before the check.
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);

    // The attacker's network stays locked even with the right password; the owner on another network gets in.
    expect((await attacker('POST', '/api/auth/login', { body: { username: mobile, password } })).status).toBe(429);
    const owner = await apiClient('192.0.2.10')('POST', '/api/auth/login', { body: { username: mobile, password } });
    expect(owner.status).toBe(200);
    // The same attacker through IPv4-mapped IPv6 is still the same address.
    expect((await apiClient('::ffff:203.0.113.7')('POST', '/api/auth/login', { body: { username: mobile, password } })).status).toBe(429);
  });

  it('counts an IPv6 client by its /64: addresses in one /64 share a limit, another /64 has its own', async () => {
    const { mobile, password } = await registerMerchant();
    for (let i = 1; i <= 5; i++) {
      const res = await apiClient(`2001:db8:aa:1::${i}`)('POST', '/api/auth/login', { body: { username: mobile, password: `wrong${i}xx` } });
      expect(res.status).toBe(401);
    }
    const sameNetwork = await apiClient('2001:db8:aa:1:ffff:ffff:ffff:fffe')('POST', '/api/auth/login', { body: { username: mobile, password } });
    expect(sameNetwork.status).toBe(429);
    const nextNetwork = apiClient('2001:db8:aa:2::1');
    expect((await nextNetwork('POST', '/api/auth/login', { body: { username: mobile, password: 'wrong-again' } })).status).toBe(401);
    expect((await nextNetwork('POST', '/api/auth/login', { body: { username: mobile, password } })).status).toBe(200);
  });

  it('caps wrong passwords per mobile across all networks (KPAY_LOGIN_MAX_FAILURES_TOTAL, 50); the owner gets in below it', async () => {
    const { mobile, password } = await registerMerchant();
    const fromNetwork = (n: number) => apiClient(`2001:db8:bb:${n.toString(16)}::1`);
    // A guesser spread over many networks, a few guesses from each (below the per-network limit of 5).
    for (let i = 0; i < 49; i++) {
      const res = await fromNetwork(i % 13)('POST', '/api/auth/login', { body: { username: mobile, password: `wrong${i}xx` } });
      expect(res.status, `guess ${i}`).toBe(401);
    }
    // The owner still gets in, and signing in forgives only the owner's own attempt, not the guesser's.
    expect((await apiClient('192.0.2.20')('POST', '/api/auth/login', { body: { username: mobile, password } })).status).toBe(200);
    expect((await fromNetwork(100)('POST', '/api/auth/login', { body: { username: mobile, password: 'wrong-50' } })).status).toBe(401);
    const capped = await apiClient('192.0.2.21')('POST', '/api/auth/login', { body: { username: mobile, password } });
    expect(capped.status).toBe(429);
  });

  it('rate limits one address across many mobiles', async () => {
    const call = apiClient();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      statuses.push((await call('POST', '/api/auth/login', { body: { username: uniqueMobile(), password: 'whatever' } })).status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});

describe('authentication of requests', () => {
  it('/auth/me is for users: a shop API key answers 403', async () => {
    const m = await registerMerchant();
    const { call, access_token } = m;
    const shop = await newShop(m, { name: 'S' });
    const res = await call('GET', '/api/auth/me', { apiKey: shop.api_key });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect((await call('GET', '/api/auth/me', { token: shop.api_key })).status).toBe(403);
    expect((await call('GET', '/api/auth/me', { token: access_token })).status).toBe(200);
  });


  it('answers 401 JSON without a token, with a bad one, an expired one, or one for a deleted session', async () => {
    const call = apiClient();
    const none = await call('GET', '/api/auth/me');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(none.body.error.code).toBe('unauthorized');

    expect((await call('GET', '/api/auth/me', { token: 'not.a.jwt' })).status).toBe(401);
    expect((await call('GET', '/api/auth/me', { headers: { authorization: 'Basic abc' } })).status).toBe(401);

    const { principal } = await registerMerchant();
    const expired = await new SignJWT({ sid: principal.sessionId })
      .setProtectedHeader({ alg: 'HS256' }).setSubject(principal.userId).setIssuer('kpay').setAudience('kpay-api')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 1000).setExpirationTime(Math.floor(Date.now() / 1000) - 100)
      .sign(secret);
    expect((await call('GET', '/api/auth/me', { token: expired })).status).toBe(401);

    const forged = await new SignJWT({ sid: crypto.randomUUID() })
      .setProtectedHeader({ alg: 'HS256' }).setSubject(principal.userId).setIssuer('kpay').setAudience('kpay-api')
      .setExpirationTime('5m').sign(secret);
    expect((await call('GET', '/api/auth/me', { token: forged })).status).toBe(401);
  });
});

describe('POST /api/auth/refresh and /api/auth/logout', () => {
  it('rotates: each refresh token works once and returns a new pair', async () => {
    const { refresh_token, call } = await registerMerchant();
    const first = await call('POST', '/api/auth/refresh', { body: { refresh_token } });
    expect(first.status).toBe(200);
    expect(first.body.refresh_token).not.toBe(refresh_token);
    expect((await call('GET', '/api/auth/me', { token: first.body.access_token })).status).toBe(200);

    const second = await call('POST', '/api/auth/refresh', {
      rawBody: `grant_type=refresh_token&refresh_token=${first.body.refresh_token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(second.status).toBe(200);
  });

  it('reuse of a spent refresh token revokes the whole session', async () => {
    const { refresh_token, call } = await registerMerchant();
    const rotated = await call('POST', '/api/auth/refresh', { body: { refresh_token } });
    expect(rotated.status).toBe(200);

    const reuse = await call('POST', '/api/auth/refresh', { body: { refresh_token } });
    expect(reuse.status).toBe(401);
    // The thief's replay also killed the legitimate holder's newer tokens.
    expect((await call('POST', '/api/auth/refresh', { body: { refresh_token: rotated.body.refresh_token } })).status).toBe(401);
    expect((await call('GET', '/api/auth/me', { token: rotated.body.access_token })).status).toBe(401);
  });

  it('a second sign-in is a separate session that reuse elsewhere does not end', async () => {
    const { mobile, password, refresh_token, call } = await registerMerchant();
    const other = await call('POST', '/api/auth/login', { body: { username: mobile, password } });
    await call('POST', '/api/auth/refresh', { body: { refresh_token } });
    await call('POST', '/api/auth/refresh', { body: { refresh_token } });
    expect((await call('GET', '/api/auth/me', { token: other.body.access_token })).status).toBe(200);
  });

  it('rejects unknown refresh tokens with 401 and a missing one with 422', async () => {
    const call = apiClient();
    expect((await call('POST', '/api/auth/refresh', { body: { refresh_token: 'kpay_rt_nope' } })).status).toBe(401);
    expect((await call('POST', '/api/auth/refresh', { body: {} })).status).toBe(422);
  });

  it('logout ends the session: access and refresh tokens stop working', async () => {
    const { access_token, refresh_token, call } = await registerMerchant();
    const out = await call('POST', '/api/auth/logout', { token: access_token });
    expect(out.status).toBe(204);
    expect((await call('GET', '/api/auth/me', { token: access_token })).status).toBe(401);
    expect((await call('POST', '/api/auth/refresh', { body: { refresh_token } })).status).toBe(401);
    expect((await call('POST', '/api/auth/logout')).status).toBe(401);
  });
});
