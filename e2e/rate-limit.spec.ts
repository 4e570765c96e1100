import { expect, test } from '@playwright/test';
import auth from '../messages/fa/auth.json';

test('a client cannot escape the per-address login limit by sending its own X-Forwarded-For', async ({ request }) => {
  const statuses: number[] = [];
  for (let i = 0; i < 32 && !statuses.includes(429); i++) {
    const res = await request.post('/api/auth/login', {
      headers: { 'X-Forwarded-For': `203.0.113.${i}` },
      data: { username: `0912${String(1000000 + i)}`, password: 'wrong-password' },
    });
    statuses.push(res.status());
    if (res.status() === 429) expect(Number(res.headers()['retry-after'])).toBeGreaterThan(0);
  }
  expect(statuses[0]).toBe(401);
  expect(statuses.at(-1)).toBe(429);
});

test('the dashboard sign-in shares the per-address limit and says so on the form', async ({ page }) => {
  // Use up the browser's own address's attempts through the API (the browser may reach localhost over IPv6 while the
  // test above used IPv4); the dashboard counts against the same limit.
  await page.goto('/login');
  const statuses = await page.evaluate(async () => {
    const seen: number[] = [];
    for (let i = 0; i < 32 && !seen.includes(429); i++) {
      const res = await fetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: `0913${1000000 + i}`, password: 'wrong-password' }) });
      seen.push(res.status);
    }
    return seen;
  });
  expect(statuses.at(-1)).toBe(429);
  await page.getByLabel(auth.mobile).fill('09121234567');
  await page.getByLabel(auth.password).fill('whatever-password');
  await page.getByRole('main').getByRole('button', { name: auth.signIn }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(auth.rateLimited);
});
