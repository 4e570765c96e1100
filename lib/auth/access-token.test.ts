import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { signAccessToken, verifyAccessToken } from './access-token';

const claims = { userId: '3f2b1c9e-0000-4000-8000-000000000001', sessionId: '3f2b1c9e-0000-4000-8000-000000000002' };

describe('access tokens', () => {
  it('round-trips the claims and expires after the configured lifetime', async () => {
    const token = await signAccessToken(claims);
    expect(await verifyAccessToken(token)).toEqual(claims);
    const [, payload] = token.split('.');
    const { exp, iat } = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    expect(exp - iat).toBe(900);
  });

  it('rejects a tampered, foreign-key, expired or alg=none token', async () => {
    const token = await signAccessToken(claims);
    expect(await verifyAccessToken(token.slice(0, -2) + (token.endsWith('A') ? 'BB' : 'AA'))).toBeNull();
    const foreign = await new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256' }).setSubject(claims.userId).setIssuer('kpay').setAudience('kpay-api')
      .setExpirationTime('5m').sign(new TextEncoder().encode('another-secret-another-secret-another'));
    expect(await verifyAccessToken(foreign)).toBeNull();
    const expired = await new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256' }).setSubject(claims.userId).setIssuer('kpay').setAudience('kpay-api')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600).setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(process.env.KPAY_JWT_SECRET));
    expect(await verifyAccessToken(expired)).toBeNull();
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${token.split('.')[1]}.`;
    expect(await verifyAccessToken(none)).toBeNull();
    expect(await verifyAccessToken('garbage')).toBeNull();
  });
});
