import { expect, test } from '@playwright/test';

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
