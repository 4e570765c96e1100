import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { smsSenders } from '@/db/schema';

export type SenderTrust = 'trusted' | 'blocked' | 'unknown';

/** What the merchant said about this sender on this phone; a sender nobody said anything about is 'unknown'. */
export async function senderTrustOf(db: Executor, deviceId: string, normalizedSender: string): Promise<SenderTrust> {
  const [row] = await db
    .select({ trust: smsSenders.trust })
    .from(smsSenders)
    .where(and(eq(smsSenders.deviceId, deviceId), eq(smsSenders.sender, normalizedSender)))
    .limit(1);
  return row?.trust ?? 'unknown';
}
