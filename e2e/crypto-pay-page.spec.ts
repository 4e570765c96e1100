import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import en from '../messages/en/crypto-pay.json';
import fa from '../messages/fa/crypto-pay.json';
import { expectNoSeriousViolations } from './axe';
import { expectVisibleFocusAtEveryTabStop } from './focus';
import { registerMerchant, RETRY, setLocaleCookie } from './seed';

/**
 * The hosted crypto checkout (/pay/crypto/<id>) as a buyer meets it: address, exact amount, QR code, countdown and the
 * network warning in Persian (right to left) and English; copy buttons that copy exactly; the public status poll; a
 * friendly 404; WCAG 2.1 AA per axe; the project's CSP. The servers run with crypto enabled at fixed rates (LTC on
 * regtest, Ethereum on a dev chain, TRON), so payments are created over the real API. No chain moves here, so the
 * seen, confirming, completed, expired and failed states are not reached (expiry takes at least five minutes).
 */

// The server with generous per-address limits (playwright.config.ts): every test registers its own merchant.
test.use({ baseURL: process.env.E2E_A11Y_BASE_URL, viewport: { width: 390, height: 844 } });
test.describe.configure({ timeout: 120_000 });

interface CreatedPayment {
  id: string;
  payment_url: string;
  currency: string;
  requested_amount: string;
  deposit_address: string;
  status: string;
  expires_at: string;
}

/** A merchant with a shop on https://shop.example, and a function that creates crypto payments with its key. */
async function seedShop(request: APIRequestContext, name = 'فروشگاه رمزارز آفتاب') {
  const merchant = await registerMerchant(request, 'Crypto Pay E2E');
  const res = await request.post('/api/shops', { ...RETRY, headers: merchant.bearer, data: { name, website: 'https://shop.example' } });
  expect(res.status(), await res.text()).toBe(201);
  const shop = (await res.json()) as { id: string; api_key: string };
  const createPayment = async (data: Record<string, unknown>): Promise<CreatedPayment> => {
    const created = await request.post('/api/gateway/payments', { ...RETRY, headers: { 'X-API-Key': shop.api_key }, data });
    expect(created.status(), await created.text()).toBe(201);
    return created.json();
  };
  return { shop, createPayment };
}

const pathOf = (payment: CreatedPayment) => new URL(payment.payment_url).pathname;
const orderId = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

/** Fails the test on any CSP violation the page reports (an inline script without the nonce, a foreign origin). */
function watchCsp(page: Page) {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

async function readClipboard(page: Page) {
  return page.evaluate(() => navigator.clipboard.readText());
}

test('LTC in Persian: address, exact amount, QR, countdown and network warning; copy buttons copy exactly', async ({ page, request, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { createPayment } = await seedShop(request);
  const payment = await createPayment({ order_id: orderId('LTC'), currency: 'ltc', amount_crypto: '0.05', callback_success: 'https://shop.example/ok' });
  expect(payment).toMatchObject({ currency: 'ltc', requested_amount: '0.05000000', status: 'created' });
  expect(payment.deposit_address).toMatch(/^rltc1q[a-z0-9]{38}$/);
  expect(pathOf(payment)).toBe(`/pay/crypto/${payment.id}`);
  const csp = watchCsp(page);

  const response = await page.goto(pathOf(payment));
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  const root = page.locator('div[dir="rtl"][lang="fa"]').first();
  await expect(root).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'فروشگاه رمزارز آفتاب' })).toBeVisible();

  // The exact amount in Persian digits, and the address whole (grouped for the eye only).
  await expect(page.getByText('۰٫۰۵', { exact: true })).toBeVisible();
  await expect(page.getByText(payment.deposit_address, { exact: true })).toBeVisible();
  // The QR code is an SVG drawn on the server, with an image role and a name.
  const qr = page.getByRole('img', { name: fa.qr.label.replace('{amount}', '۰٫۰۵').replace('{symbol}', 'LTC') });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
  // The countdown: a timer with mm:ss in Persian digits, close to the hour the payment was created with.
  const timer = page.getByRole('timer', { name: fa.waiting.timeLeft });
  await expect(timer).toContainText(/[۵۶][۰-۹]:[۰-۵][۰-۹]/);
  // The one mistake that cannot be undone, said before the address; and that this is a test chain.
  await expect(page.getByRole('note')).toContainText('فقط LTC روی شبکهٔ لایت‌کوین بفرستید');
  await expect(page.getByRole('note')).toContainText('regtest');
  // A wallet on this phone opens the BIP21 request: upper-case bech32, amount without trailing zeros.
  const wallet = page.getByRole('link', { name: fa.address.openWallet });
  await expect(wallet).toHaveAttribute('href', `litecoin:${payment.deposit_address.toUpperCase()}?amount=0.05`);

  await page.screenshot({ path: test.info().outputPath('crypto-pay-fa.png'), fullPage: true });

  await page.getByRole('button', { name: fa.address.copy }).click();
  await expect(page.getByRole('button', { name: fa.copy.done })).toBeVisible();
  expect(await readClipboard(page)).toBe(payment.deposit_address);
  await page.getByRole('button', { name: fa.amount.copy }).click();
  await expect.poll(() => readClipboard(page)).toBe('0.05');
  await expectNoSeriousViolations(page, 'crypto pay page, fa');
  await expectVisibleFocusAtEveryTabStop(page, 'crypto pay page, fa');
  expect(csp).toEqual([]);
});

