import { and, count, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { database } from '@/db/client';
import { paginate } from '@/lib/api/pagination';
import { smsMessages, transactions } from '@/db/schema';
import { type Principal, requireUser } from '@/lib/auth/principal';
import type { listSmsMessagesQuery, smsMessageListResponse } from './schemas';
import { senderTrustsOf, toResponseWithAuthority } from './sms-message-response';

/** The merchant's SMS inbox, newest first; unmatched and paid-late deposits are found with match_status. */
export async function listSmsMessages(
  principal: Principal,
  query: z.output<typeof listSmsMessagesQuery>,
): Promise<z.infer<typeof smsMessageListResponse>> {
  const { userId } = requireUser(principal);
  const db = await database();
  const where = and(
    eq(smsMessages.userId, userId),
    query.match_status ? eq(smsMessages.matchStatus, query.match_status) : undefined,
    query.kind ? eq(smsMessages.kind, query.kind) : undefined,
  );
  const { rows, ...page } = await paginate(
    query,
    (limit, offset) =>
      db
        .select({ message: smsMessages, authority: transactions.authority })
        .from(smsMessages)
        .leftJoin(transactions, eq(transactions.id, smsMessages.transactionId))
        .where(where)
        .orderBy(desc(smsMessages.createdAt), desc(smsMessages.id))
        .limit(limit)
        .offset(offset),
    () => db.select({ n: count() }).from(smsMessages).where(where),
  );
  const trustOf = await senderTrustsOf(db, userId);
  return { messages: rows.map((r) => toResponseWithAuthority(r.message, r.authority, trustOf(r.message))), ...page };
}
