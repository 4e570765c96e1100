import { expect, test } from '@playwright/test';

// Through the real server: Next itself would answer these with its HTML 404 page or an empty 405.

test('an unknown path under /api answers 404 in the error shape, whatever the method', async ({ request }) => {
  for (const res of [await request.get('/api/nope'), await request.post('/api/nope/deeper', { data: {} }), await request.get('/api')]) {
    expect(res.status(), res.url()).toBe(404);
    expect(res.headers()['content-type']).toContain('application/json');
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  }
});

test('a method a route does not serve answers 405 in the error shape with an Allow header', async ({ request }) => {
  const cases = [
    { res: await request.delete(`/api/transactions/check/${'A'.repeat(24)}`), allow: 'GET, HEAD, OPTIONS' },
    { res: await request.put('/api/auth/login', { data: { username: '09120000000', password: 'x' } }), allow: 'POST, OPTIONS' },
    { res: await request.post('/api/openapi.json'), allow: 'GET, HEAD, OPTIONS' },
  ];
  for (const { res, allow } of cases) {
    expect(res.status(), res.url()).toBe(405);
    expect(res.headers()['allow']).toBe(allow);
    expect(res.headers()['content-type']).toContain('application/json');
    expect(await res.json()).toEqual({ error: { code: 'method_not_allowed', message: expect.any(String) } });
  }
  // OPTIONS names the same methods.
  const options = await request.fetch('/api/auth/login', { method: 'OPTIONS' });
  expect(options.status()).toBe(204);
  expect(options.headers()['allow']).toBe('POST, OPTIONS');
});