test('USDT (TRC-20) in English: left to right, bare-address QR, exact amount from Rials', async ({ page, request, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { createPayment } = await seedShop(request, 'Aftab Books');
  // 12,500,000 Rials at the fixed 1,000,000 Rials per USD: 12.5 USDT.
  const order = orderId('USDT');
  const payment = await createPayment({ order_id: order, currency: 'usdt_trc20', amount_irr: 12_500_000, callback_failed: 'https://shop.example/failed' });
  expect(payment).toMatchObject({ requested_amount: '12.500000', status: 'created' });
  expect(payment.deposit_address).toMatch(/^T[1-9A-HJ-NP-Za-km-z]{33}$/);
  const csp = watchCsp(page);

  await page.goto(`${pathOf(payment)}?lang=en`);
  await expect(page.locator('div[dir="ltr"][lang="en"]').first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Aftab Books' })).toBeVisible();
  await expect(page.getByText('12.5', { exact: true })).toBeVisible();
  await expect(page.getByText(payment.deposit_address, { exact: true })).toBeVisible();
  await expect(page.getByRole('note')).toContainText('Send only USDT on TRON (TRC-20)');
  await expect(page.getByRole('note')).toContainText('lost');
  // TRON has no payment URI: the QR code holds the address, says so, and no wallet link is offered.
  const qr = page.getByRole('img', { name: en.qr.addressLabel });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
  await expect(page.getByText(en.qr.addressOnly)).toBeVisible();
  await expect(page.getByRole('link', { name: en.address.openWallet })).toHaveCount(0);
  await expect(page.getByRole('timer', { name: en.waiting.timeLeft })).toContainText(/[56]\d:[0-5]\d/);
  // The shop's order number, and the language switch (Persian keeps this payment's page).
  await expect(page.getByText(order, { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'فارسی' })).toHaveAttribute('href', `${pathOf(payment)}?lang=fa`);

  await page.screenshot({ path: test.info().outputPath('crypto-pay-en.png'), fullPage: true });

  await page.getByRole('button', { name: en.amount.copy }).click();
  await expect(page.getByRole('button', { name: en.copy.done })).toBeVisible();
  expect(await readClipboard(page)).toBe('12.5');
  await page.getByRole('button', { name: en.address.copy }).click();
  await expect.poll(() => readClipboard(page)).toBe(payment.deposit_address);
  await expectNoSeriousViolations(page, 'crypto pay page, en');
  expect(csp).toEqual([]);
});

test('ETH on the dev chain: an EIP-681 request to the last wei, and a long amount that fits the phone', async ({ page, request, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { createPayment } = await seedShop(request, 'Aftab Books');
  // 50 USD at 3000 USD per ETH, rounded up to the wei.
  const payment = await createPayment({ order_id: orderId('ETH'), currency: 'eth', amount_usd: '50' });
  expect(payment.requested_amount).toBe('0.016666666666666667');

  await page.goto(`${pathOf(payment)}?lang=en`);
  await expect(page.getByText('0.016666666666666667', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: en.address.openWallet })).toHaveAttribute(
    'href',
    `ethereum:${payment.deposit_address}@31337?value=16666666666666667`,
  );
  await expect(page.getByRole('note')).toContainText('Send only ETH on Ethereum');
  // Nothing sticks out sideways at 390 px, and the long amount stays on one line.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const amountBox = await page.getByText('0.016666666666666667', { exact: true }).boundingBox();
  expect(amountBox!.height).toBeLessThan(40);
  await page.screenshot({ path: test.info().outputPath('crypto-pay-eth-en.png'), fullPage: true });
  await page.getByRole('button', { name: en.amount.copy }).click();
  await expect.poll(() => readClipboard(page)).toBe('0.016666666666666667');
});

test('the page follows the public status stream and loads little JavaScript, nothing from third parties', async ({ page, request }) => {
  const { createPayment } = await seedShop(request);
  const payment = await createPayment({ order_id: orderId('POLL'), currency: 'ltc', amount_crypto: '0.01' });
  let scriptBytes = 0;
  const foreign: string[] = [];
  page.on('response', async (r) => {
    if (!r.url().startsWith('http://localhost')) foreign.push(r.url());
    if (r.request().resourceType() === 'script') scriptBytes += (await r.request().sizes()).responseBodySize;
  });
  const stream = page.waitForRequest((r) => r.url().endsWith(`/api/gateway/payments/${payment.id}/events`), { timeout: 15_000 });
  await page.goto(pathOf(payment));
  await stream;
  // The status shape without credentials, which the stream's events carry: what anyone holding the id may see.
  const answer = await (await request.get(`/api/gateway/payments/${payment.id}`)).json();
  expect(answer).toMatchObject({ id: payment.id, status: 'created', requested_amount: '0.01000000', deposit_address: payment.deposit_address });
  expect(answer).not.toHaveProperty('callback_success');
  await page.waitForLoadState('load');
  expect(foreign).toEqual([]);
  // Next's runtime plus the page's small islands (countdown, polling, copy), as the card page allows.
  expect(scriptBytes).toBeLessThan(200 * 1024);
});

test('an unknown or malformed payment id shows the friendly 404 in both languages', async ({ page }) => {
  for (const id of ['0f8fad5b-d9cb-469f-a165-70867728950e', 'not-a-payment']) {
    const res = await page.goto(`/pay/crypto/${id}`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: fa.notFound.title })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: en.notFound.title })).toBeVisible();
  }
  await page.screenshot({ path: test.info().outputPath('crypto-pay-404.png'), fullPage: true });
  await expectNoSeriousViolations(page, 'crypto pay 404');
});

test('the language cookie picks English without ?lang; focus is visible at every tab stop', async ({ page, request, context, baseURL }) => {
  const { createPayment } = await seedShop(request, 'Aftab Books');
  const payment = await createPayment({ order_id: orderId('A11Y'), currency: 'ltc', amount_crypto: '0.123', callback_success: 'https://shop.example/ok' });
  await setLocaleCookie(context, baseURL!, 'en');
  await page.goto(pathOf(payment));
  await expect(page.locator('div[dir="ltr"][lang="en"]').first()).toBeVisible();
  await expect(page.getByRole('note')).toContainText('Send only LTC on Litecoin');
  // ?lang=fa wins over the cookie, so the switch's Persian link works for a visitor whose cookie says English.
  await page.getByRole('link', { name: 'فارسی' }).click();
  await expect(page.locator('div[dir="rtl"][lang="fa"]').first()).toBeVisible();
  await page.goto(`${pathOf(payment)}?lang=en`);
  await expectVisibleFocusAtEveryTabStop(page, 'crypto pay page, en');
});
