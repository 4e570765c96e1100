import { type APIResponse, expect, type Page, test } from '@playwright/test';
import auth from '../messages/fa/auth.json';
import cards from '../messages/fa/cards.json';
import common from '../messages/fa/common.json';
import nav from '../messages/fa/nav.json';
import shops from '../messages/fa/shops.json';
import sms from '../messages/fa/sms.json';
import transactions from '../messages/fa/transactions.json';
import { expectNoSeriousViolations } from './axe';

// The dashboard is driven in Persian, its default; names come from the same message files the pages use.
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const PASSWORD = 'secret123';
const uniqueMobile = (prefix: string) => `${prefix}${String(Date.now()).slice(-7)}`;

async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

async function register(page: Page, name: string, mobile: string) {
  await page.goto('/register');
  await page.getByLabel(auth.name).fill(name);
  await page.getByLabel(auth.mobile).fill(mobile);
  await page.getByLabel(auth.password).fill(PASSWORD);
  await page.getByRole('main').getByRole('button', { name: auth.register }).click();
  await page.waitForURL('**/dashboard');
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: nav.signOut }).click();
  await page.waitForURL('**/login');
}

async function signIn(page: Page, mobile: string) {
  await page.getByLabel(auth.mobile).fill(mobile);
  await page.getByLabel(auth.password).fill(PASSWORD);
  await page.getByRole('main').getByRole('button', { name: auth.signIn }).click();
  await page.waitForURL('**/dashboard');
}

const stat = (page: Page, name: string) => page.locator(`[data-stat="${name}"]`).first();

test('a merchant registers, sets up a shop and a card, confirms a payment and exports it', async ({ page, request }) => {
  const mobile = uniqueMobile('0936');
  await register(page, 'سارا احمدی', mobile);
  await shot(page, 'overview-empty');
  await signOut(page);
  // A wrong password is refused on the form, with one message whether or not the account exists.
  await page.getByLabel(auth.mobile).fill(mobile);
  await page.getByLabel(auth.password).fill('not-the-password');
  await page.getByRole('main').getByRole('button', { name: auth.signIn }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(auth.wrongCredentials);
  await shot(page, 'login');
  await signIn(page, mobile);

  // A shop: its API key is shown once, and the copy button puts exactly it on the clipboard.
  await page.goto('/dashboard/shops');
  await page.getByLabel(shops.fields.name).fill('کافه آزمون');
  await page.getByRole('button', { name: shops.create.submit }).click();
  const keyPanel = page.getByRole('region', { name: shops.apiKey.label });
  const apiKey = (await keyPanel.locator('code[data-secret="api-key"]').textContent())!.trim();
  expect(apiKey).toMatch(/^kpay_sk_/);
  await keyPanel.getByRole('button', { name: common.copy }).click();
  await expect(keyPanel.getByRole('button', { name: common.copied })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(apiKey);
  await shot(page, 'shop-created');
  await expectNoSeriousViolations(page, 'the API key shown once');

  // A card: a wrong number is refused inline as it is typed; a right one is added.
  await page.goto('/dashboard/cards');
  const cardForm = page.getByRole('form', { name: cards.form.title });
  await cardForm.getByLabel(cards.form.cardNumber).fill('6037991234567890');
  await expect(cardForm.getByRole('alert')).toContainText(cards.errors.cardInvalid);
  await shot(page, 'card-invalid');
  await expectNoSeriousViolations(page, 'a card number refused as typed');
  await cardForm.getByLabel(cards.form.cardNumber).fill('6037991234567893');
  await expect(cardForm.getByRole('alert')).toHaveCount(0);
  await cardForm.getByLabel(cards.form.ownerName).fill('سارا احمدی');
  await cardForm.getByRole('button', { name: cards.form.submit }).click();
  await expect(page.getByText(cards.form.added)).toBeVisible();
  await shot(page, 'cards');

  // The shop's server creates a transaction with the key.
  const key = { 'X-API-Key': apiKey };
  const [{ shops: [shop] }, { cards: [card] }] = await Promise.all([
    (await request.get('/api/shops', { headers: key })).json(),
    (await request.get('/api/cards', { headers: key })).json(),
  ]);
  const created = await request.post('/api/transactions/create', {
    headers: key,
    data: { shop_id: shop.id, card_id: card.id, amount: 1_250_000, callback_url: 'https://shop.example/back', factor_number: 'E2E-1' },
  });
  expect(created.status()).toBe(201);
  const tx = await created.json();

  await page.goto('/dashboard');
  await expect(stat(page, 'pending-now')).toHaveAttribute('data-value', '1');
  await expect(stat(page, 'paid-count')).toHaveAttribute('data-value', '0');

  // It appears in the table; the merchant opens it and confirms it behind the dialog.
  await page.goto('/dashboard/transactions');
  const row = page.getByRole('link', { name: `${transactions.list.open} ${tx.authority.slice(0, 8)}` }).locator('visible=true');
  await expect(row).toBeVisible();
  await shot(page, 'transactions');
  await row.click();
  await page.waitForURL(`**/dashboard/transactions/${tx.id}`);
  await page.getByRole('button', { name: transactions.actions.confirm }).click();
  const dialog = page.getByRole('alertdialog', { name: transactions.actions.confirmTitle });
  await shot(page, 'confirm-dialog');
  await dialog.getByRole('button', { name: transactions.actions.confirmAction }).click();
  await expect(page.getByText(transactions.actions.confirmed)).toBeVisible();
  await expect(page.getByRole('main').getByText(common.status.paid).first()).toBeVisible();
  await shot(page, 'transaction-paid');
  expect((await (await request.get(`/api/transactions/check/${tx.authority}`)).json()).status).toBe('paid');

  // The overview counts it.
  await page.goto('/dashboard');
  await expect(stat(page, 'paid-count')).toHaveAttribute('data-value', '1');
  await expect(stat(page, 'pending-now')).toHaveAttribute('data-value', '0');
  await expect(stat(page, 'paid-volume')).toHaveAttribute('data-value', String(tx.final_amount));
  await shot(page, 'overview');

  // The CSV export holds it.
  await page.goto('/dashboard/transactions');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: transactions.export.link }).click()]);
  const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(csv).toContain(tx.authority);
  expect(csv).toContain(',paid,');

  // Regenerating the key (behind a dialog) shows a new one once; the old key stops working at once.
  await page.goto(`/dashboard/shops/${shop.id}`);
  await shot(page, 'shop');
  await page.getByRole('button', { name: shops.apiKey.regenerate }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: shops.apiKey.confirm }).click();
  const newKey = (await page.getByRole('region', { name: shops.apiKey.label }).locator('code[data-secret="api-key"]').textContent())!.trim();
  expect(newKey).toMatch(/^kpay_sk_/);
  expect(newKey).not.toBe(apiKey);
  expect((await request.get('/api/shops', { headers: key })).status()).toBe(401);
  expect((await request.get('/api/shops', { headers: { 'X-API-Key': newKey } })).status()).toBe(200);

  // Deactivating the card (behind a dialog) keeps it listed but out of new payments.
  await page.goto('/dashboard/cards');
  await page.getByRole('button', { name: new RegExp(`^${cards.status.deactivate}`) }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: cards.status.deactivate, exact: true }).click();
  await expect(page.getByText(cards.status.deactivated)).toBeVisible();
  const [after] = (await (await request.get('/api/cards', { headers: { 'X-API-Key': newKey } })).json()).cards;
  expect(after).toMatchObject({ id: card.id, is_active: false });

  await page.goto('/dashboard/sms');
  await shot(page, 'sms');

  await signOut(page);
  await page.goto('/dashboard/transactions');
  await expect(page).toHaveURL(/\/login/);
});

