import { expect, type APIRequestContext, test } from '@playwright/test';

/** A merchant with a shop, a Mellat card and an SMS forwarder, created over the real API. */
async function seedMerchant(request: APIRequestContext) {
  const mobile = `0936${String(Date.now()).slice(-7)}`;
  const { access_token } = await (await request.post('/api/auth/register', { data: { name: 'Pay E2E', mobile, password: 'secret123' } })).json();
  const auth = { Authorization: `Bearer ${access_token}` };
  const shop = await (await request.post('/api/shops', { headers: auth, data: { name: 'کتاب‌فروشی آفتاب' } })).json();
  // The Sheba names account 1234567890, the one the bank's deposit SMS below prints.
  const card = await (
    await request.post('/api/cards', {
      headers: auth,
      data: { card_number: '6104331234567890', owner_name: 'سارا محمدی', sheba: 'IR160120000000001234567890' },
    })
  ).json();
  const device = await (await request.post('/api/sms/devices', { headers: auth, data: { name: 'phone' } })).json();
  // Only senders the merchant trusts on that phone may confirm a payment.
  const trusted = await request.post('/api/sms/senders', { headers: auth, data: { device_id: device.id, sender: 'Bank Mellat', trust: 'trusted' } });
  expect(trusted.status()).toBe(200);
  return { shop, card, device };
}

test('a buyer pays on the hosted page and is sent back to the shop with status=OK', async ({ page, request, context, baseURL }, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { shop, card, device } = await seedMerchant(request);
  const created = await request.post('/api/transactions/create', {
    headers: { 'X-API-Key': shop.api_key },
    data: { shop_id: shop.id, card_id: card.id, amount: 1_250_000, callback_url: `${baseURL}/?order=42`, factor_number: 'INV-42' },
  });
  expect(created.status()).toBe(201);
  const tx = await created.json();

  await page.goto(tx.payment_url.replace(/^https?:\/\/[^/]+/, ''));
  await expect(page.locator('[dir="rtl"]').first()).toBeVisible();
  await expect(page.getByText('کتاب‌فروشی آفتاب').first()).toBeVisible();
  // The exact sum to transfer: the amount plus one Toman that tells this payment apart.
  expect(tx.final_amount).toBe(1_250_010);
  await expect(page.getByText('۱٬۲۵۰٬۰۱۰').or(page.getByText('۱,۲۵۰,۰۱۰')).first()).toBeVisible();
  await expect(page.getByText('تومان').first()).toBeVisible();
  await expect(page.getByText(/\d{2}:\d{2}|[۰-۹]{2}:[۰-۹]{2}/).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('pay-pending.png'), fullPage: true });

  await page.getByRole('button', { name: 'کپی شماره کارت' }).click();
  await expect(page.getByText('کپی شد').first()).toBeAttached();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('6104331234567890');

  await page.getByLabel('شماره پیگیری یا مرجع').fill('۱۲۳۴۵۶۷۸۹');
  await page.getByLabel('۴ رقم آخر کارت شما').fill('۴۳۲۱');
  await page.getByRole('button', { name: 'پرداخت کردم' }).click();
  await expect(page.getByText('اطلاعات پرداخت ثبت شد')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('pay-claimed.png'), fullPage: true });

  // The bank's deposit SMS arrives through the merchant's forwarder.
  const sms = await request.post('/api/sms/inbound', {
    headers: { Authorization: `Bearer ${device.token}` },
    data: { from: 'Bank Mellat', text: `بانک ملت\nحساب1234567890\nواریز${tx.final_amount.toLocaleString('en-US')}\nمانده30,000,000\n04/07/15-08:42`, receivedStamp: String(Date.now()) },
  });
  expect((await sms.json()).match_status).toBe('matched');

  await page.waitForURL((url) => url.searchParams.get('status') === 'OK', { timeout: 20_000 });
  const back = new URL(page.url());
  expect(back.searchParams.get('authority')).toBe(tx.authority);
  expect(back.searchParams.get('order')).toBe('42');
  const verify = await request.post('/api/transactions/verify', {
    headers: { 'X-API-Key': shop.api_key },
    data: { authority: tx.authority, amount: 1_250_000 },
  });
  expect(await verify.json()).toMatchObject({ status: 'verified', already_verified: false });
});

