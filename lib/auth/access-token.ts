import 'server-only';
import { jwtVerify, SignJWT } from 'jose';
import { config } from '@/lib/config/config';

const ISSUER = 'kpay';
const AUDIENCE = 'kpay-api';
const key = () => new TextEncoder().encode(config().jwtSecret);

export interface AccessClaims {
  userId: string;
  /** The session (sign-in) this token belongs to; revoking the session ends the token. */
  sessionId: string;
}

export async function signAccessToken({ userId, sessionId }: AccessClaims): Promise<string> {
  // One clock reading for both: two would straddle a second now and then, and the lifetime would read one longer.
  const issuedAt = Math.floor(Date.now() / 1000);
  return new SignJWT({ sid: sessionId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + config().accessTokenTtlSeconds)
    .sign(key());
}

/** The claims of a valid, unexpired token; null for anything else (bad signature, expired, malformed). */
export async function verifyAccessToken(token: string): Promise<AccessClaims | null> {
  try {
    const { payload } = await jwtVerify(token, key(), { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return null;
    return { userId: payload.sub, sessionId: payload.sid };
  } catch {
    return null;
  }
}
