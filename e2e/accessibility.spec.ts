import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import enAuth from '../messages/en/auth.json';
import enPay from '../messages/en/pay.json';
import enSms from '../messages/en/sms.json';
import enTransactions from '../messages/en/transactions.json';
import faAuth from '../messages/fa/auth.json';
import faPay from '../messages/fa/pay.json';
import faSms from '../messages/fa/sms.json';
import faTransactions from '../messages/fa/transactions.json';
import { expectNoSeriousViolations } from './axe';
import { expectVisibleFocusAtEveryTabStop } from './focus';
import {
  type CreatedTransaction,
  createTransaction,
  depositSms,
  type Locale,
  PASSWORD,
  registerMerchant,
  RETRY,
  seedForwarder,
  seedShopAndCard,
  type ShopWithCard,
  setLocaleCookie,
  signIn,
  uniqueMobile,
} from './seed';

/**
 * WCAG 2.1 AA as axe-core measures it: no serious or critical violation on the hosted pay page (pending, paid,
 * cancelled, expired, in its last minute), the sign-in pages and every dashboard page in the states a merchant meets
 * (dialogs and toasts included), in Persian and in English; at phone width, and at desktop width where the markup
 * changes with it. Then what axe cannot judge: focus is visible at every tab stop, and the pay page's countdown and
 * copy buttons are announced to screen readers. Each test seeds its own data.
 */

// Its own server (playwright.config.ts): this file registers many merchants, more than the main server's limits allow.
test.use({ baseURL: process.env.E2E_A11Y_BASE_URL });
// An axe run takes a few seconds on a small machine, and each test runs many.
test.describe.configure({ timeout: 240_000 });

const MESSAGES = {
  fa: { auth: faAuth, pay: faPay, sms: faSms, transactions: faTransactions },
  en: { auth: enAuth, pay: enPay, sms: enSms, transactions: enTransactions },
} as const;
const LOCALES: Locale[] = ['fa', 'en'];

const PHONE = { width: 412, height: 915 };
const DESKTOP = { width: 1280, height: 900 };

/**
 * Axe at phone width (the tests' device), then at desktop width: for the pages whose markup changes with the width
 * (the side bar replaces the menu, tables replace card lists, the overview's per-shop table appears). Other pages
 * render the same elements at both widths, so phone width alone checks them.
 */
async function checkAtBothWidths(page: Page, name: string) {
  await page.setViewportSize(PHONE);
  await expectNoSeriousViolations(page, `${name}, phone`);
  await page.setViewportSize(DESKTOP);
  await expectNoSeriousViolations(page, `${name}, desktop`);
  await page.setViewportSize(PHONE);
}

