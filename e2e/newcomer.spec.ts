import { expect, test } from '@playwright/test';

// The server under test was started by `npm start` on a fresh, empty data folder (playwright.config.ts).

test('GET /api/auth/me without a token answers 401 JSON', async ({ request }) => {
  const res = await request.get('/api/auth/me');
  expect(res.status()).toBe(401);
  expect(res.headers()['content-type']).toContain('application/json');
  expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: 'Authentication required' } });
});

test('a merchant registers, signs in with an OAuth2 form, and manages a shop and a card over HTTP', async ({ request }) => {
  const mobile = `0935${String(Date.now()).slice(-7)}`;
  const reg = await request.post('/api/auth/register', { data: { name: 'E2E Merchant', mobile, password: 'secret123' } });
  expect(reg.status()).toBe(201);

  const login = await request.post('/api/auth/login', { form: { grant_type: 'password', username: mobile, password: 'secret123' } });
  expect(login.status()).toBe(200);
  const { access_token } = await login.json();
  const auth = { Authorization: `Bearer ${access_token}` };

  const shop = await request.post('/api/shops', { headers: auth, data: { name: 'E2E Shop' } });
  expect(shop.status()).toBe(201);
  const { api_key } = await shop.json();
  const card = await request.post('/api/cards', { headers: auth, data: { card_number: '6104 3312 3456 7890', owner_name: 'E2E' } });
  expect((await card.json()).bank_name).toBe('بانک ملت');
  const cards = await request.get('/api/cards', { headers: { 'X-API-Key': api_key } });
  expect((await cards.json()).total).toBe(1);

  const malformed = await request.post('/api/shops', { headers: { ...auth, 'Content-Type': 'application/json' }, data: Buffer.from('{"name":') });
  expect(malformed.status()).toBe(400);
});

test('responses carry the security headers', async ({ request }) => {
  for (const path of ['/', '/api/auth/me']) {
    const headers = (await request.get(path)).headers();
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).not.toContain('unsafe-eval');
    expect(headers['referrer-policy']).toBe('same-origin');
    expect(headers['x-powered-by']).toBeUndefined();
  }
});

test('the landing page is Persian, right-to-left, and links the API reference', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fa');
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('a[href="/docs"]').first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('landing.png'), fullPage: true });
});

test('/docs renders the API reference from /api/openapi.json', async ({ page }, testInfo) => {
  const thirdParty: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http://localhost')) thirdParty.push(r.url());
  });
  await page.goto('/docs');
  await expect(page.getByRole('heading', { name: 'KPay API', level: 1 })).toBeVisible({ timeout: 20_000 });
  // Operations render lazily below the fold; the document's own description proves it was fetched and parsed.
  await expect(page.getByText('self-hostable payment gateway').first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('docs.png') });
  expect(thirdParty).toEqual([]);
});
