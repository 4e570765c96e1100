import { and, eq, gt, isNull } from 'drizzle-orm';
import { database, type Transaction } from '@/db/client';
import { refreshTokens, sessions } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/observability/logger';
import { issueTokens } from './issue-tokens';
import type { TokenPair } from './schemas';
import { hashSecretToken } from './secret-token';

const invalid = () => new AppError('unauthorized', 'Invalid or expired refresh token');

/**
 * Rotates a refresh token: the presented one is spent by a conditional update and a new pair is issued in the same
 * transaction. Presenting a spent token means it was copied (by a thief or a buggy client): the whole session ends.
 */
export async function refreshSession(refreshToken: string): Promise<TokenPair> {
  const db = await database();
  const tokenHash = hashSecretToken(refreshToken);
  const outcome = await db.transaction(async (tx) => {
    const [spent] = await tx
      .update(refreshTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(refreshTokens.tokenHash, tokenHash), isNull(refreshTokens.usedAt), gt(refreshTokens.expiresAt, new Date())))
      .returning({ sessionId: refreshTokens.sessionId });
    if (!spent) return { reusedSessionId: await spentTokenSession(tx, tokenHash) };
    const [session] = await tx
      .select({ userId: sessions.userId })
      .from(sessions)
      .where(and(eq(sessions.id, spent.sessionId), isNull(sessions.revokedAt)))
      .limit(1);
    // A revoked session's tokens stay dead; throwing rolls the spend back, which changes nothing for a dead session.
    if (!session) throw invalid();
    return { tokens: await issueTokens(tx, session.userId, spent.sessionId) };
  });
  if (outcome.tokens) return outcome.tokens;
  if (outcome.reusedSessionId) {
    await revokeSession(outcome.reusedSessionId);
    logger.warn({ sessionId: outcome.reusedSessionId }, 'refresh token reused: session revoked');
  }
  throw invalid();
}

async function spentTokenSession(tx: Transaction, tokenHash: string) {
  const [row] = await tx
    .select({ sessionId: refreshTokens.sessionId, usedAt: refreshTokens.usedAt })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, tokenHash))
    .limit(1);
  return row?.usedAt ? row.sessionId : undefined;
}

/** Ends a session: its refresh tokens stop rotating and its access tokens stop authenticating. */
export async function revokeSession(sessionId: string): Promise<void> {
  const db = await database();
  await db.update(sessions).set({ revokedAt: new Date() }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}