/** A webhook receiver on loopback: /ok answers 200, anything else 500 (so the delivery log shows both outcomes). */
async function webhookReceiver() {
  const server = http.createServer((req, res) => {
    req.resume();
    res.statusCode = req.url === '/ok' ? 200 : 500;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: (path: string) => `http://127.0.0.1:${port}${path}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * A merchant whose dashboard shows every state: cards active and inactive; transactions waiting (one with the buyer's
 * claim), paid, verified and cancelled; an SMS inbox with matched, unmatched, needs-review (two reasons), possible-duplicate and ignored messages.
 */
async function seedDashboard(request: APIRequestContext) {
  const merchant = await registerMerchant(request, 'A11y Merchant');
  const seeded = await seedShopAndCard(request, merchant);
  const { shop, key } = seeded;
  const claimed = await createTransaction(request, seeded, 1_250_000, { factor_number: 'INV-1', description: 'دو جلد کتاب' });
  const claim = await request.post(`/api/transactions/payment/${claimed.authority}/claim`, { ...RETRY, data: { reference: '123456789', card_last4: '4321' } });
  expect(claim.status(), await claim.text()).toBeLessThan(300);
  const paid = await createTransaction(request, seeded, 480_000, { factor_number: 'INV-2', fee_side: 'customer' });
  expect((await request.post(`/api/transactions/${paid.id}/confirm`, { ...RETRY, headers: key })).status()).toBe(200);
  const verified = await createTransaction(request, seeded, 96_000, { factor_number: 'INV-3' });
  expect((await request.post(`/api/transactions/${verified.id}/confirm`, { ...RETRY, headers: key })).status()).toBe(200);
  expect((await request.post('/api/transactions/verify', { ...RETRY, headers: key, data: { authority: verified.authority, amount: 96_000 } })).status()).toBe(200);
  const cancelled = await createTransaction(request, seeded, 52_000);
  expect((await request.post(`/api/transactions/${cancelled.id}/cancel`, { ...RETRY, headers: key })).status()).toBe(200);
  // More cards: a pale yellow bank's tile (dark text) and an inactive one (greyed).
  const sepah = await request.post('/api/cards', { ...RETRY, headers: merchant.bearer, data: { card_number: '5892101234567895', owner_name: 'سارا محمدی' } });
  expect(sepah.status(), await sepah.text()).toBe(201);
  const melli = await request.post('/api/cards', { ...RETRY, headers: merchant.bearer, data: { card_number: '6037991234567893', owner_name: 'Sara Mohammadi' } });
  expect(melli.status(), await melli.text()).toBe(201);
  const inactive = await request.patch(`/api/cards/${(await melli.json()).id}`, { ...RETRY, headers: merchant.bearer, data: { is_active: false } });
  expect(inactive.status(), await inactive.text()).toBe(200);
  const bySms = await createTransaction(request, seeded, 700_000);
  const waiting = await createTransaction(request, seeded, 820_000);

  const { trust, forward } = await seedForwarder(request, merchant);
  await trust('Bank Mellat', 'trusted');
  expect(await forward('Bank Mellat', depositSms(bySms.final_amount))).toMatchObject({ match_status: 'matched' });
  expect(await forward('Bank Mellat', depositSms(3_330_000, '33,330,000'))).toMatchObject({ match_status: 'unmatched' });
  expect(await forward('Bank Mellat', depositSms(3_330_000, '33,330,000'))).toMatchObject({ match_status: 'possible_duplicate' });
  expect(await forward('09121234567', depositSms(waiting.final_amount))).toMatchObject({ match_status: 'needs_review', review_reason: 'personal_sender' });
  expect(await forward('MellatBank', depositSms(waiting.final_amount, '31,000,000'))).toMatchObject({ match_status: 'needs_review', review_reason: 'untrusted_sender' });
  expect(await forward('Bank Mellat', 'بانک ملت\nحساب1234567890\nبرداشت200,000\nمانده29,800,000')).toMatchObject({ match_status: 'ignored' });
  return { merchant, shop, claimed, paid, verified, cancelled };
}

for (const locale of LOCALES) {
  const m = MESSAGES[locale];

  test(`sign-in and registration pages have no serious accessibility violation (${locale})`, async ({ page, context, baseURL }) => {
    await setLocaleCookie(context, baseURL!, locale);
    await page.goto('/login');
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expectNoSeriousViolations(page, `login ${locale}`);
    // The refused sign-in: the form's alert.
    await page.locator('#mobile').fill('09120000000');
    await page.locator('#password').fill('not-the-password');
    await page.getByRole('main').getByRole('button', { name: m.auth.signIn }).click();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(m.auth.wrongCredentials);
    await expectNoSeriousViolations(page, `login ${locale}, wrong password`);

    await page.goto('/register');
    await expectNoSeriousViolations(page, `register ${locale}`);
    // Every field refused at once: errors tied to their fields.
    await page.locator('#mobile').fill('123');
    await page.locator('#password').fill('1');
    await page.getByRole('main').getByRole('button', { name: m.auth.register }).click();
    await expect(page.getByRole('main').getByRole('alert').first()).toBeVisible();
    await expectNoSeriousViolations(page, `register ${locale}, invalid`);

    // A new account lands on the empty overview (the getting-started steps) with the phone menu.
    await page.locator('#name').fill('A11y Newcomer');
    await page.locator('#mobile').fill(uniqueMobile('0932'));
    await page.locator('#password').fill(PASSWORD);
    await page.getByRole('main').getByRole('button', { name: m.auth.register }).click();
    await page.waitForURL('**/dashboard');
    await checkAtBothWidths(page, `overview ${locale}, empty`);
    await page.locator('summary').first().click();
    await expectNoSeriousViolations(page, `overview ${locale}, phone menu open`);
  });

  test(`every dashboard page has no serious accessibility violation (${locale})`, async ({ page, context, request, baseURL }) => {
    const { merchant, shop, claimed, paid, verified, cancelled } = await seedDashboard(request);

    await setLocaleCookie(context, baseURL!, locale);
    await signIn(page, merchant.mobile);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await checkAtBothWidths(page, `overview ${locale}`);

    for (const [path, name, widths] of [
      ['/dashboard?period=30d', 'overview, 30 days'],
      ['/dashboard/shops', 'shops'],
      ['/dashboard/cards', 'cards'],
      ['/dashboard/transactions', 'transactions', 'both widths'],
      [`/dashboard/transactions/${paid.id}`, 'transaction paid'],
      [`/dashboard/transactions/${verified.id}`, 'transaction verified'],
      [`/dashboard/transactions/${cancelled.id}`, 'transaction cancelled'],
      ['/dashboard/sms', 'SMS inbox'],
      ['/dashboard/sms?match_status=needs_review', 'SMS inbox, needs review'],
    ] as const) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      await (widths ? checkAtBothWidths : expectNoSeriousViolations)(page, `${name} ${locale}`);
    }

    // The shop without webhooks yet (the late-payment test below shows one with endpoints and deliveries).
    await page.goto(`/dashboard/shops/${shop.id}`);
    await expectNoSeriousViolations(page, `shop ${locale}`);

    // A transaction awaiting payment with the buyer's claim, and its confirm dialog.
    await page.goto(`/dashboard/transactions/${claimed.id}`);
    await expectNoSeriousViolations(page, `transaction pending ${locale}`);
    await page.getByRole('button', { name: m.transactions.actions.confirm }).click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await expectNoSeriousViolations(page, `transaction ${locale}, confirm dialog`);
    // Confirmed: the result toast.
    await page.getByRole('alertdialog').getByRole('button', { name: m.transactions.actions.confirmAction }).click();
    await expect(page.getByText(m.transactions.actions.confirmed)).toBeVisible();
    await expectNoSeriousViolations(page, `transaction ${locale}, confirmed toast`);

    // The match dialog of a deposit needing review.
    await page.goto('/dashboard/sms?match_status=needs_review');
    await page.getByRole('article', { name: 'MellatBank' }).getByRole('button', { name: m.sms.match.open }).click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    // The dialog looks candidates up as it opens: judged once the lookup is done (its button enabled again), not while
    // the button turns from disabled to enabled under axe.
    await expect(page.getByRole('alertdialog').getByRole('button', { name: m.sms.match.searchButton })).toBeEnabled();
    await expectNoSeriousViolations(page, `SMS ${locale}, match dialog`);
  });

  test(`the pay page has no serious accessibility violation while pending, paid or cancelled (${locale})`, async ({ page, context, request }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const merchant = await registerMerchant(request, 'A11y Pay');
    const seeded = await seedShopAndCard(request, merchant);
    const query = locale === 'en' ? '?lang=en' : '';
    const pay = m.pay;

    // Pending: the amount (with the exact-amount warning), the card, the steps and the claim form.
    const pending = await createTransaction(request, seeded, 1_250_000, { factor_number: 'INV-42', description: 'دو جلد کتاب', fee_side: 'customer' });
    await page.goto(`/pay/${pending.authority}${query}`);
    await expect(page.getByRole('timer')).toBeVisible();
    await expectNoSeriousViolations(page, `pay ${locale}, pending`);
    await page.getByRole('button', { name: pay.card.copy }).click();
    await expect(page.getByRole('button', { name: pay.copy.done })).toBeVisible();
    await expectNoSeriousViolations(page, `pay ${locale}, card number copied`);
    await page.getByRole('button', { name: pay.claim.submit }).click();
    await expect(page.getByText(pay.claim.errors.referenceRequired)).toBeVisible();
    await expectNoSeriousViolations(page, `pay ${locale}, claim refused`);
    await page.getByLabel(pay.claim.reference).fill('123456789');
    await page.getByLabel(pay.claim.cardLast4).fill('4321');
    await page.getByRole('button', { name: pay.claim.submit }).click();
    await expect(page.getByText(pay.claim.successTitle)).toBeVisible();
    await expectNoSeriousViolations(page, `pay ${locale}, claim sent`);

    // Paid: the page sends the buyer back to the shop after two seconds; the shop answers 204, so the page stays.
    expect((await request.post(`/api/transactions/${pending.id}/confirm`, { ...RETRY, headers: seeded.key })).status()).toBe(200);
    await page.route('https://shop.example/**', (route) => route.fulfill({ status: 204 }));
    await page.goto(`/pay/${pending.authority}${query}`);
    await expect(page.getByRole('heading', { name: pay.paid.title })).toBeVisible();
    await expectNoSeriousViolations(page, `pay ${locale}, paid`);

    // Cancelled.
    const cancelled = await createTransaction(request, seeded, 80_000);
    expect((await request.post(`/api/transactions/${cancelled.id}/cancel`, { ...RETRY, headers: seeded.key })).status()).toBe(200);
    await page.goto(`/pay/${cancelled.authority}${query}`);
    await expect(page.getByRole('heading', { name: pay.closed.cancelled.title })).toBeVisible();
    await expectNoSeriousViolations(page, `pay ${locale}, cancelled`);

    // A link that names no payment.
    expect((await page.goto(`/pay/AAAAAAAAAAAAAAAAAAAAAAAA${query}`))?.status()).toBe(404);
    await expectNoSeriousViolations(page, `pay ${locale}, not found`);
  });
}

test('keyboard focus is visible at every tab stop: sign-in, pay page, dashboard pages and dialogs', async ({ page, request }) => {
  // The buyer's page on a phone.
  const pay = await seedShopAndCard(request, await registerMerchant(request, 'A11y Focus Pay'));
  const tx = await createTransaction(request, pay, 1_250_000, { factor_number: 'INV-7', fee_side: 'customer' });
  await page.goto(`/pay/${tx.authority}`);
  await expectVisibleFocusAtEveryTabStop(page, 'pay page');
  await page.goto('/login');
  await expectVisibleFocusAtEveryTabStop(page, 'login');

  // The dashboard at desktop width, where keyboards are.
  const { merchant, shop, claimed } = await seedDashboard(request);
  await signIn(page, merchant.mobile);
  await page.setViewportSize(DESKTOP);
  for (const path of ['/dashboard', '/dashboard/transactions', `/dashboard/transactions/${claimed.id}`, '/dashboard/sms', `/dashboard/shops/${shop.id}`, '/dashboard/cards']) {
    await page.goto(path);
    await expectVisibleFocusAtEveryTabStop(page, path);
  }
  // Inside the dialogs: the focus trap brings Tab back round.
  await page.goto(`/dashboard/transactions/${claimed.id}`);
  await page.getByRole('button', { name: faTransactions.actions.confirm }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await expectVisibleFocusAtEveryTabStop(page, 'confirm dialog');
  await page.keyboard.press('Escape');
  await page.goto('/dashboard/sms?match_status=needs_review');
  await page.getByRole('article', { name: 'MellatBank' }).getByRole('button', { name: faSms.match.open }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await expectVisibleFocusAtEveryTabStop(page, 'match dialog');
  await page.keyboard.press('Escape');
  // The phone menu.
  await page.setViewportSize(PHONE);
  await page.goto('/dashboard');
  await expectVisibleFocusAtEveryTabStop(page, 'dashboard on a phone', { max: 6 });
  await page.locator('summary').first().press('Enter');
  await expectVisibleFocusAtEveryTabStop(page, 'phone menu open', { max: 12 });
});

const toAsciiDigits = (text: string) => text.replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d)));

for (const locale of LOCALES) {
  test(`the pay page announces the time left at intervals, not every second, and the copy buttons' result (${locale})`, async ({ page, context, request }) => {
    const pay = MESSAGES[locale].pay;
    const query = locale === 'en' ? '?lang=en' : '';
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const seeded = await seedShopAndCard(request, await registerMerchant(request, 'A11y Live'));
    const tx = await createTransaction(request, seeded, 1_250_000);
    // Only the page's own countdown runs: its clock is driven by the test, and the status checks are answered offline.
    await page.clock.install();
    await page.route('**/api/transactions/check/**', (route) => route.abort('internetdisconnected'));
    await page.goto(`/pay/${tx.authority}${query}`);
    await page.clock.pauseAt(Date.now() + 1000);

    const digits = page.getByRole('timer').locator('[dir="ltr"]');
    const live = page.getByRole('main').locator('[aria-live="polite"]').first();
    const secondsLeft = async () => {
      const [m, s] = toAsciiDigits((await digits.textContent()) ?? '').split(':').map(Number);
      return m! * 60 + s!;
    };
    // Nothing is announced on arrival: the time left is on screen.
    await expect(live).toHaveText('');

    /** Steps the page's clock one second at a time past `seconds` left, noting what the live region says after each. */
    async function stepPast(seconds: number) {
      await page.clock.runFor((await secondsLeft()) * 1000 - (seconds + 3) * 1000);
      const heard: string[] = [];
      const shown: number[] = [];
      for (let i = 0; i < 6; i++) {
        const before = await secondsLeft();
        await page.clock.runFor(1000);
        await expect.poll(secondsLeft).toBeLessThan(before);
        shown.push(await secondsLeft());
        heard.push((await live.textContent()) ?? '');
      }
      return { heard, shown };
    }

    const ten = await stepPast(600);
    // The timer showed six different times; the live region changed once, when ten minutes were left.
    expect(new Set(ten.shown).size).toBe(6);
    expect(new Set(ten.heard)).toEqual(new Set(['', pay.waiting.minutesLeft.replace('{minutes, number}', locale === 'fa' ? '۱۰' : '10')]));
    const five = await stepPast(300);
    expect(five.heard.at(-1)).toBe(pay.waiting.minutesLeft.replace('{minutes, number}', locale === 'fa' ? '۵' : '5'));
    expect((await stepPast(180)).heard.at(-1)).toBe(pay.waiting.threeMinutesLeft);
    expect((await stepPast(60)).heard.at(-1)).toBe(pay.waiting.oneMinuteLeft);

    // Copying says so in a live region, besides the button's own label.
    await page.getByRole('button', { name: pay.card.copy }).click();
    await expect(page.locator('[aria-live="polite"]', { hasText: pay.copy.done })).toHaveCount(1);
    await page.getByRole('button', { name: pay.amount.copy }).click();
    await expect(page.locator('[aria-live="polite"]', { hasText: pay.copy.done })).toHaveCount(2);
  });
}

