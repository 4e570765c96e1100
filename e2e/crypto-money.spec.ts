import { randomBytes } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { bech32 } from '@scure/base';
import enCrypto from '../messages/en/crypto.json';
import enNav from '../messages/en/nav.json';
import faCrypto from '../messages/fa/crypto.json';
import faNav from '../messages/fa/nav.json';
import { expectNoSeriousViolations } from './axe';
import { expectVisibleFocusAtEveryTabStop } from './focus';
import { type Locale, registerMerchant, RETRY, setLocaleCookie, signIn } from './seed';

/**
 * The merchant's crypto money in the dashboard: balances and withdrawals, in Persian and English, at phone and desktop
 * width, with axe on each. The e2e servers run no chain node, so no deposit ever arrives and nothing here can put
 * money on a balance (the ledger is written only by the chain watcher): the pages are checked as a new merchant sees
 * them, all zero, and the request form's checks are driven up to the server's own refusal (insufficient funds).
 *
 * Where the suite's real Litecoin regtest node runs (the sandbox server, e2e/chain-nodes.ts), the last test puts real
 * money on a balance the way a buyer does (the test wallet pays a payment, blocks are mined) and walks the rest: the
 * deposits panel, a balance card, a double-submitted request that makes one withdrawal, cancel, and confirm.
 */

// The server with generous per-address limits (playwright.config.ts).
test.use({ baseURL: process.env.E2E_A11Y_BASE_URL });
test.describe.configure({ timeout: 240_000 });

const MESSAGES = { fa: { crypto: faCrypto, nav: faNav }, en: { crypto: enCrypto, nav: enNav } } as const;
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 412, height: 915 };

// ETH on the e2e servers' dev chain: fee 0.002, minimum 0.001. A valid destination (single-case hex has no checksum to
// fail) and one that is no address at all.
const GOOD_ADDRESS = `0x${'ab'.repeat(20)}`;
const BAD_ADDRESS = '0x12345nope';
/** The amount as typed in each language (Persian digits and separator in Persian), and what arrives after the fee. */
const TYPED = { fa: '۰٫۰۱', en: '0.01' } as const;
const NET = { fa: '۰٫۰۰۸', en: '0.008' } as const;
const FEE = { fa: '۰٫۰۰۲', en: '0.002' } as const;
const ZERO = { fa: '۰', en: '0' } as const;

async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);

