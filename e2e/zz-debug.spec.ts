import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { expectVisibleFocusAtEveryTabStop } from './focus';
import { createTransaction, registerMerchant, seedShopAndCard, signIn, setLocaleCookie } from './seed';

test.use({ baseURL: process.env.E2E_A11Y_BASE_URL });

test('focus helper catches a missing ring', async ({ page }) => {
  test.fail();
  await page.goto('/login');
  await page.addStyleTag({ content: '*:focus-visible, *:focus { outline: none !important; box-shadow: none !important; }' });
  await expectVisibleFocusAtEveryTabStop(page, 'login without rings');
  expect(test.info().errors.length).toBe(0);
});

test('dump', async ({ page, request, context, baseURL }) => {
  test.setTimeout(300_000);
  const merchant = await registerMerchant(request, 'Dump');
  const seeded = await seedShopAndCard(request, merchant);
  const tx = await createTransaction(request, seeded, 1_250_000, { factor_number: 'INV-1', fee_side: 'customer', description: 'دو جلد کتاب' });
  const pages: [string, string][] = [];
  for (const locale of ['fa', 'en'] as const) {
    await context.clearCookies();
    await setLocaleCookie(context, baseURL!, locale);
    pages.push([`/pay/${tx.authority}${locale === 'en' ? '?lang=en' : ''}`, `pay-${locale}`], [`/login`, `login-${locale}`], ['/register', `register-${locale}`]);
    for (const [path, name] of pages.splice(0)) {
      await page.goto(path);
      const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      console.log('DUMP', name, 'violations', r.violations.map((v) => `${v.id}/${v.impact}:${v.nodes.length}`).join(' '), '| incomplete', r.incomplete.map((v) => `${v.id}:${v.nodes.length} ${v.nodes.slice(0, 6).map((n) => n.target.join(' ') + ' ' + (n.any[0]?.message ?? '')).join(' || ')}`).join(' ## '));
      await page.screenshot({ path: `/tmp/kpay-shots/${name}.png`, fullPage: true });
    }
    await signIn(page, merchant.mobile);
    for (const [path, name] of [['/dashboard', 'overview'], ['/dashboard/transactions', 'transactions'], [`/dashboard/transactions/${tx.id}`, 'transaction'], [`/dashboard/shops/${seeded.shop.id}`, 'shop'], ['/dashboard/sms', 'sms'], ['/dashboard/cards', 'cards']]) {
      await page.goto(path);
      const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      console.log('DUMP', name, locale, 'violations', r.violations.map((v) => `${v.id}/${v.impact}:${v.nodes.length}`).join(' '), '| incomplete', r.incomplete.map((v) => `${v.id}:${v.nodes.length} ${v.nodes.slice(0, 6).map((n) => n.target.join(' ') + ' ' + (n.any[0]?.message ?? '')).join(' || ')}`).join(' ## '));
      await page.screenshot({ path: `/tmp/kpay-shots/${name}-${locale}.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: `/tmp/kpay-shots/${name}-${locale}-desktop.png`, fullPage: true });
      await page.setViewportSize({ width: 412, height: 915 });
    }
  }
});