/**
 * The short-window server of playwright.config.ts gives payments one minute and late SMS no grace. Its merchant is
 * seeded before this file's first test (a top-level hook), so the minute passes while the tests above run.
 */
const shortWindowURL = process.env.E2E_SHORT_WINDOW_BASE_URL!;
let late:
  | {
      mobile: string;
      shopId: string;
      seeded: ShopWithCard;
      expired: CreatedTransaction;
      deviceToken: string;
      receiver: Awaited<ReturnType<typeof webhookReceiver>>;
    }
  | undefined;

test.beforeAll(async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: shortWindowURL });
  const receiver = await webhookReceiver();
  const merchant = await registerMerchant(request, 'A11y Late');
  const seeded = await seedShopAndCard(request, merchant);
  for (const path of ['/ok', '/fail']) {
    const res = await request.post(`/api/shops/${seeded.shop.id}/webhooks`, { ...RETRY, headers: merchant.bearer, data: { url: receiver.url(path) } });
    expect(res.status(), await res.text()).toBe(201);
  }
  const expired = await createTransaction(request, seeded, 640_000, { factor_number: 'LATE-1' });
  // A paid one: its transaction.paid event goes to both endpoints (one succeeds, one fails and is retried).
  const paid = await createTransaction(request, seeded, 310_000, { factor_number: 'PAID-1' });
  expect((await request.post(`/api/transactions/${paid.id}/confirm`, { ...RETRY, headers: seeded.key })).status()).toBe(200);
  const { device, trust } = await seedForwarder(request, merchant);
  await trust('Bank Mellat', 'trusted');
  late = { mobile: merchant.mobile, shopId: seeded.shop.id, seeded, expired, deviceToken: device.token, receiver };
  await request.dispose();
});

