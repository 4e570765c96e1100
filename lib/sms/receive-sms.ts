import { createHash } from 'node:crypto';
import { and, desc, eq, gte, lte, ne, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { database, type Transaction } from '@/db/client';
import { smsDevices, smsMessages, type TransactionStatus, transactionEvents, transactions } from '@/db/schema';
import type { DevicePrincipal } from '@/lib/auth/principal';
import { parseBankSms } from '@/lib/banking/sms/parse-bank-sms';
import { expireDueTransactions } from '@/lib/transactions/expire-due-transactions';
import { type TransitionResult, transitionTransaction } from '@/lib/transactions/transition-transaction';
import { receivedAtOf } from './received-at';
import type { inboundSmsInput, inboundSmsResponse } from './schemas';
import { toSmsMessageResponse } from './sms-message-response';

type Input = z.output<typeof inboundSmsInput>;
type MatchStatus = (typeof smsMessages.$inferSelect)['matchStatus'];

/** Bank SMS reach the phone a little after the transfer; a deposit this late after expiry still counts as on time. */
const ON_TIME_GRACE_MS = 2 * 60_000;
/** How far back a deposit may name a transaction (a late deposit for yesterday's payment is still shown). */
const LOOKBACK_MS = 24 * 60 * 60_000;
/** Phone and server clocks differ a little. */
const CLOCK_SKEW_MS = 60_000;

/**
 * Stores a forwarded SMS once (forwarders retry), parses it, and when it is a deposit matches it to the merchant's
 * transaction with exactly that final_amount: pending and on time -> paid; after expiry -> kept as paid late;
 * nothing -> kept unmatched. Nothing is ever dropped.
 */
export async function receiveSms(device: DevicePrincipal, input: Input): Promise<z.infer<typeof inboundSmsResponse>> {
  const db = await database();
  const receivedAt = receivedAtOf([input.receivedStamp, input.received_at, input.sentStamp]);
  const parsed = parseBankSms({ sender: input.from, text: input.text });
  const stampKey = String(input.receivedStamp ?? input.received_at ?? input.sentStamp ?? '');
  const dedupeKey = createHash('sha256').update(`${input.from}\u0000${input.text}\u0000${stampKey}`).digest('hex');

  return db.transaction(async (tx) => {
    await tx.update(smsDevices).set({ lastSeenAt: new Date() }).where(eq(smsDevices.id, device.deviceId));
    const [message] = await tx
      .insert(smsMessages)
      .values({
        userId: device.userId,
        deviceId: device.deviceId,
        sender: input.from,
        body: input.text,
        receivedAt,
        dedupeKey,
        kind: parsed.kind,
        format: parsed.format,
        bankCode: parsed.bankCode,
        amount: parsed.amount,
        matchStatus: parsed.kind === 'deposit' ? 'unmatched' : 'ignored',
      })
      .onConflictDoNothing({ target: [smsMessages.userId, smsMessages.dedupeKey] })
      .returning();
    if (!message) {
      const [existing] = await tx
        .select()
        .from(smsMessages)
        .where(and(eq(smsMessages.userId, device.userId), eq(smsMessages.dedupeKey, dedupeKey)));
      return { ...(await toSmsMessageResponse(tx, existing!)), duplicate: true };
    }
    if (message.kind !== 'deposit' || message.amount === null) {
      return { ...(await toSmsMessageResponse(tx, message)), duplicate: false };
    }

    const match = await matchDeposit(tx, { userId: device.userId, amount: message.amount, receivedAt, smsId: message.id });
    const [stored] = await tx
      .update(smsMessages)
      .set({ matchStatus: match.status, transactionId: match.transactionId })
      .where(eq(smsMessages.id, message.id))
      .returning();
    return { ...(await toSmsMessageResponse(tx, stored!)), duplicate: false };
  });
}

async function matchDeposit(
  tx: Transaction,
  deposit: { userId: string; amount: number; receivedAt: Date; smsId: string },
): Promise<{ status: MatchStatus; transactionId: string | null }> {
  const at = deposit.receivedAt.getTime();
  const candidates = await tx
    .select()
    .from(transactions)
    .where(
      and(
        eq(transactions.userId, deposit.userId),
        eq(transactions.finalAmount, deposit.amount),
        gte(transactions.createdAt, new Date(at - LOOKBACK_MS)),
        lte(transactions.createdAt, new Date(at + CLOCK_SKEW_MS)),
      ),
    )
    .orderBy(desc(transactions.createdAt))
    .limit(10);
  // 1. The pending one (the partial unique index allows at most one per amount).
  const pending = candidates.find((c) => c.status === 'pending');
  if (pending && at <= pending.expiresAt.getTime() + ON_TIME_GRACE_MS) {
    const result = await markPaidByDeposit(tx, {
      where: eq(transactions.id, pending.id),
      deposit: { smsId: deposit.smsId, paidAt: deposit.receivedAt },
      actor: 'sms',
      paidLate: () => false,
    });
    // Won, or lost a race to the merchant confirming a moment earlier: either way this deposit is that payment.
    if (result.ok || result.row?.status === 'paid' || result.row?.status === 'verified') {
      return { status: 'matched', transactionId: pending.id };
    }
  } else if (pending) {
    // Money after the window: persist the expiry first, then it is handled as a late payment below.
    await expireDueTransactions(tx, deposit.userId);
    pending.status = 'expired';
  }

  // 2. The merchant already confirmed it by hand: the deposit confirms the confirmation, once.
  for (const c of candidates) {
    if ((c.status === 'paid' || c.status === 'verified') && c.paidVia === 'merchant' && !(await hasDepositSms(tx, c.id))) {
      return { status: 'matched', transactionId: c.id };
    }
  }

  // 3. It expired before the money came: keep it for the merchant to resolve.
  for (const c of candidates) {
    if (c.status === 'expired' && !(await hasDepositSms(tx, c.id))) {
      await tx.update(transactions).set({ paidLate: true, updatedAt: new Date() }).where(eq(transactions.id, c.id));
      await tx.insert(transactionEvents).values({
        transactionId: c.id,
        type: 'paid_late',
        actor: 'sms',
        data: { sms_id: deposit.smsId },
      });
      return { status: 'paid_late', transactionId: c.id };
    }
  }
  return { status: 'unmatched', transactionId: null };
}

/**
 * A deposit SMS pays a transaction: the same transition, event data (`sms_id`) and transaction.paid webhook whether
 * the matcher found the transaction or the merchant linked it by hand.
 */
export function markPaidByDeposit(
  tx: Transaction,
  args: {
    where: SQL;
    /** paidAt: when the money arrived, as the SMS tells. */
    deposit: { smsId: string; paidAt: Date };
    actor: 'sms' | 'merchant' | 'shop_api';
    paidLate: (from: TransactionStatus) => boolean;
    /** Recorded in the event beside sms_id. */
    data?: Record<string, unknown>;
  },
): Promise<TransitionResult> {
  return transitionTransaction(tx, {
    where: args.where,
    to: 'paid',
    actor: args.actor,
    data: { sms_id: args.deposit.smsId, ...args.data },
    set: (from) => ({ paidAt: args.deposit.paidAt, paidVia: 'sms', paidLate: args.paidLate(from) }),
  });
}

/** Whether a deposit SMS (other than `exceptSmsId`) already names this transaction, matched or paid late: one deposit per payment. */
export async function hasDepositSms(tx: Transaction, transactionId: string, exceptSmsId?: string): Promise<boolean> {
  const rows = await tx
    .select({ id: smsMessages.id })
    .from(smsMessages)
    .where(and(eq(smsMessages.transactionId, transactionId), exceptSmsId ? ne(smsMessages.id, exceptSmsId) : undefined))
    .limit(1);
  return rows.length > 0;
}
