import { and, eq, isNull } from 'drizzle-orm';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { database } from '@/db/client';
import { sessions, users } from '@/db/schema';
import type { UserPrincipal } from '@/lib/auth/principal';
import { auth } from '@/lib/auth/dashboard-auth';

export interface Merchant {
  principal: UserPrincipal;
  name: string;
  mobile: string;
  merchantId: string;
}

/**
 * The signed-in merchant, or undefined. The Auth.js cookie names a row in `sessions`; one indexed read proves that
 * session is still live, so signing out (or a revoked session) ends access at once, as it does for API tokens.
 * Cached per request: the layout and the page share one read.
 */
export const findCurrentMerchant = cache(async (): Promise<Merchant | undefined> => {
  const session = (await auth()) as { userId?: string; sessionId?: string } | null;
  if (!session?.userId || !session.sessionId) return undefined;
  const db = await database();
  const [row] = await db
    .select({ name: users.name, mobile: users.mobile, merchantId: users.merchantId })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, session.sessionId), eq(sessions.userId, session.userId), isNull(sessions.revokedAt)))
    .limit(1);
  if (!row) return undefined;
  return { principal: { kind: 'user', userId: session.userId, sessionId: session.sessionId }, ...row };
});

/** Every dashboard page and action starts here: the merchant, or a redirect to the sign-in page. */
export async function currentMerchant(): Promise<Merchant> {
  const merchant = await findCurrentMerchant();
  if (!merchant) redirect('/login');
  return merchant;
}