test.afterAll(async () => {
  await late?.receiver.close();
});

test.describe('when the payment window runs out', () => {
  test.use({ baseURL: shortWindowURL });

  test('the expired pay page, a late deposit, expired transactions and webhook deliveries have no serious accessibility violation', async ({ page, context, request }) => {
    const { mobile, shopId, expired, deviceToken } = late!;
    // A fresh payment on this server is in its last minute at once: the countdown's red phase.
    const lastMinute = await createTransaction(request, late!.seeded, 150_000);
    for (const locale of LOCALES) {
      await page.goto(`/pay/${lastMinute.authority}${locale === 'en' ? '?lang=en' : ''}`);
      await expect(page.getByRole('timer')).toBeVisible();
      await expectNoSeriousViolations(page, `pay ${locale}, last minute`);
    }
    await expect
      .poll(async () => (await (await request.get(`/api/transactions/check/${expired.authority}`, RETRY)).json()).status, { timeout: 100_000, intervals: [2_000] })
      .toBe('expired');
    const inbound = await request.post('/api/sms/inbound', {
      ...RETRY,
      headers: { Authorization: `Bearer ${deviceToken}` },
      data: { from: 'Bank Mellat', text: depositSms(expired.final_amount), receivedStamp: String(Date.now()) },
    });
    expect(await inbound.json()).toMatchObject({ match_status: 'paid_late' });

    for (const locale of LOCALES) {
      await page.goto(`/pay/${expired.authority}${locale === 'en' ? '?lang=en' : ''}`);
      await expect(page.getByRole('heading', { name: MESSAGES[locale].pay.closed.expired.title })).toBeVisible();
      await expectNoSeriousViolations(page, `pay ${locale}, expired`);
    }

    for (const locale of LOCALES) {
      await context.clearCookies();
      await setLocaleCookie(context, shortWindowURL, locale);
      await signIn(page, mobile);
      for (const [path, name, widths] of [
        ['/dashboard/transactions', 'transactions with an expired one', 'both widths'],
        [`/dashboard/transactions/${expired.id}`, 'transaction expired'],
        ['/dashboard/sms', 'SMS inbox, paid late'],
        [`/dashboard/shops/${shopId}`, 'shop with webhooks and deliveries'],
      ] as const) {
        expect((await page.goto(path))?.status(), path).toBe(200);
        await (widths ? checkAtBothWidths : expectNoSeriousViolations)(page, `${name} ${locale}`);
      }
    }
  });
});
