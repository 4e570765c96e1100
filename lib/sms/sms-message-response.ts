import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { type smsMessages, smsSenders, transactions } from '@/db/schema';
import { classifySmsSender } from '@/lib/banking/sms/sms-sender';
import type { SmsMessageResponse } from './schemas';
import { type SenderTrust, senderTrustOf } from './sender-trust';

type SmsRow = typeof smsMessages.$inferSelect;

/** What the merchant said about each sender on each of their phones, for answering a page of messages at once. */
export async function senderTrustsOf(db: Executor, userId: string): Promise<(m: SmsRow) => SenderTrust> {
  const rows = await db.select().from(smsSenders).where(eq(smsSenders.userId, userId));
  const trusts = new Map(rows.map((r) => [`${r.deviceId}\u0000${r.sender}`, r.trust]));
  return (m) => trusts.get(`${m.deviceId}\u0000${classifySmsSender(m.sender).normalized}`) ?? 'unknown';
}

export async function toSmsMessageResponse(db: Executor, m: SmsRow): Promise<SmsMessageResponse> {
  const authority = m.transactionId
    ? (await db.select({ authority: transactions.authority }).from(transactions).where(eq(transactions.id, m.transactionId)))[0]?.authority
    : undefined;
  return toResponseWithAuthority(m, authority ?? null, await senderTrustOf(db, m.deviceId, classifySmsSender(m.sender).normalized));
}

export function toResponseWithAuthority(m: SmsRow, authority: string | null, trust: SenderTrust): SmsMessageResponse {
  const sender = classifySmsSender(m.sender);
  return {
    id: m.id,
    device_id: m.deviceId,
    sender: m.sender,
    text: m.body,
    received_at: m.receivedAt.toISOString(),
    kind: m.kind,
    bank_code: m.bankCode,
    amount: m.amount,
    destination: m.destination,
    match_status: m.matchStatus,
    review_reason: m.reviewReason as SmsMessageResponse['review_reason'],
    sender_kind: sender.kind,
    sender_trust: trust,
    // Only a sender's own name suggests its bank: the text is written by whoever sent it, and a number (a short code
    // or a rented bulk line) names no bank, so it is shown without a suggestion.
    suggested_bank_code: sender.suggestedBankCode,
    stamp_adjusted: m.stampAdjusted,
    duplicate_of_id: m.duplicateOfId,
    transaction_id: m.transactionId,
    transaction_authority: authority,
    created_at: m.createdAt.toISOString(),
  };
}
