import { and, desc, eq, lte, notExists, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { database, type Executor, type Transaction } from '@/db/client';
import { smsMessages, transactions } from '@/db/schema';
import { AppError, notFound } from '@/lib/errors';
import { type Principal, requireUser } from '@/lib/auth/principal';
import { toAsciiDigits } from '@/lib/banking/digits';
import type { TransactionResponse } from '@/lib/transactions/schemas';
import { effectiveStatus, isPaid, statusInSql } from '@/lib/transactions/status';
import { actorOf, toTransactionResponse, visibleTransactions } from '@/lib/transactions/transaction-access';
import { depositOnTime, hasDepositSms, markPaidByDeposit } from './match-deposit';
import type { SmsMessageResponse } from './schemas';
import { toSmsMessageResponse } from './sms-message-response';

export const matchSmsInput = z.strictObject({
  sms_id: z.uuid(),
  transaction_id: z.uuid().optional().describe('The transaction this deposit paid (or give its authority); a paid-late SMS already names one'),
  authority: z.string().trim().min(1).max(64).optional(),
  accept_amount_difference: z
    .boolean()
    .default(false)
    .describe('Mark it paid although the deposit is not exactly its final_amount (recorded in the event)'),
});

export const smsMatchCandidatesQuery = z.object({
  sms_id: z.uuid(),
  search: z.string().trim().max(100).optional().describe('An authority or factor number'),
});

type SmsRow = typeof smsMessages.$inferSelect;
type TransactionRow = typeof transactions.$inferSelect;

/** How many candidates the merchant is offered; a search finds any other. */
const CANDIDATE_LIMIT = 10;

/**
 * Any SMS that paid nothing yet can be matched by hand, whatever KPay made of it (a parser can be wrong; the merchant
 * reads the text): unmatched, needs review, possible duplicate, ignored, or paid late onto an expired transaction.
 */
function assertMatchable(sms: SmsRow): void {
  if (sms.matchStatus === 'matched') {
    throw new AppError('invalid_state', 'This SMS is already matched', { match_status: sms.matchStatus });
  }
}

/** The owner's SMS (the inbox is the account's, not a shop's: a shop API key is refused here, before anything else). */
async function findSms(tx: Executor, principal: Principal, smsId: string, lock: boolean): Promise<SmsRow> {
  const { userId } = requireUser(principal);
  const query = tx
    .select()
    .from(smsMessages)
    .where(and(eq(smsMessages.id, smsId), eq(smsMessages.userId, userId)))
    .limit(1);
  const [sms] = lock ? await query.for('update') : await query;
  if (!sms) throw notFound('SMS');
  return sms;
}

async function findTransaction(tx: Executor, principal: Principal, by: { id?: string; authority?: string }): Promise<TransactionRow> {
  const [row] = await tx
    .select()
    .from(transactions)
    .where(
      and(
        visibleTransactions(principal),
        by.id ? eq(transactions.id, by.id) : undefined,
        by.authority ? eq(transactions.authority, by.authority) : undefined,
      ),
    )
    .limit(1);
  if (!row) throw notFound('Transaction');
  return row;
}

/** The transaction a match is about: the one a paid-late SMS already names, or the one the merchant chose. */
async function targetOf(tx: Transaction, principal: Principal, sms: SmsRow, input: z.output<typeof matchSmsInput>): Promise<TransactionRow> {
  if (sms.matchStatus === 'paid_late') {
    const linked = await findTransaction(tx, principal, { id: sms.transactionId! });
    if ((input.transaction_id && input.transaction_id !== linked.id) || (input.authority && input.authority !== linked.authority)) {
      throw new AppError('invalid_state', 'This deposit is kept as paid late for another transaction; resolve it there', {
        transaction_id: linked.id,
      });
    }
    return linked;
  }
  if (!input.transaction_id && !input.authority) {
    throw new AppError('validation_failed', 'Name the transaction this deposit paid', { transaction_id: 'Pick a transaction' });
  }
  return findTransaction(tx, principal, { id: input.transaction_id, authority: input.authority });
}

/**
 * The merchant says which transaction a deposit SMS paid: an unmatched deposit onto a pending or expired transaction,
 * or a paid-late deposit onto the expired transaction it already names. The transaction becomes paid exactly as an
 * automatic match makes it (same transition, event with sms_id, transaction.paid webhook; paid_late when it had
 * expired; actor: the merchant) and the SMS becomes matched, in one database transaction. The SMS row is locked and
 * updated on the condition that its match status is still the one read, and the transaction moves by a conditional
 * update, so of two concurrent matches of one SMS, or of two SMS onto one transaction, exactly one wins.
 *
 * Refused: not a deposit or already matched (409 invalid_state); a transaction that is not pending or expired, already
 * named by another deposit, or created after the deposit reached KPay (409 invalid_state); a deposit that is not exactly the
 * transaction's final_amount, unless `accept_amount_difference` (409 amount_mismatch). Another merchant's SMS or
 * transaction is 404.
 */
export async function matchSmsToTransaction(
  principal: Principal,
  input: z.output<typeof matchSmsInput>,
): Promise<{ sms: SmsMessageResponse; transaction: TransactionResponse }> {
  const db = await database();
  return db.transaction(async (tx) => {
    // Locked first: a second match of the same SMS waits here, then finds it matched.
    const sms = await findSms(tx, principal, input.sms_id, true);
    assertMatchable(sms);
    const target = await targetOf(tx, principal, sms, input);
    const status = effectiveStatus(target);

    let paid: TransactionRow;
    if (sms.matchStatus === 'paid_late' && isPaid(status)) {
      // The merchant confirmed it by hand meanwhile: this deposit is that payment (unless another already is).
      if (await hasDepositSms(tx, target.id, sms.id)) {
        throw new AppError('invalid_state', 'Another deposit SMS already paid this transaction', { status });
      }
      paid = target;
    } else {
      if (status !== 'pending' && status !== 'expired') {
        throw new AppError('invalid_state', `Transaction is ${status}; a deposit cannot pay it`, { status });
      }
      if (sms.matchStatus !== 'paid_late' && (await hasDepositSms(tx, target.id))) {
        throw new AppError('invalid_state', 'Another deposit SMS already names this transaction; resolve that one', { status });
      }
      // By KPay's clock, not the phone's: a deposit that reached KPay before the buyer could see the amount is not its payment.
      if (sms.createdAt.getTime() < target.createdAt.getTime()) {
        throw new AppError('invalid_state', 'This deposit arrived before the transaction was created', {
          created_at: sms.createdAt.toISOString(),
        });
      }
      const differs = sms.amount !== target.finalAmount;
      if (differs && !input.accept_amount_difference) {
        throw new AppError('amount_mismatch', `The deposit is ${sms.amount ?? 'unreadable'}; the transaction asks for ${target.finalAmount} Rials`, {
          amount: String(sms.amount ?? ''),
          final_amount: String(target.finalAmount),
        });
      }
      // A phone stamp before the transaction existed is a wrong clock (often why it did not match): not a payment time.
      const paidAt = sms.receivedAt < target.createdAt ? sms.createdAt : sms.receivedAt;
      const result = await markPaidByDeposit(tx, {
        where: visibleTransactions(principal, target.id),
        deposit: { smsId: sms.id, paidAt },
        actor: actorOf(principal),
        paidLate: () => !depositOnTime(paidAt, target),
        data: differs ? { accepted_amount_difference: true, sms_amount: sms.amount } : undefined,
      });
      if (!result.ok) {
        // Lost a race (another deposit or the merchant's confirm got there first): nothing is written.
        throw new AppError('invalid_state', `Transaction is ${result.from}; a deposit cannot pay it`, { status: result.from ?? status });
      }
      paid = result.row;
    }

    const [stored] = await tx
      .update(smsMessages)
      .set({ matchStatus: 'matched', transactionId: paid.id, reviewReason: null })
      .where(and(eq(smsMessages.id, sms.id), eq(smsMessages.matchStatus, sms.matchStatus)))
      .returning();
    if (!stored) throw new AppError('invalid_state', 'This SMS is already matched', { match_status: 'matched' });
    return { sms: await toSmsMessageResponse(tx, stored), transaction: toTransactionResponse(paid) };
  });
}

/**
 * The transactions a deposit SMS may be matched to, best first: for a paid-late SMS the one it names; otherwise the
 * merchant's pending and expired transactions that no deposit names yet and that existed when it reached KPay, those
 * asking for exactly its amount first, then newest. `search` narrows them to an authority or factor number.
 */
export async function listSmsMatchCandidates(
  principal: Principal,
  query: z.output<typeof smsMatchCandidatesQuery>,
): Promise<TransactionResponse[]> {
  const db = await database();
  const sms = await findSms(db, principal, query.sms_id, false);
  assertMatchable(sms);
  if (sms.matchStatus === 'paid_late') return [toTransactionResponse(await findTransaction(db, principal, { id: sms.transactionId! }))];

  const search = query.search ? toAsciiDigits(query.search) : undefined;
  const rows = await db
    .select()
    .from(transactions)
    .where(
      and(
        visibleTransactions(principal),
        statusInSql(['pending', 'expired']),
        lte(transactions.createdAt, sms.createdAt),
        notExists(db.select({ id: smsMessages.id }).from(smsMessages).where(eq(smsMessages.transactionId, transactions.id))),
        search ? or(eq(transactions.authority, search), eq(transactions.factorNumber, search)) : undefined,
      ),
    )
    .orderBy(
      sql`case when ${transactions.finalAmount} = ${sms.amount ?? -1} then 0 else 1 end`,
      desc(transactions.createdAt),
      desc(transactions.id),
    )
    .limit(CANDIDATE_LIMIT);
  return rows.map((row) => toTransactionResponse(row));
}