test('the language switch flips the dashboard between Persian (RTL) and English (LTR)', async ({ page }) => {
  await register(page, 'Lang Tester', uniqueMobile('0937'));
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByRole('button', { name: `${common.language}: ${common.languages.en}` }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await shot(page, 'overview-en');
  await page.getByRole('button', { name: /فارسی/ }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
});

test("a second merchant sees none of the first one's data", async ({ page, browser, request }) => {
  // Merchant A, through the API: a shop, a card and a transaction.
  const created = async (response: Promise<APIResponse>) => {
    const res = await response;
    expect(res.status(), await res.text()).toBe(201);
    return res.json();
  };
  const { access_token } = await created(request.post('/api/auth/register', { data: { name: 'Merchant A', mobile: uniqueMobile('0938'), password: PASSWORD } }));
  const bearer = { Authorization: `Bearer ${access_token}` };
  const shopA = await created(request.post('/api/shops', { headers: bearer, data: { name: 'Secret Shop A' } }));
  const cardA = await created(request.post('/api/cards', { headers: bearer, data: { card_number: '6104339876543210', owner_name: 'Ali Alavi' } }));
  const txA = await created(
    request.post('/api/transactions/create', {
      headers: { 'X-API-Key': shopA.api_key },
      data: { shop_id: shopA.id, card_id: cardA.id, amount: 990_000, callback_url: 'https://a.example/back', factor_number: 'A-SECRET' },
    }),
  );

  // Merchant B in the browser.
  await register(page, 'Merchant B', uniqueMobile('0939'));
  for (const path of ['/dashboard', '/dashboard/shops', '/dashboard/cards', '/dashboard/transactions', '/dashboard/sms']) {
    await page.goto(path);
    const text = await page.locator('body').innerText();
    expect(text, path).not.toContain('Secret Shop A');
    expect(text, path).not.toContain('A-SECRET');
    expect(text, path).not.toContain(txA.authority.slice(0, 8));
  }
  // Another merchant's ids answer 404, exactly like ids that name nothing.
  expect((await page.goto(`/dashboard/transactions/${txA.id}`))!.status()).toBe(404);
  await expect(page.getByText(transactions.detail.notFoundTitle)).toBeVisible();
  await expect(page.locator('body')).not.toContainText('A-SECRET');
  expect((await page.goto(`/dashboard/shops/${shopA.id}`))!.status()).toBe(404);
  await expect(page.locator('body')).not.toContainText('Secret Shop A');
  await page.goto(`/dashboard/transactions?search=${txA.authority}`);
  await expect(page.locator('body')).not.toContainText(txA.authority.slice(0, 8));
  const exported = await page.request.get('/dashboard/transactions/export');
  expect(exported.status()).toBe(200);
  expect(await exported.text()).not.toContain(txA.authority);
  // Without a session the export is refused.
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`${test.info().project.use.baseURL}/dashboard/transactions/export`)).status()).toBe(401);
  await anonymous.close();
});

