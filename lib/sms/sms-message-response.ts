import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { type smsMessages, transactions } from '@/db/schema';
import type { SmsMessageResponse } from './schemas';

export async function toSmsMessageResponse(db: Executor, m: typeof smsMessages.$inferSelect): Promise<SmsMessageResponse> {
  const authority = m.transactionId
    ? (await db.select({ authority: transactions.authority }).from(transactions).where(eq(transactions.id, m.transactionId)))[0]?.authority
    : undefined;
  return toResponseWithAuthority(m, authority ?? null);
}

export function toResponseWithAuthority(m: typeof smsMessages.$inferSelect, authority: string | null): SmsMessageResponse {
  return {
    id: m.id,
    device_id: m.deviceId,
    sender: m.sender,
    text: m.body,
    received_at: m.receivedAt.toISOString(),
    kind: m.kind,
    bank_code: m.bankCode,
    amount: m.amount,
    match_status: m.matchStatus,
    transaction_id: m.transactionId,
    transaction_authority: authority,
    created_at: m.createdAt.toISOString(),
  };
}
