import type { Transaction } from '@/db/client';
import { transactionEvents, transactions } from '@/db/schema';
import { defineBinding } from '@/lib/state/binding';
import { mark, type MarkArgs, transition, type TransitionArgs, type TransitionResult as StateTransitionResult } from '@/lib/state/transition';
import { amountHeldUntilSql } from './held-amounts';
import { transactionMachine } from './status';
import { toTransactionResponse } from './transaction-access';
import type { TransactionStatus } from './transaction-statuses';

type Row = typeof transactions.$inferSelect;
type Actor = (typeof transactionEvents.$inferInsert)['actor'];
type Columns = Partial<typeof transactions.$inferInsert>;

/** The states in which the buyer's window is closed without a payment: entering one stamps closed_at. */
const CLOSED: readonly TransactionStatus[] = ['expired', 'cancelled', 'failed'];

/** Where a card transaction's changes are written: the transactions row, transaction_events, the transaction.* webhooks. */
export const transactionStates = defineBinding<typeof transactions, typeof transactionEvents, TransactionStatus, Actor>({
  table: transactions,
  events: transactionEvents,
  event: (e) => ({
    transactionId: e.subjectId,
    type: e.type,
    fromStatus: e.from,
    toStatus: e.to,
    actor: e.actor,
    data: e.data,
    createdAt: e.at,
  }),
  clockActor: 'system',
  columns: ({ stored, to, now }) => ({
    updatedAt: now,
    // Leaving pending starts the lookback during which a late deposit may still name this final_amount.
    ...(stored === 'pending' && to !== 'pending' ? { amountHeldUntil: amountHeldUntilSql(now) } : {}),
    ...(to !== stored && CLOSED.includes(to) ? { closedAt: now } : {}),
  }),
  webhook: (row, now) => ({ userId: row.userId, shopId: row.shopId, object: toTransactionResponse(row, now) }),
});

export type TransitionResult = StateTransitionResult<Row, TransactionStatus>;

/** A card transaction's state change: lib/state's transition() with the card machine and binding. */
export const transitionTransaction = (tx: Transaction, args: TransitionArgs<Row, TransactionStatus, Actor, Columns>): Promise<TransitionResult> =>
  transition(tx, transactionMachine, transactionStates, args);

/** A flag beside a card transaction's status (paid_late): lib/state's mark() with the card machine and binding. */
export const markTransaction = (tx: Transaction, args: MarkArgs<TransactionStatus, Actor, Columns>): Promise<TransitionResult> =>
  mark(tx, transactionMachine, transactionStates, args);
