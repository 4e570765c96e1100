import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import en from '../messages/en/crypto-pay.json';
import fa from '../messages/fa/crypto-pay.json';
import { expectNoSeriousViolations } from './axe';
import { type Merchant, registerMerchant, RETRY } from './seed';

/**
 * The sandbox (test mode) on a REAL Litecoin Core regtest node: the hosted crypto page offers "pay from the test wallet"
 * while money is due, its button makes the node's wallet pay the deposit address, the chain watcher sees the
 * transaction in the mempool (seen), blocks mined over the API confirm it (confirming, then completed at the sandbox
 * server's two confirmations), and the page follows by its event stream (polling when that fails). Where the network
 * is no local test chain (TRON), the box is absent and the sandbox route answers 404.
 *
 * The node and the server: playwright.config.ts ('litecoind' and 'sandbox' webServers, e2e/chain-nodes.ts).
 */

// Reduced motion: the confirmations bar jumps to its width instead of growing, so a screenshot shows the state it names.
test.use({ baseURL: process.env.E2E_SANDBOX_BASE_URL, viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
test.describe.configure({ timeout: 120_000 });

interface CreatedPayment {
  id: string;
  payment_url: string;
  requested_amount: string;
  deposit_address: string;
  status: string;
}

/** A merchant (its token mines) with a shop (its key creates payments), over the real API. */
async function seedShop(request: APIRequestContext, name: string) {
  const merchant = await registerMerchant(request, 'Sandbox E2E');
  const res = await request.post('/api/shops', { ...RETRY, headers: merchant.bearer, data: { name, website: 'https://shop.example' } });
  expect(res.status(), await res.text()).toBe(201);
  const shop = (await res.json()) as { id: string; api_key: string };
  const createPayment = async (data: Record<string, unknown>): Promise<CreatedPayment> => {
    const order = `SBX-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
    const created = await request.post('/api/gateway/payments', { ...RETRY, headers: { 'X-API-Key': shop.api_key }, data: { order_id: order, ...data } });
    expect(created.status(), await created.text()).toBe(201);
    return created.json();
  };
  return { merchant, createPayment };
}

async function mine(request: APIRequestContext, merchant: Merchant, blocks: number) {
  const res = await request.post('/api/sandbox/mine', { ...RETRY, headers: merchant.bearer, data: { network: 'litecoin', blocks } });
  expect(res.status(), await res.text()).toBe(200);
  expect(await res.json()).toEqual({ network: 'litecoin', mined: blocks });
}

const pathOf = (payment: CreatedPayment) => new URL(payment.payment_url).pathname;
const TX_HASH = /^[0-9a-f]{64}$/;
// The watcher scans every second on the sandbox server, and the page hears of it at once: a state shows within seconds.
const MOVES = { timeout: 20_000 };

async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

test('in Persian: pay the exact amount from the test wallet, mine, and watch the page go seen, confirming, completed', async ({ page, request }) => {
  const { merchant, createPayment } = await seedShop(request, 'فروشگاه آزمایشی آفتاب');
  const payment = await createPayment({ currency: 'ltc', amount_crypto: '0.05' });
  expect(payment).toMatchObject({ requested_amount: '0.05000000', status: 'created' });

  await page.goto(pathOf(payment));
  await expect(page.locator('div[dir="rtl"][lang="fa"]').first()).toBeVisible();
  // Marked as test-only twice: the network note's badge and the box's own.
  await expect(page.getByRole('note')).toContainText('regtest');
  const box = page.getByRole('region', { name: fa.sandbox.title });
  await expect(box).toBeVisible();
  await expect(box).toContainText(fa.sandbox.badge);
  // Each button names what it sends, in Persian digits: the amount, half of it, one and a half times it.
  const exact = box.getByRole('button', { name: `${fa.sandbox.exact} ۰٫۰۵ LTC` });
  await expect(exact).toBeVisible();
  await expect(box.getByRole('button', { name: `${fa.sandbox.under} ۰٫۰۲۵ LTC` })).toBeVisible();
  await expect(box.getByRole('button', { name: `${fa.sandbox.over} ۰٫۰۷۵ LTC` })).toBeVisible();
  await shot(page, 'sandbox-fa-waiting');
  await box.screenshot({ path: test.info().outputPath('sandbox-fa-box.png') });
  await expectNoSeriousViolations(page, 'crypto pay page with the test box, fa');

  await exact.click();
  // The result is announced (role=status) with the transaction id the node gave.
  const result = box.getByRole('status');
  await expect(result).toContainText(fa.sandbox.sent.replace('{amount}', '۰٫۰۵').replace('{symbol}', 'LTC'));
  const txHash = (await result.locator('p[dir="ltr"]').textContent())?.trim() ?? '';
  expect(txHash).toMatch(TX_HASH);
  // No screenshot of the box now: the push may already have moved the page to "seen" and taken the box away.
  await shot(page, 'sandbox-fa-sent');

  // In the mempool: seen, with the same transaction, and no more test box (nobody should pay twice).
  await expect(page.getByRole('heading', { level: 2, name: fa.seen.title })).toBeVisible(MOVES);
  await expect(page.getByText(txHash, { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: fa.sandbox.title })).toHaveCount(0);
  await shot(page, 'sandbox-fa-seen');

  await mine(request, merchant, 1);
  await expect(page.getByRole('heading', { level: 2, name: fa.confirming.title })).toBeVisible(MOVES);
  await expect(page.getByRole('progressbar', { name: fa.progress.confirmations })).toHaveAttribute('aria-valuetext', '۱ از ۲');
  await shot(page, 'sandbox-fa-confirming');

  await mine(request, merchant, 1);
  await expect(page.getByRole('heading', { level: 2, name: fa.completed.title })).toBeVisible(MOVES);
  await expect(page.getByText(fa.completed.close)).toBeVisible();
  await shot(page, 'sandbox-fa-completed');
  const status = await (await request.get(`/api/gateway/payments/${payment.id}`)).json();
  expect(status).toMatchObject({ status: 'completed', received_amount: '0.05000000', tx_hash: txHash, confirmations: 2, underpaid: false });
});

test('in English: half the amount leaves the payment open for the rest, and the test box stays', async ({ page, request }) => {
  const { createPayment } = await seedShop(request, 'Aftab Test Shop');
  const payment = await createPayment({ currency: 'ltc', amount_crypto: '0.123' });

  await page.goto(`${pathOf(payment)}?lang=en`);
  const box = page.getByRole('region', { name: en.sandbox.title });
  await expect(box).toContainText(en.sandbox.badge);
  await expectNoSeriousViolations(page, 'crypto pay page with the test box, en');

  await box.getByRole('button', { name: `${en.sandbox.under} 0.0615 LTC` }).click();
  await expect(box.getByRole('status')).toContainText(en.sandbox.sent.replace('{amount}', '0.0615').replace('{symbol}', 'LTC'));
  // Pending and underpaid: the page asks for the rest, and still offers the test wallet.
  await expect(page.getByRole('heading', { level: 2, name: en.topUp.title })).toBeVisible(MOVES);
  await expect(page.getByText(en.amount.remainingLabel)).toBeVisible();
  await expect(page.getByText('0.0615', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: en.sandbox.title })).toBeVisible();
  await shot(page, 'sandbox-en-topup');
  await box.screenshot({ path: test.info().outputPath('sandbox-en-box-sent.png') });
  await expectNoSeriousViolations(page, 'crypto pay page, underpaid, with the test box and its result, en');
});

test("the node's refusal is shown in the page's language, with the node's own words", async ({ page, request }) => {
  const { createPayment } = await seedShop(request, 'فروشگاه آزمایشی آفتاب');
  // Far more than the test wallet holds (one mature 50 LTC coinbase, a few more as blocks are mined): the node refuses.
  const payment = await createPayment({ currency: 'ltc', amount_crypto: '1000' });

  await page.goto(pathOf(payment));
  const box = page.getByRole('region', { name: fa.sandbox.title });
  await box.getByRole('button', { name: new RegExp(`^${fa.sandbox.exact}`) }).click();
  const result = box.getByRole('status');
  await expect(result).toContainText(fa.sandbox.errors.node);
  // The API's message (503 node_unavailable) names the node's reason, left to right.
  await expect(result.locator('p[lang="en"][dir="ltr"]')).toContainText(/litecoin test node refused: .*insufficient funds/i);
  // Nothing was sent: the payment still waits, and the box is still offered.
  await expect(page.getByRole('heading', { level: 2, name: fa.address.label })).toBeVisible();
  expect((await (await request.get(`/api/gateway/payments/${payment.id}`)).json()).status).toBe('created');
  await box.screenshot({ path: test.info().outputPath('sandbox-fa-box-refused.png') });
});

test('no test box where the network is not a local test chain (TRON), and the sandbox route says 404', async ({ page, request }) => {
  const { createPayment } = await seedShop(request, 'Aftab Test Shop');
  const payment = await createPayment({ currency: 'usdt_trc20', amount_crypto: '12.5' });

  await page.goto(`${pathOf(payment)}?lang=en`);
  await expect(page.getByRole('note')).toContainText('Send only USDT on TRON (TRC-20)');
  await expect(page.getByRole('heading', { level: 2, name: en.address.label })).toBeVisible();
  await expect(page.getByText(en.sandbox.badge)).toHaveCount(0);
  await expect(page.getByRole('button', { name: new RegExp(en.sandbox.exact) })).toHaveCount(0);

  const res = await request.post(`/api/sandbox/payments/${payment.id}/pay`, { ...RETRY, data: { amount: 'exact' } });
  expect(res.status(), await res.text()).toBe(404);
});

test('the page follows the payment to completed from its event stream, without a single poll', async ({ page, request }) => {
  const { merchant, createPayment } = await seedShop(request, 'Stream Shop');
  const payment = await createPayment({ currency: 'ltc', amount_crypto: '0.01' });
  const status = `/api/gateway/payments/${payment.id}`;
  const asked: string[] = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  const stream = page.waitForResponse((r) => new URL(r.url()).pathname === `${status}/events`);
  await page.goto(`${pathOf(payment)}?lang=en`);
  expect((await stream).headers()['content-type']).toBe('text/event-stream');

  await page.getByRole('region', { name: en.sandbox.title }).getByRole('button', { name: `${en.sandbox.exact} 0.01 LTC` }).click();
  await expect(page.getByRole('heading', { level: 2, name: en.seen.title })).toBeVisible(MOVES);
  await mine(request, merchant, 2);
  await expect(page.getByRole('heading', { level: 2, name: en.completed.title })).toBeVisible(MOVES);
  expect(asked).toContain(`${status}/events`);
  expect(asked).not.toContain(status);
});

test('the page falls back to polling when its event stream cannot be had', async ({ page, request }) => {
  const { createPayment } = await seedShop(request, 'Polling Shop');
  const payment = await createPayment({ currency: 'ltc', amount_crypto: '0.01' });
  const status = `/api/gateway/payments/${payment.id}`;
  await page.route(`**${status}/events`, (route) => route.abort());
  const polled = page.waitForRequest((r) => new URL(r.url()).pathname === status, { timeout: 10_000 });
  await page.goto(`${pathOf(payment)}?lang=en`);
  await polled;
  await page.getByRole('region', { name: en.sandbox.title }).getByRole('button', { name: `${en.sandbox.exact} 0.01 LTC` }).click();
  await expect(page.getByRole('heading', { level: 2, name: en.seen.title })).toBeVisible(MOVES);
});
