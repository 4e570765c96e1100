import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers';

describe('securityHeaders', () => {
  const [rule] = securityHeaders({ dev: false });
  // As Next's router matches a header rule (server/lib/router-utils/filesystem.js, buildCustomRoute).
  const match = getPathMatch(rule!.source, { strict: true, removeUnnamedParams: true });

  it('matches every path with no params, so Next sends the values as written instead of compiling them per request', () => {
    for (const path of ['/', '/api/transactions/check/AAAAAAAAAAAAAAAAAAAAAAAA', '/api/nope', '/docs', '/metrics', '/_next/static/chunks/a.js', '/pay/x']) {
      expect(match(path), path).toEqual({});
    }
  });

  it('sends the strict policy and the other security headers', () => {
    const headers = Object.fromEntries(rule!.headers.map((h) => [h.key.toLowerCase(), h.value]));
    expect(headers['content-security-policy']).toContain("script-src 'self';");
    expect(headers['content-security-policy']).toContain(':'); // the reason the source must carry no named param
    expect(headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'same-origin' });
  });
});
