import { type APIResponse, expect, type Page, test } from '@playwright/test';
import auth from '../messages/fa/auth.json';
import cards from '../messages/fa/cards.json';
import pay from '../messages/fa/pay.json';

const HSTS = 'max-age=63072000; includeSubDomains';
/** The second server of playwright.config.ts, started with KPAY_PUBLIC_URL=https://... */
const secureBaseURL = process.env.E2E_SECURE_BASE_URL!;

/** The one Content-Security-Policy of a response (two would be enforced together, and the page's would lose). */
function policyOf(res: APIResponse): string {
  const policies = res.headersArray().filter((h) => h.name.toLowerCase() === 'content-security-policy');
  expect(policies.map((h) => h.value), res.url()).toHaveLength(1);
  return policies[0]!.value;
}

const scriptSources = (policy: string) =>
  policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([name]) => name === 'script-src')!
    .slice(1);

/** Every CSP violation Chromium reports on the page ("Refused to execute inline script because it violates ..."). */
function cspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(`${page.url()}: ${message.text()}`);
  });
  return violations;
}

test('over http there is no HSTS; pages get a fresh script nonce, and API and /docs the strict policy', async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of ['/', '/', '/login', '/register', '/pay/AAAAAAAAAAAAAAAAAAAAAAAA', '/no-such-page']) {
    const res = await request.get(path);
    const headers = res.headers();
    expect(headers['strict-transport-security'], path).toBeUndefined();
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('same-origin');
    const policy = policyOf(res);
    expect(policy).toContain("frame-ancestors 'none'");
    const sources = scriptSources(policy);
    expect(sources, path).toContain("'strict-dynamic'");
    expect(sources, path).not.toContain("'unsafe-inline'");
    expect(sources, path).not.toContain("'unsafe-eval'");
    const nonce = sources.map((s) => /^'nonce-(.+)'$/.exec(s)?.[1]).find(Boolean);
    expect(nonce, path).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    nonces.add(nonce!);
    // Next put this response's nonce on every script it rendered, inline ones included.
    const scripts = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(6);

  for (const path of ['/api/auth/me', '/api/openapi.json', '/api/nope', '/docs']) {
    const res = await request.get(path);
    expect(res.headers()['strict-transport-security'], path).toBeUndefined();
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
    const policy = policyOf(res);
    expect(scriptSources(policy), path).toEqual(["'self'"]);
    expect(policy).toContain("frame-ancestors 'none'");
  }
});

test('the landing page, sign-in, registration and /docs run in Chromium without a CSP violation', async ({ page }) => {
  const violations = cspViolations(page);
  await page.goto('/');
  await expect(page.locator('h1')).toBeVisible();
  await page.goto('/login');
  await expect(page.getByLabel(auth.mobile)).toBeVisible();
  await page.goto('/register');
  await expect(page.getByLabel(auth.mobile)).toBeVisible();
  // Next's bootstrap ran: its inline scripts carried the nonce.
  expect(await page.evaluate(() => typeof (window as { next?: { version?: string } }).next?.version)).toBe('string');
  await page.goto('/docs');
  await expect(page.getByRole('heading', { name: 'KPay API', level: 1 })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/self-hostable payment gateway/).first()).toBeVisible();
  expect(violations).toEqual([]);
});

test.describe('with an https public URL', () => {
  test.use({ baseURL: secureBaseURL });

  test('every response carries HSTS: pages, API, errors, /docs and static files', async ({ request }) => {
    const landing = await request.get('/');
    const chunk = /<script src="(\/_next\/static\/[^"]+)"/.exec(await landing.text())?.[1];
    expect(chunk).toBeTruthy();
    const responses: [string, APIResponse][] = [['GET /', landing]];
    for (const path of ['/login', '/no-such-page', '/docs', '/docs/scalar.js?v=1', '/icon.svg', chunk!, '/api/openapi.json', '/api/auth/me', '/api/nope']) {
      responses.push([`GET ${path}`, await request.get(path)]);
    }
    responses.push(['PUT /api/auth/login', await request.put('/api/auth/login')]);
    responses.push(['GET /auth/session', await request.get('/auth/session')]);
    for (const [what, res] of responses) {
      expect(res.status(), what).toBeLessThan(500);
      expect(res.headers()['strict-transport-security'], what).toBe(HSTS);
    }
  });

  test("a buyer's pay page and the merchant's dashboard run in Chromium without a CSP violation", async ({ page, context, request }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const violations = cspViolations(page);

    const mobile = `0933${String(Date.now()).slice(-7)}`;
    const reg = await request.post('/api/auth/register', { data: { name: 'CSP Merchant', mobile, password: 'secret123' } });
    expect(reg.status()).toBe(201);
    const authorization = { Authorization: `Bearer ${(await reg.json()).access_token}` };
    const shop = await (await request.post('/api/shops', { headers: authorization, data: { name: 'CSP Shop' } })).json();
    const card = await (await request.post('/api/cards', { headers: authorization, data: { card_number: '6104331234567890', owner_name: 'CSP' } })).json();
    const created = await request.post('/api/transactions/create', {
      headers: { 'X-API-Key': shop.api_key },
      data: { shop_id: shop.id, card_id: card.id, amount: 150_000, callback_url: 'https://shop.example/back' },
    });
    expect(created.status()).toBe(201);
    const tx = await created.json();
    expect(tx.payment_url).toMatch(/^https:\/\//);

    // The pay page's island hydrates and works: the copy button puts the card number on the clipboard.
    await page.goto(new URL(tx.payment_url).pathname);
    await page.getByRole('button', { name: pay.card.copy }).click();
    await expect(page.getByText(pay.copy.done).first()).toBeAttached();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('6104331234567890');

    // The dashboard, signed in through its form (secure cookies: Chromium accepts them from localhost).
    await page.goto('/login');
    await page.getByLabel(auth.mobile).fill(mobile);
    await page.getByLabel(auth.password).fill('secret123');
    await page.getByRole('main').getByRole('button', { name: auth.signIn }).click();
    await page.waitForURL('**/dashboard');
    // A client island: the card form checks the number as it is typed.
    await page.goto('/dashboard/cards');
    const cardForm = page.getByRole('form', { name: cards.form.title });
    await cardForm.getByLabel(cards.form.cardNumber).fill('6037991234567890');
    await expect(cardForm.getByRole('alert')).toContainText(cards.errors.cardInvalid);
    for (const path of ['/dashboard/shops', `/dashboard/shops/${shop.id}`, '/dashboard/transactions', `/dashboard/transactions/${tx.id}`, '/dashboard/sms']) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      await expect(page.locator('main').first()).toBeVisible();
    }
    expect(violations).toEqual([]);

    // The listener does hear a violation: markup injected the way XSS arrives cannot run its inline handler.
    await page.evaluate(() =>
      document.body.insertAdjacentHTML('beforeend', '<img src="/no-such-image.png" onerror="window.__injected = true">'),
    );
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBeUndefined();
  });
});