for (const locale of ['fa', 'en'] as Locale[]) {
  const { crypto, nav } = MESSAGES[locale];
  const form = crypto.withdrawals.form;

  test(`balances and withdrawals of a merchant with no money yet (${locale})`, async ({ page, context, request, baseURL }) => {
    const merchant = await registerMerchant(request, 'Money Merchant');
    await setLocaleCookie(context, baseURL!, locale);
    await signIn(page, merchant.mobile);

    // Balances and Withdrawals are links in the crypto group.
    await page.locator('summary').first().click();
    const navigation = page.getByRole('navigation', { name: nav.mainNavigation });
    await navigation.getByRole('link', { name: nav.balances, exact: true }).click();
    await page.waitForURL('**/dashboard/balances');

    // Every currency is zero: the empty state, each currency in the compact list, no card and no withdraw link.
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 1, name: crypto.balances.title })).toBeVisible();
    await expect(main.getByText(crypto.balances.emptyTitle)).toBeVisible();
    await expect(main.getByRole('link', { name: crypto.balances.emptyAction })).toHaveAttribute('href', '/dashboard/crypto');
    const api = await request.get('/api/gateway/balances', { ...RETRY, headers: merchant.bearer });
    expect(api.status()).toBe(200);
    const { balances } = (await api.json()) as { balances: { currency: string; available_balance: string }[] };
    expect(balances.length).toBeGreaterThan(0);
    for (const balance of balances) expect(balance.available_balance).toMatch(/^0(\.0+)?$/);
    await expect(main.locator('[data-quiet-balance]')).toHaveCount(balances.length);
    await expect(main.locator('[data-balance]')).toHaveCount(0);
    await expect(main.locator('a[href^="/dashboard/withdrawals"]')).toHaveCount(0);
    await shot(page, `balances-empty-${locale}`);
    await expectNoSeriousViolations(page, `balances, empty, phone (${locale})`);
    await page.setViewportSize(DESKTOP);
    await expect(page.getByRole('navigation', { name: nav.mainNavigation }).getByRole('link', { name: nav.balances, exact: true })).toHaveAttribute('aria-current', 'page');
    await shot(page, `balances-empty-${locale}-desktop`);
    await expectNoSeriousViolations(page, `balances, empty, desktop (${locale})`);

    // The withdrawals page from the side bar: nothing requested yet, the form beside the empty list.
    await page.getByRole('navigation', { name: nav.mainNavigation }).getByRole('link', { name: nav.withdrawals, exact: true }).click();
    await page.waitForURL('**/dashboard/withdrawals');
    await expect(main.getByRole('heading', { level: 1, name: crypto.withdrawals.title })).toBeVisible();
    await expect(main.getByText(crypto.withdrawals.empty.noneTitle)).toBeVisible();
    // No filters while there is nothing to filter.
    await expect(page.getByRole('search')).toHaveCount(0);

    const requestForm = main.getByRole('form', { name: form.title });
    await requestForm.locator('#withdrawal-currency').selectOption('eth');
    await expect(requestForm.getByText(fill(form.available, { amount: ZERO[locale], symbol: 'ETH' }))).toBeVisible();
    // "Max" takes the available balance: nothing to take.
    await expect(requestForm.getByRole('button', { name: new RegExp(`^${form.max}`) })).toBeDisabled();

    // The amount in the page's own digits; the preview computes the fee and what arrives exactly.
    await requestForm.locator('#withdrawal-amount').fill(TYPED[locale]);
    await expect(requestForm.locator('[data-net]')).toHaveText(`${NET[locale]} ETH`);
    await expect(requestForm.getByText(`${FEE[locale]} ETH`)).toBeVisible();

    // A malformed address: refused inline, beside the field, and nothing is sent.
    const address = requestForm.locator('#withdrawal-destination');
    await address.fill(BAD_ADDRESS);
    await address.blur();
    const addressError = fill(form.errors.address, { network: crypto.networks.ethereum });
    await expect(requestForm.locator('#withdrawal-destination-error')).toHaveText(addressError);
    await expect(address).toHaveAttribute('aria-invalid', 'true');
    await requestForm.getByRole('button', { name: form.submit }).click();
    await expect(address).toBeFocused();
    await expect(requestForm.locator('#withdrawal-destination-error')).toHaveText(addressError);
    await shot(page, `withdrawals-bad-address-${locale}-desktop`);
    await expectNoSeriousViolations(page, `withdrawals, bad address, desktop (${locale})`);

    // A valid address is recognised as it is typed; the request then reaches the server, which has no funds to reserve.
    await address.fill(GOOD_ADDRESS);
    await expect(requestForm.getByText(fill(form.destinationValid, { network: crypto.networks.ethereum }))).toBeVisible();
    await expect(requestForm.locator('#withdrawal-destination-error')).toHaveCount(0);
    await requestForm.getByRole('button', { name: form.submit }).click();
    const insufficient = fill(form.errors.insufficient, { symbol: 'ETH' });
    await expect(requestForm.locator('#withdrawal-amount-error')).toHaveText(insufficient);
    await expect(page.locator('[data-sonner-toast]').filter({ hasText: insufficient })).toBeVisible();
    // The same request through the API: 409 insufficient_funds, and no withdrawal was made by either.
    const refused = await request.post('/api/gateway/withdrawals', {
      ...RETRY,
      headers: merchant.bearer,
      data: { currency: 'eth', amount: '0.01', destination_address: GOOD_ADDRESS },
    });
    expect(refused.status()).toBe(409);
    expect((await refused.json()).error.code).toBe('insufficient_funds');
    const listed = await request.get('/api/gateway/withdrawals', { ...RETRY, headers: merchant.bearer });
    expect((await listed.json()).total).toBe(0);
    await shot(page, `withdrawals-insufficient-${locale}-desktop`);
    await expectNoSeriousViolations(page, `withdrawals, insufficient funds, desktop (${locale})`);

    // At phone width: the list (empty) first, the form under it; the same refusal shown beside the amount.
    await page.setViewportSize(PHONE);
    await expect(requestForm.locator('#withdrawal-amount-error')).toHaveText(insufficient);
    await shot(page, `withdrawals-insufficient-${locale}`);
    await expectNoSeriousViolations(page, `withdrawals, insufficient funds, phone (${locale})`);

    // A filter in the URL that is not valid is named and ignored; the list is still the merchant's (empty) one.
    await page.goto('/dashboard/withdrawals?status=paid');
    await expect(page.getByRole('status').filter({ hasText: crypto.withdrawals.filters.fieldNames.status })).toBeVisible();
    await expect(main.getByText(crypto.withdrawals.empty.noneTitle)).toBeVisible();
  });
}

