import { refreshTokens } from '@/db/schema';
import type { Executor } from '@/db/client';
import { config } from '@/lib/config/config';
import { signAccessToken } from './access-token';
import type { TokenPair } from './schemas';
import { generateSecretToken, hashSecretToken } from './secret-token';

/** A new access token and refresh token for a live session; the refresh token is stored only as its hash. */
export async function issueTokens(db: Executor, userId: string, sessionId: string): Promise<TokenPair> {
  const { refreshTokenTtlDays, accessTokenTtlSeconds } = config();
  const refreshToken = generateSecretToken('kpay_rt_');
  await db.insert(refreshTokens).values({
    sessionId,
    tokenHash: hashSecretToken(refreshToken),
    expiresAt: new Date(Date.now() + refreshTokenTtlDays * 86_400_000),
  });
  return {
    access_token: await signAccessToken({ userId, sessionId }),
    refresh_token: refreshToken,
    token_type: 'bearer',
    expires_in: accessTokenTtlSeconds,
  };
}
