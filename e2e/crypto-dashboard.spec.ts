import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import enCrypto from '../messages/en/crypto.json';
import enNav from '../messages/en/nav.json';
import faCrypto from '../messages/fa/crypto.json';
import faNav from '../messages/fa/nav.json';
import { expectNoSeriousViolations } from './axe';
import { expectVisibleFocusAtEveryTabStop } from './focus';
import { type Locale, type Merchant, registerMerchant, RETRY, setLocaleCookie, signIn } from './seed';

/**
 * The merchant's crypto payments in the dashboard: the list (nav entry, amounts, filters, empty state) and the detail
 * page (address, amounts, rate, timeline), in Persian and English, at phone and desktop width, with axe on each; and
 * another merchant's payment answers the 404 page. Payments are created as a shop's server does, with its API key.
 */

// The server with generous per-address limits (playwright.config.ts): each test here registers several merchants.
test.use({ baseURL: process.env.E2E_A11Y_BASE_URL });
// Several axe runs per test, each a few seconds on a small machine.
test.describe.configure({ timeout: 240_000 });

const MESSAGES = { fa: { crypto: faCrypto, nav: faNav }, en: { crypto: enCrypto, nav: enNav } } as const;
const PHONE = { width: 412, height: 915 };
const DESKTOP = { width: 1280, height: 900 };

/** The amounts as the API writes them (exact decimal strings) and as each language shows them. */
const SHOWN = {
  ltc: { api: '0.05000000', fa: '۰٫۰۵۰۰۰۰۰۰', en: '0.05000000' },
  usdt: { api: '25.000000', fa: '۲۵٫۰۰۰۰۰۰', en: '25.000000' },
  usd: { api: '25.00', fa: '۲۵٫۰۰ دلار', en: '$25.00' },
} as const;

interface CryptoPayment {
  id: string;
  order_id: string;
  currency: string;
  requested_amount: string;
  amount_usd: string | null;
  deposit_address: string;
  payment_url: string;
  rate: { usd_per_unit: string | null; source: string } | null;
}

async function json(response: Promise<import('@playwright/test').APIResponse>, status = 201) {
  const res = await response;
  expect(res.status(), `${res.url()}: ${await res.text()}`).toBe(status);
  return res.json();
}

async function seedShop(request: APIRequestContext, merchant: Merchant, name: string): Promise<{ id: string; api_key: string }> {
  return json(request.post('/api/shops', { ...RETRY, headers: merchant.bearer, data: { name, website: 'https://shop.example' } }));
}

/** A crypto payment, created with the shop's API key as the shop's server would. */
async function createPayment(request: APIRequestContext, apiKey: string, data: Record<string, unknown>): Promise<CryptoPayment> {
  return json(request.post('/api/gateway/payments', { ...RETRY, headers: { 'X-API-Key': apiKey }, data }));
}