test('keyboard focus is visible at every tab stop of the balances and withdrawals pages', async ({ page, request }) => {
  const merchant = await registerMerchant(request, 'Keyboard Merchant');
  await signIn(page, merchant.mobile);
  await page.setViewportSize(DESKTOP);
  await page.goto('/dashboard/balances');
  await expectVisibleFocusAtEveryTabStop(page, '/dashboard/balances');
  await page.goto('/dashboard/withdrawals');
  await expectVisibleFocusAtEveryTabStop(page, '/dashboard/withdrawals');
});

// The sandbox server: a real Litecoin Core regtest node, watched every second, two confirmations.
test.describe('with money from a real regtest deposit', () => {
  test.use({ baseURL: process.env.E2E_SANDBOX_BASE_URL });

  /** A fresh regtest P2WPKH address (bech32 `rltc`, witness v0, 20 bytes): nobody's key, a valid destination. */
  const regtestAddress = () => bech32.encode('rltc', [0, ...bech32.toWords(randomBytes(20))]);
  const MOVES = { timeout: 30_000 };

  test('deposits panel, balance card, one withdrawal for a double submit, cancel and confirm (fa)', async ({ page, context, request, baseURL }) => {
    const { crypto, nav } = MESSAGES.fa;
    const w = crypto.withdrawals;
    const merchant = await registerMerchant(request, 'Sandbox Money');
    const shopRes = await request.post('/api/shops', { ...RETRY, headers: merchant.bearer, data: { name: 'فروشگاه آزمایشی', website: 'https://shop.example' } });
    expect(shopRes.status(), await shopRes.text()).toBe(201);
    const shop = (await shopRes.json()) as { api_key: string };
    const created = await request.post('/api/gateway/payments', {
      ...RETRY,
      headers: { 'X-API-Key': shop.api_key },
      data: { order_id: `MONEY-${Date.now()}`, currency: 'ltc', amount_crypto: '0.05' },
    });
    expect(created.status(), await created.text()).toBe(201);
    const payment = (await created.json()) as { id: string };

    // The buyer pays from the node's test wallet; two blocks confirm it, and the watcher credits the balance.
    const paid = await request.post(`/api/sandbox/payments/${payment.id}/pay`, { ...RETRY, data: { amount: 'exact' } });
    expect(paid.status(), await paid.text()).toBe(200);
    const mined = await request.post('/api/sandbox/mine', { ...RETRY, headers: merchant.bearer, data: { network: 'litecoin', blocks: 2 } });
    expect(mined.status(), await mined.text()).toBe(200);
    const ltcBalance = async () => {
      const res = await request.get('/api/gateway/balances', { ...RETRY, headers: merchant.bearer });
      return ((await res.json()) as { balances: { currency: string; available_balance: string }[] }).balances.find((b) => b.currency === 'ltc')!.available_balance;
    };
    await expect.poll(ltcBalance, MOVES).toBe('0.05000000');

    await setLocaleCookie(context, baseURL!, 'fa');
    await signIn(page, merchant.mobile);
    const main = page.getByRole('main');

    // The payment's deposit: amount, confirmations against the two needed, the transaction, confirmed.
    await page.goto(`/dashboard/crypto/${payment.id}`);
    const deposit = main.locator('[data-deposit]');
    await expect(deposit).toHaveCount(1);
    await expect(deposit).toHaveAttribute('data-status', 'confirmed');
    await expect(deposit).toContainText('۰٫۰۵۰۰۰۰۰۰');
    await expect(deposit).toContainText(fill(crypto.deposits.confirmationsValue, { count: '۲', required: '۲' }));
    await expect(deposit).toContainText(crypto.deposits.status.confirmed);
    await expect(deposit.locator('[dir="ltr"]').first()).toHaveText(/^[0-9a-f]{64}$/);
    await shot(page, 'sandbox-deposits-fa');
    await expectNoSeriousViolations(page, 'crypto detail with a confirmed deposit, phone (fa)');

    // The balance card: available large, in Persian digits, and the way to withdraw it.
    await page.goto('/dashboard/balances');
    const card = main.locator('[data-balance="ltc"]');
    await expect(card).toHaveAttribute('data-available', '0.05000000');
    await expect(card).toContainText('۰٫۰۵');
    await expect(main.locator('[data-quiet-balance="ltc"]')).toHaveCount(0);
    await shot(page, 'sandbox-balances-fa');
    await expectNoSeriousViolations(page, 'balances with LTC, phone (fa)');
    await page.setViewportSize(DESKTOP);
    await shot(page, 'sandbox-balances-fa-desktop');
    await expectNoSeriousViolations(page, 'balances with LTC, desktop (fa)');
    await card.getByRole('link', { name: new RegExp(fill(crypto.balances.withdraw, { symbol: 'LTC' })) }).click();
    await page.waitForURL(/\/dashboard\/withdrawals\?withdraw=ltc/);
    await expect(page.getByRole('navigation', { name: nav.mainNavigation }).getByRole('link', { name: nav.withdrawals, exact: true })).toHaveAttribute('aria-current', 'page');

    // The form starts on LTC with its balance; "max" takes it all and the preview takes the fee off exactly.
    const requestForm = main.getByRole('form', { name: w.form.title });
    await expect(requestForm.locator('#withdrawal-currency')).toHaveValue('ltc');
    await expect(requestForm.getByText(fill(w.form.available, { amount: '۰٫۰۵', symbol: 'LTC' }))).toBeVisible();
    await requestForm.getByRole('button', { name: new RegExp(`^${w.form.max}`) }).click();
    await expect(requestForm.locator('#withdrawal-amount')).toHaveValue('۰٫۰۵');
    await expect(requestForm.locator('[data-net]')).toHaveText('۰٫۰۴۹ LTC');

    // 0.02 LTC, submitted twice at once (a double click that beats the disabled button): one withdrawal.
    await requestForm.locator('#withdrawal-amount').fill('0.02');
    await requestForm.locator('#withdrawal-destination').fill(regtestAddress());
    await expect(requestForm.getByText(fill(w.form.destinationValid, { network: crypto.networks.litecoin }))).toBeVisible();
    await requestForm.evaluate((form: HTMLFormElement) => {
      form.requestSubmit();
      form.requestSubmit();
    });
    const items = main.locator('[data-withdrawal]');
    await expect(items).toHaveCount(1, MOVES);
    const listed = await request.get('/api/gateway/withdrawals', { ...RETRY, headers: merchant.bearer });
    expect((await listed.json()).total).toBe(1);
    const first = items.first();
    await expect(first).toHaveAttribute('data-status', 'pending');
    await expect(first).toContainText(w.status.pending);
    await expect(first).toContainText('۰٫۰۱۹۰۰۰۰۰');
    await expect(requestForm.locator('#withdrawal-amount')).toHaveValue('');
    await expect.poll(ltcBalance, MOVES).toBe('0.03000000');
    await shot(page, 'sandbox-withdrawal-pending-fa-desktop');
    await expectNoSeriousViolations(page, 'withdrawals with a pending one, desktop (fa)');

    // Cancel, behind its question: cancelled, and the reserved amount is available again.
    await first.getByRole('button', { name: new RegExp(`^${w.actions.cancel}`) }).click();
    const dialog = page.getByRole('alertdialog', { name: w.actions.cancelTitle });
    await expect(dialog).toContainText('۰٫۰۲۰۰۰۰۰۰ LTC');
    await shot(page, 'sandbox-withdrawal-cancel-dialog-fa-desktop');
    await dialog.getByRole('button', { name: w.actions.cancelAction }).click();
    await expect(first).toHaveAttribute('data-status', 'cancelled', MOVES);
    await expect(first.getByRole('button', { name: new RegExp(`^(${w.actions.cancel}|${w.actions.approve})`) })).toHaveCount(0);
    await expect.poll(ltcBalance, MOVES).toBe('0.05000000');

    // Another, confirmed: approved, and the payout job signs and broadcasts it on the node.
    await requestForm.locator('#withdrawal-amount').fill('۰٫۰۳');
    await requestForm.locator('#withdrawal-destination').fill(regtestAddress());
    await requestForm.getByRole('button', { name: w.form.submit }).click();
    await expect(items).toHaveCount(2, MOVES);
    const second = items.first();
    await expect(second).toHaveAttribute('data-status', 'pending');
    await second.getByRole('button', { name: new RegExp(`^${w.actions.approve}`) }).click();
    const confirm = page.getByRole('alertdialog', { name: w.actions.approveTitle });
    await expect(confirm).toContainText('۰٫۰۲۹۰۰۰۰۰ LTC');
    await confirm.getByRole('button', { name: w.actions.approveAction }).click();
    await expect(second).not.toHaveAttribute('data-status', 'pending', MOVES);
    await page.setViewportSize(PHONE);
    await shot(page, 'sandbox-withdrawal-confirmed-fa');
    await expectNoSeriousViolations(page, 'withdrawals, confirmed and cancelled, phone (fa)');

    // The status filter narrows the list to the cancelled one.
    await page.goto('/dashboard/withdrawals?status=cancelled');
    await expect(items).toHaveCount(1);
    await expect(items.first()).toHaveAttribute('data-status', 'cancelled');
    await expect(page.getByRole('search').locator('#filter-status')).toHaveValue('cancelled');
  });
});
