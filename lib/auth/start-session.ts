import { sessions } from '@/db/schema';
import type { Executor } from '@/db/client';
import { issueTokens } from './issue-tokens';
import type { TokenPair } from './schemas';

export async function startSession(db: Executor, userId: string): Promise<TokenPair> {
  const [session] = await db.insert(sessions).values({ userId }).returning({ id: sessions.id });
  return issueTokens(db, userId, session!.id);
}