/** A merchant with one shop and two payments: Litecoin priced in LTC, USDT on TRON priced in dollars. */
async function seedCryptoMerchant(request: APIRequestContext) {
  const merchant = await registerMerchant(request, 'Crypto Merchant');
  const shop = await seedShop(request, merchant, 'فروشگاه رمزارز');
  const ltc = await createPayment(request, shop.api_key, { order_id: 'INV-LTC-1', currency: 'ltc', amount_crypto: '0.05' });
  const usdt = await createPayment(request, shop.api_key, {
    order_id: 'INV-USDT-2',
    currency: 'usdt_trc20',
    amount_usd: '25',
    callback_success: 'https://shop.example/paid',
  });
  expect(ltc.requested_amount).toBe(SHOWN.ltc.api);
  expect(ltc.rate).toBeNull();
  expect(usdt.requested_amount).toBe(SHOWN.usdt.api);
  expect(usdt.amount_usd).toBe(SHOWN.usd.api);
  return { merchant, shop, ltc, usdt };
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

/** The list row (a card on phones, a table row from `sm` up) of one payment, whichever is showing. */
const row = (page: Page, id: string) => page.locator(`[data-payment="${id}"]`).locator('visible=true');

for (const locale of ['fa', 'en'] as Locale[]) {
  const { crypto, nav } = MESSAGES[locale];

  test(`crypto payments: list, filter and detail, another merchant's payment is not found (${locale})`, async ({ page, context, request, baseURL }) => {
    const { merchant, ltc, usdt } = await seedCryptoMerchant(request);
    // Another merchant's payment, for the 404.
    const other = await registerMerchant(request, 'Other Merchant');
    const otherShop = await seedShop(request, other, 'Other Shop');
    const foreign = await createPayment(request, otherShop.api_key, { order_id: 'FOREIGN-1', currency: 'ltc', amount_crypto: '0.5' });

    await setLocaleCookie(context, baseURL!, locale);
    await signIn(page, merchant.mobile);

    // The phone menu's crypto entry is a real link now, and leads to the list.
    await page.locator('summary').first().click();
    await page.getByRole('navigation', { name: nav.mainNavigation }).getByRole('link', { name: nav.cryptoPayments, exact: true }).click();
    await page.waitForURL('**/dashboard/crypto');
    await expect(page.getByRole('heading', { level: 1, name: crypto.title })).toBeVisible();

    // Both payments, with their exact amounts in the page's digits; newest first.
    await expect(row(page, ltc.id)).toContainText(SHOWN.ltc[locale]);
    await expect(row(page, ltc.id)).toContainText('LTC');
    await expect(row(page, usdt.id)).toContainText(SHOWN.usdt[locale]);
    await expect(row(page, usdt.id)).toContainText('USDT');
    await expect(row(page, usdt.id)).toContainText(crypto.status.created);
    await expect(page.getByRole('link', { name: `${crypto.list.open} ${usdt.order_id}` }).locator('visible=true')).toBeVisible();
    await shot(page, `crypto-list-${locale}`);
    await expectNoSeriousViolations(page, `crypto list, phone (${locale})`);
    await page.setViewportSize(DESKTOP);
    await expect(row(page, ltc.id)).toContainText(crypto.networks.litecoin);
    await expect(row(page, usdt.id)).toContainText(crypto.networks.tron);
    await expect(page.getByRole('navigation', { name: nav.mainNavigation }).getByRole('link', { name: nav.cryptoPayments, exact: true })).toHaveAttribute('aria-current', 'page');
    await shot(page, `crypto-list-${locale}-desktop`);
    await expectNoSeriousViolations(page, `crypto list, desktop (${locale})`);
    await page.setViewportSize(PHONE);

    // The currency filter narrows the list to the Litecoin payment.
    await page.getByLabel(crypto.filters.currency).selectOption('ltc');
    await page.getByRole('button', { name: crypto.filters.apply }).click();
    await page.waitForURL(/currency=ltc/);
    await expect(row(page, ltc.id)).toBeVisible();
    await expect(page.locator(`[data-payment="${usdt.id}"]`)).toHaveCount(0);
    await expect(page.getByLabel(crypto.filters.currency)).toHaveValue('ltc');
    await shot(page, `crypto-list-filtered-${locale}`);

    // A filter that is not valid is named and ignored; the valid ones still apply.
    await page.goto('/dashboard/crypto?status=paid&currency=usdt_trc20');
    await expect(page.getByRole('status').filter({ hasText: crypto.filters.fieldNames.status })).toBeVisible();
    await expect(row(page, usdt.id)).toBeVisible();
    await expect(page.locator(`[data-payment="${ltc.id}"]`)).toHaveCount(0);
    // An order id that names nothing: the "no match" state with the way back.
    await page.goto('/dashboard/crypto?order_id=NOPE-404');
    await expect(page.getByText(crypto.empty.noMatchTitle)).toBeVisible();

    // The detail page: deposit address, exact amount, no conversion for a payment priced in LTC.
    await page.goto('/dashboard/crypto?currency=ltc');
    await page.getByRole('link', { name: `${crypto.list.open} ${ltc.order_id}` }).locator('visible=true').click();
    await page.waitForURL(`**/dashboard/crypto/${ltc.id}`);
    const main = page.getByRole('main');
    await expect(main.locator('[data-deposit-address]')).toHaveText(ltc.deposit_address);
    await expect(main.getByText(SHOWN.ltc[locale]).first()).toBeVisible();
    await expect(main.getByText(crypto.detail.pricedInCrypto.replace('{symbol}', 'LTC'))).toBeVisible();
    await expect(main.getByText(crypto.detail.noTxYet)).toBeVisible();
    await expect(main.getByText(crypto.deposits.placeholder)).toBeVisible();
    await expect(main.getByRole('link', { name: new RegExp(crypto.detail.openHostedPage) })).toHaveAttribute('href', ltc.payment_url);
    await expect(main.getByRole('listitem').filter({ hasText: crypto.timeline.events.created })).toBeVisible();
    await shot(page, `crypto-detail-${locale}`);
    await expectNoSeriousViolations(page, `crypto detail, phone (${locale})`);

    // The USDT payment priced in dollars: the dollar price and the rate it was converted at, with its source.
    await page.goto(`/dashboard/crypto/${usdt.id}`);
    await expect(main.locator('[data-deposit-address]')).toHaveText(usdt.deposit_address);
    await expect(main.getByText(SHOWN.usdt[locale]).first()).toBeVisible();
    await expect(main.getByText(SHOWN.usd[locale], { exact: true })).toBeVisible();
    await expect(main.getByText(crypto.detail.rateSources.peg)).toBeVisible();
    await expect(main.getByText('https://shop.example/paid')).toBeVisible();
    await page.setViewportSize(DESKTOP);
    await shot(page, `crypto-detail-usdt-${locale}-desktop`);
    await expectNoSeriousViolations(page, `crypto detail, desktop (${locale})`);
    await page.setViewportSize(PHONE);

    // Another merchant's payment answers the 404 page, exactly like an id that names nothing, and leaks nothing.
    expect((await page.goto(`/dashboard/crypto/${foreign.id}`))!.status()).toBe(404);
    await expect(page.getByRole('heading', { name: crypto.detail.notFoundTitle })).toBeVisible();
    await expect(page.locator('body')).not.toContainText(foreign.deposit_address);
    await expect(page.locator('body')).not.toContainText('FOREIGN-1');
    await shot(page, `crypto-not-found-${locale}`);
    expect((await page.goto('/dashboard/crypto/not-a-uuid'))!.status()).toBe(404);
    await page.goto(`/dashboard/crypto?order_id=${foreign.order_id}`);
    await expect(page.getByText(crypto.empty.noMatchTitle)).toBeVisible();
  });
}

test('a merchant without crypto payments is told what they are and pointed to the docs', async ({ page, context, request, baseURL }) => {
  const crypto = MESSAGES.fa.crypto;
  const merchant = await registerMerchant(request, 'No Crypto Yet');
  await setLocaleCookie(context, baseURL!, 'fa');
  await signIn(page, merchant.mobile);
  await page.goto('/dashboard/crypto');
  await expect(page.getByRole('heading', { name: crypto.empty.noneTitle })).toBeVisible();
  await expect(page.getByRole('link', { name: crypto.empty.docsAction })).toHaveAttribute('href', '/docs#tag/crypto-gateway');
  // No shop yet: making one comes first. No filter form while there is nothing to filter.
  await expect(page.getByRole('link', { name: crypto.empty.noShopAction })).toHaveAttribute('href', '/dashboard/shops');
  await expect(page.getByRole('search')).toHaveCount(0);
  await shot(page, 'crypto-empty-fa');
  await expectNoSeriousViolations(page, 'crypto list, empty, phone');

  await setLocaleCookie(context, baseURL!, 'en');
  await seedShop(request, merchant, 'First Shop');
  await page.reload();
  await expect(page.getByRole('heading', { name: MESSAGES.en.crypto.empty.noneTitle })).toBeVisible();
  await expect(page.getByRole('link', { name: MESSAGES.en.crypto.empty.noShopAction })).toHaveCount(0);
  await page.setViewportSize(DESKTOP);
  await shot(page, 'crypto-empty-en-desktop');
  await expectNoSeriousViolations(page, 'crypto list, empty, desktop');
});

test('keyboard focus is visible at every tab stop of the crypto list and detail pages', async ({ page, request }) => {
  const { merchant, usdt } = await seedCryptoMerchant(request);
  await signIn(page, merchant.mobile);
  // Desktop width, where keyboards are: the side bar's links, the filters, the table's row links.
  await page.setViewportSize(DESKTOP);
  await page.goto('/dashboard/crypto');
  await expectVisibleFocusAtEveryTabStop(page, '/dashboard/crypto');
  await page.goto(`/dashboard/crypto/${usdt.id}`);
  await expectVisibleFocusAtEveryTabStop(page, '/dashboard/crypto/[id]');
});
