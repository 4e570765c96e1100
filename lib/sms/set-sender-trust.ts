import { and, asc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { database } from '@/db/client';
import { smsDevices, smsMessages, smsSenders } from '@/db/schema';
import { AppError, notFound } from '@/lib/errors';
import { type Principal, requireUser } from '@/lib/auth/principal';
import { classifySmsSender } from '@/lib/banking/sms/sms-sender';
import { applyDeposit } from './match-deposit';
import type { ReviewReason } from './review-reasons';
import type { SmsMessageResponse, setSmsSenderTrustInput, smsSenderListResponse, smsSenderResponse } from './schemas';
import { toSmsMessageResponse } from './sms-message-response';

type SenderRow = typeof smsSenders.$inferSelect;

const toResponse = (s: SenderRow): z.infer<typeof smsSenderResponse> => ({
  id: s.id,
  device_id: s.deviceId,
  sender: s.sender,
  trust: s.trust,
  created_at: s.createdAt.toISOString(),
  updated_at: s.updatedAt.toISOString(),
});

/** Waiting deposits a trust or block decision settles: those held back only because nobody had judged the sender. */
const DECIDABLE: ReviewReason[] = ['untrusted_sender', 'blocked_sender'];

/**
 * The merchant trusts or blocks a sender on one of their phones. A person's mobile number can be neither trusted nor
 * matched automatically (anyone can text the merchant's phone), so trusting one is refused. Trusting with `apply`
 * runs the sender's waiting deposits on this phone through the same rules as a new SMS (oldest first), in the same
 * database transaction; blocking moves them to ignored. Either way they stay in the inbox and can be matched by hand.
 */
export async function setSenderTrust(
  principal: Principal,
  input: z.output<typeof setSmsSenderTrustInput>,
): Promise<{ sender: z.infer<typeof smsSenderResponse>; applied: SmsMessageResponse[] }> {
  const { userId } = requireUser(principal);
  const sender = classifySmsSender(input.sender);
  if (sender.kind === 'personal_mobile' && input.trust === 'trusted') {
    throw new AppError('validation_failed', 'Some fields are invalid', {
      sender: "A person's mobile number cannot be trusted: banks never send from one, and anyone can text your phone",
    });
  }
  const db = await database();
  return db.transaction(async (tx) => {
    const [device] = await tx
      .select({ id: smsDevices.id })
      .from(smsDevices)
      .where(and(eq(smsDevices.id, input.device_id), eq(smsDevices.userId, userId), isNull(smsDevices.revokedAt)));
    if (!device) throw notFound('Device');
    const now = new Date();
    const [row] = await tx
      .insert(smsSenders)
      .values({ userId, deviceId: device.id, sender: sender.normalized, trust: input.trust, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: [smsSenders.deviceId, smsSenders.sender], set: { trust: input.trust, updatedAt: now } })
      .returning();

    const applied: SmsMessageResponse[] = [];
    if (input.trust === 'blocked' || input.apply) {
      const waiting = await tx
        .select()
        .from(smsMessages)
        .where(and(eq(smsMessages.userId, userId), eq(smsMessages.deviceId, device.id), eq(smsMessages.kind, 'deposit')))
        .orderBy(asc(smsMessages.createdAt))
        .for('update');
      for (const sms of waiting) {
        const decidable = DECIDABLE.includes(sms.reviewReason as ReviewReason) && (sms.matchStatus === 'needs_review' || sms.matchStatus === 'ignored');
        if (!decidable || classifySmsSender(sms.sender).normalized !== sender.normalized) continue;
        const decided = await applyDeposit(tx, sms);
        const [stored] = await tx
          .update(smsMessages)
          .set({ matchStatus: decided.matchStatus, transactionId: decided.transactionId, reviewReason: decided.reviewReason })
          .where(and(eq(smsMessages.id, sms.id), eq(smsMessages.matchStatus, sms.matchStatus)))
          .returning();
        if (stored) applied.push(await toSmsMessageResponse(tx, stored));
      }
    }
    return { sender: toResponse(row!), applied };
  });
}

export async function listSmsSenders(principal: Principal): Promise<z.infer<typeof smsSenderListResponse>> {
  const { userId } = requireUser(principal);
  const db = await database();
  const rows = await db.select().from(smsSenders).where(eq(smsSenders.userId, userId)).orderBy(asc(smsSenders.createdAt));
  return { senders: rows.map(toResponse), total: rows.length };
}

/** Forgets what the merchant said: the sender's next deposits wait for review again. */
export async function forgetSmsSender(principal: Principal, id: string): Promise<void> {
  const { userId } = requireUser(principal);
  const db = await database();
  const [row] = await db
    .delete(smsSenders)
    .where(and(eq(smsSenders.id, id), eq(smsSenders.userId, userId)))
    .returning({ id: smsSenders.id });
  if (!row) throw notFound('Sender');
}