test('an expired or cancelled payment offers the way back with status=NOK; English switches direction', async ({ page, request }, testInfo) => {
  const { shop, card } = await seedMerchant(request);
  const tx = await (await request.post('/api/transactions/create', {
    headers: { 'X-API-Key': shop.api_key },
    data: { shop_id: shop.id, card_id: card.id, amount: 80_000, callback_url: 'https://shop.example/back' },
  })).json();
  await request.post(`/api/transactions/${tx.id}/cancel`, { headers: { 'X-API-Key': shop.api_key } });
  await page.goto(`/pay/${tx.authority}?lang=en`);
  await expect(page.locator('[dir="ltr"]').first()).toBeVisible();
  const back = page.locator('a[href*="status=NOK"]').first();
  await expect(back).toBeVisible();
  expect(await back.getAttribute('href')).toContain(`authority=${tx.authority}`);
  await page.screenshot({ path: testInfo.outputPath('pay-cancelled-en.png'), fullPage: true });
});

test('an unknown authority shows a friendly 404', async ({ page }) => {
  const res = await page.goto('/pay/AAAAAAAAAAAAAAAAAAAAAAAA');
  expect(res?.status()).toBe(404);
  await expect(page.locator('h1').first()).toBeVisible();
});

test('the pay page loads little JavaScript and nothing from third parties', async ({ page, request }) => {
  const { shop, card } = await seedMerchant(request);
  const tx = await (await request.post('/api/transactions/create', {
    headers: { 'X-API-Key': shop.api_key },
    data: { shop_id: shop.id, card_id: card.id, amount: 90_000, callback_url: 'https://shop.example/back' },
  })).json();
  let scriptBytes = 0;
  const foreign: string[] = [];
  page.on('response', async (r) => {
    if (!r.url().startsWith('http://localhost')) foreign.push(r.url());
    // Bytes on the wire (compressed), as a phone on a slow network pays for them.
    if (r.request().resourceType() === 'script') scriptBytes += (await r.request().sizes()).responseBodySize;
  });
  await page.goto(`/pay/${tx.authority}`, { waitUntil: 'networkidle' });
  expect(foreign).toEqual([]);
  // Next's runtime plus the page's island; measured about 146 KiB gzipped when this was written.
  expect(scriptBytes).toBeLessThan(200 * 1024);
});

/** A pending transaction of a fresh merchant, and a function that pays it with the bank's deposit SMS. */
async function payableTransaction(request: APIRequestContext, baseURL: string | undefined) {
  const { shop, card, device } = await seedMerchant(request);
  const created = await request.post('/api/transactions/create', {
    headers: { 'X-API-Key': shop.api_key },
    data: { shop_id: shop.id, card_id: card.id, amount: 1_250_000, callback_url: `${baseURL}/?order=43` },
  });
  expect(created.status()).toBe(201);
  const tx: { authority: string; payment_url: string; final_amount: number } = await created.json();
  const pay = async () => {
    // Retried: the request context's kept-alive connection may have been closed by the server while the page waited.
    const sms = await request.post('/api/sms/inbound', {
      maxRetries: 2,
      headers: { Authorization: `Bearer ${device.token}` },
      data: { from: 'Bank Mellat', text: `بانک ملت\nحساب1234567890\nواریز${tx.final_amount.toLocaleString('en-US')}\nمانده30,000,000\n04/07/15-08:42`, receivedStamp: String(Date.now()) },
    });
    expect((await sms.json()).match_status).toBe('matched');
  };
  return { tx, path: tx.payment_url.replace(/^https?:\/\/[^/]+/, ''), pay };
}

test('the page turns paid from its event stream, without a single poll', async ({ page, request, baseURL }) => {
  const { tx, path, pay } = await payableTransaction(request, baseURL);
  const check = `/api/transactions/check/${tx.authority}`;
  const asked: string[] = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  const stream = page.waitForResponse((r) => new URL(r.url()).pathname === `${check}/events`);
  await page.goto(path);
  expect((await stream).headers()['content-type']).toBe('text/event-stream');
  // The stream answered, so it is following the transaction (its first event was read before the answer): pay.
  await pay();
  await expect(page.getByRole('heading', { name: 'پرداخت شما تأیید شد' })).toBeVisible({ timeout: 5_000 });
  expect(asked).toContain(`${check}/events`);
  expect(asked).not.toContain(check);
});

test('the page falls back to polling when its event stream cannot be had', async ({ page, request, baseURL }) => {
  const { tx, path, pay } = await payableTransaction(request, baseURL);
  const check = `/api/transactions/check/${tx.authority}`;
  await page.route(`**${check}/events`, (route) => route.abort());
  const polled = page.waitForRequest((r) => new URL(r.url()).pathname === check, { timeout: 10_000 });
  await page.goto(path);
  await polled;
  await pay();
  await expect(page.getByRole('heading', { name: 'پرداخت شما تأیید شد' })).toBeVisible({ timeout: 10_000 });
});