test('an SMS forwarder is set up from its QR code; deposits needing review are matched by hand or applied by trusting their bank', async ({ page, request }) => {
  const mobile = uniqueMobile('0935');
  await register(page, 'Forwarder Owner', mobile);
  const { access_token } = await (await request.post('/api/auth/login', { data: { username: mobile, password: PASSWORD } })).json();
  const bearer = { Authorization: `Bearer ${access_token}` };
  const shop = await (await request.post('/api/shops', { headers: bearer, data: { name: 'SMS Shop' } })).json();
  const card = await (
    await request.post('/api/cards', {
      headers: bearer,
      data: { card_number: '6104339876543210', owner_name: 'Ali Alavi', sheba: 'IR160120000000001234567890' },
    })
  ).json();
  const createTransaction = async (amount: number) =>
    (
      await request.post('/api/transactions/create', {
        headers: { 'X-API-Key': shop.api_key },
        data: { shop_id: shop.id, card_id: card.id, amount, callback_url: 'https://shop.example/back' },
      })
    ).json();
  const tx = await createTransaction(700_000);

  // A phone is added; its token is shown once with a QR code holding the address and the token.
  await page.goto('/dashboard/sms');
  await page.getByLabel(sms.devices.add.name).fill('گوشی فروشگاه');
  await page.getByRole('button', { name: sms.devices.add.submit }).click();
  const setup = page.getByRole('region', { name: sms.devices.setup.title.replace('{name}', 'گوشی فروشگاه') });
  await expect(setup.getByRole('img')).toBeVisible();
  const token = (await setup.locator('code').nth(1).textContent())!.trim();
  await shot(page, 'sms-device-setup');
  await expectNoSeriousViolations(page, 'the setup QR code of a phone');

  const postSms = async (from: string, amount: number, balance: string) => {
    const inbound = await request.post('/api/sms/inbound', {
      headers: { Authorization: `Bearer ${token}` },
      data: { from, text: `بانک ملت\nحساب1234567890\nواریز${amount.toLocaleString('en-US')}\nمانده${balance}`, receivedStamp: String(Date.now()) },
    });
    expect(inbound.ok()).toBe(true);
    return inbound.json();
  };
  // Anyone can text the merchant's phone: a personal number's "deposit" never pays by itself.
  expect(await postSms('09121234567', tx.final_amount, '30,000,000')).toMatchObject({ match_status: 'needs_review', review_reason: 'personal_sender' });
  // The buyer paid 1,000 Rials more than asked, from a bank sender this phone does not trust yet.
  expect(await postSms('Bank Mellat', tx.final_amount + 1000, '31,000,000')).toMatchObject({ match_status: 'needs_review', review_reason: 'untrusted_sender' });

  await page.goto('/dashboard/sms?match_status=needs_review');
  await expect(page.getByText(sms.message.review.personal_sender)).toBeVisible();
  const fromBank = page.getByRole('article', { name: 'Bank Mellat' });
  await expect(fromBank.getByText(sms.message.review.untrusted_sender)).toBeVisible();
  const trustBank = sms.trust.trustBank.replace('{bank}', 'بانک ملت');
  await expect(fromBank.getByRole('button', { name: trustBank })).toBeVisible();
  await expect(fromBank.getByRole('button', { name: sms.trust.block })).toBeVisible();
  await shot(page, 'sms-needs-review');
  await fromBank.getByRole('button', { name: sms.match.open }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByRole('radio', { name: new RegExp(tx.authority.slice(0, 8)) }).check();
  await dialog.getByRole('checkbox', { name: sms.match.acceptDifference }).check();
  await shot(page, 'sms-match-dialog');
  await expectNoSeriousViolations(page, 'the match dialog with a choice made');
  await dialog.getByRole('button', { name: sms.match.confirm, exact: true }).click();
  await expect(page.getByText(sms.match.matched)).toBeVisible();
  expect((await (await request.get(`/api/transactions/check/${tx.authority}`)).json()).status).toBe('paid');

  // The next deposit from the same bank: one tap trusts the sender and applies it.
  const second = await createTransaction(800_000);
  expect(await postSms('Bank Mellat', second.final_amount, '31,800,000')).toMatchObject({ match_status: 'needs_review' });
  await page.goto('/dashboard/sms?match_status=needs_review');
  await page.getByRole('article', { name: 'Bank Mellat' }).getByRole('button', { name: trustBank }).click();
  await expect.poll(async () => (await (await request.get(`/api/transactions/check/${second.authority}`)).json()).status).toBe('paid');
  await page.goto('/dashboard/sms');
  await shot(page, 'sms-inbox');
});
