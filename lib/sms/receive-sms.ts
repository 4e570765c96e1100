import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { database } from '@/db/client';
import { smsDevices, smsMessages } from '@/db/schema';
import type { DevicePrincipal } from '@/lib/auth/principal';
import { normalizeSmsText } from '@/lib/banking/sms/normalize-sms-text';
import { parseBankSms } from '@/lib/banking/sms/parse-bank-sms';
import { classifySmsSender } from '@/lib/banking/sms/sms-sender';
import { config } from '@/lib/config/config';
import { applyDeposit } from './match-deposit';
import { receivedAtOf } from './received-at';
import type { inboundSmsInput, inboundSmsResponse } from './schemas';
import { toSmsMessageResponse } from './sms-message-response';

type Input = z.output<typeof inboundSmsInput>;


const sha256 = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex');

/**
 * Stores a forwarded SMS once, parses it, and lets applyDeposit decide what a deposit pays. A retry of the same SMS
 * (same phone, sender, text and stamp) answers the stored one with `duplicate: true`; the same text again within the
 * SMS lookback without that proof is stored with duplicate_of_id and pays nothing by itself. Nothing is ever dropped.
 */
export async function receiveSms(device: DevicePrincipal, input: Input): Promise<z.infer<typeof inboundSmsResponse>> {
  const db = await database();
  const now = new Date();
  // sentStamp first: the network's time of the SMS is the same in every retry, where receivedStamp may not be.
  const stamp = receivedAtOf([input.sentStamp, input.receivedStamp, input.received_at], now, config().sms.lookbackMs);
  const parsed = parseBankSms({ sender: input.from, text: input.text });
  const sender = classifySmsSender(input.from).normalized;
  const contentKey = sha256(device.deviceId, sender, normalizeSmsText(input.text));
  // Without a stamp nothing proves a repeat is the same SMS: each gets its own key and the window decides.
  const dedupeKey = sha256(contentKey, stamp.key || `unstamped:${randomUUID()}`);

  return db.transaction(async (tx) => {
    // Identical SMS are handled one at a time, so a retry racing the original sees it.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${contentKey}, 0))`);
    await tx.update(smsDevices).set({ lastSeenAt: now }).where(eq(smsDevices.id, device.deviceId));
    const [retried] = await tx
      .select()
      .from(smsMessages)
      .where(and(eq(smsMessages.userId, device.userId), eq(smsMessages.dedupeKey, dedupeKey)))
      .limit(1);
    if (retried) return { ...(await toSmsMessageResponse(tx, retried)), duplicate: true };

    const [earlier] =
      parsed.kind === 'deposit'
        ? await tx
            .select({ id: smsMessages.id })
            .from(smsMessages)
            .where(
              and(
                eq(smsMessages.userId, device.userId),
                eq(smsMessages.contentKey, contentKey),
                // Within the lookback, the same words without the same stamp may be a late forwarder retry or a second
                // real deposit: bank SMS carry the minute and the balance, so real twins are rare, and they are kept.
                gte(smsMessages.createdAt, new Date(now.getTime() - config().sms.lookbackMs)),
              ),
            )
            .orderBy(asc(smsMessages.createdAt))
            .limit(1)
        : [];
    const [message] = await tx
      .insert(smsMessages)
      .values({
        userId: device.userId,
        deviceId: device.deviceId,
        sender: input.from,
        body: input.text,
        receivedAt: stamp.receivedAt,
        stampAdjusted: stamp.adjusted,
        dedupeKey,
        contentKey,
        duplicateOfId: earlier?.id ?? null,
        kind: parsed.kind,
        format: parsed.format,
        bankCode: parsed.bankCode,
        amount: parsed.amount,
        amountUnitGuessed: parsed.amountUnitGuessed,
        destination: parsed.account,
        matchStatus: parsed.kind === 'deposit' ? 'unmatched' : 'ignored',
        createdAt: now,
      })
      .returning();
    if (message!.matchStatus !== 'unmatched') return { ...(await toSmsMessageResponse(tx, message!)), duplicate: false };

    const decided = await applyDeposit(tx, message!);
    const [stored] = await tx
      .update(smsMessages)
      .set({ matchStatus: decided.matchStatus, transactionId: decided.transactionId, reviewReason: decided.reviewReason })
      .where(eq(smsMessages.id, message!.id))
      .returning();
    return { ...(await toSmsMessageResponse(tx, stored!)), duplicate: false };
  });
}
