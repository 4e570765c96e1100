import { randomInt } from 'node:crypto';
import { type APIRequestContext, type BrowserContext, expect, type Page } from '@playwright/test';

/** Data for one test, created over the real API: every test seeds its own merchant, so tests never share rows. */

export const PASSWORD = 'secret123';

/**
 * For every API call of the seeding: retry a connection reset. The server closes an idle keep-alive connection after
 * five seconds, and a request sent on it in that instant is reset before the server reads it (so never applied twice).
 */
export const RETRY = { maxRetries: 2 };

export type Locale = 'fa' | 'en';

const issuedMobiles = new Set<string>();
/** A mobile number no other test of this run uses: random (a restarted worker would repeat a counter), never twice. */
export function uniqueMobile(prefix = '0931'): string {
  for (;;) {
    const mobile = `${prefix}${String(randomInt(10_000_000)).padStart(7, '0')}`;
    if (!issuedMobiles.has(mobile)) return issuedMobiles.add(mobile), mobile;
  }
}

async function created(response: Promise<import('@playwright/test').APIResponse>) {
  const res = await response;
  expect(res.status(), `${res.url()}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

export interface Merchant {
  mobile: string;
  bearer: Record<string, string>;
}

export async function registerMerchant(request: APIRequestContext, name = 'A11y Merchant'): Promise<Merchant> {
  const mobile = uniqueMobile();
  const { access_token } = await created(request.post('/api/auth/register', { ...RETRY, data: { name, mobile, password: PASSWORD } }));
  return { mobile, bearer: { Authorization: `Bearer ${access_token}` } };
}

export interface ShopWithCard {
  shop: { id: string; api_key: string; name: string };
  card: { id: string };
  key: Record<string, string>;
}

/** A shop and a Mellat card whose Sheba names account 1234567890, the account the deposit SMS below print. */
export async function seedShopAndCard(request: APIRequestContext, merchant: Merchant, shopName = 'کتاب‌فروشی آفتاب'): Promise<ShopWithCard> {
  const shop = await created(request.post('/api/shops', { ...RETRY, headers: merchant.bearer, data: { name: shopName, website: 'https://shop.example' } }));
  const card = await created(
    request.post('/api/cards', {
      ...RETRY,
      headers: merchant.bearer,
      data: { card_number: '6104331234567890', owner_name: 'سارا محمدی', sheba: 'IR160120000000001234567890' },
    }),
  );
  return { shop, card, key: { 'X-API-Key': shop.api_key } };
}

export interface CreatedTransaction {
  id: string;
  authority: string;
  final_amount: number;
  payment_url: string;
}

export async function createTransaction(
  request: APIRequestContext,
  { shop, card, key }: ShopWithCard,
  amount: number,
  extra: Record<string, unknown> = {},
): Promise<CreatedTransaction> {
  return created(
    request.post('/api/transactions/create', {
      ...RETRY,
      headers: key,
      data: { shop_id: shop.id, card_id: card.id, amount, callback_url: 'https://shop.example/back', ...extra },
    }),
  );
}

/** A phone that forwards SMS, and a function that forwards one through it. */
export async function seedForwarder(request: APIRequestContext, merchant: Merchant) {
  const device = await created(request.post('/api/sms/devices', { ...RETRY, headers: merchant.bearer, data: { name: 'گوشی فروشگاه' } }));
  const trust = async (sender: string, trust: 'trusted' | 'blocked') =>
    created(request.post('/api/sms/senders', { ...RETRY, headers: merchant.bearer, data: { device_id: device.id, sender, trust } }));
  const forward = async (from: string, text: string) =>
    created(request.post('/api/sms/inbound', { ...RETRY, headers: { Authorization: `Bearer ${device.token}` }, data: { from, text, receivedStamp: String(Date.now()) } }));
  return { device, trust, forward };
}

/** The text of a Mellat deposit SMS into account 1234567890. */
export const depositSms = (amount: number, balance = '30,000,000') =>
  `بانک ملت\nحساب1234567890\nواریز${amount.toLocaleString('en-US')}\nمانده${balance}`;

/** The dashboard's language is a cookie (the switch sets it); the sign-in pages follow it too. */
export async function setLocaleCookie(context: BrowserContext, baseURL: string, locale: Locale) {
  await context.addCookies([{ name: 'kpay_locale', value: locale, url: baseURL }]);
}

/** Signs in through the dashboard's own form. */
export async function signIn(page: Page, mobile: string) {
  await page.goto('/login');
  await page.locator('#mobile').fill(mobile);
  await page.locator('#password').fill(PASSWORD);
  await page.getByRole('main').locator('button[type="submit"]').click();
  await page.waitForURL('**/dashboard');
}
