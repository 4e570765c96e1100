import type { Transaction } from '@/db/client';
import { cryptoPaymentEvents, cryptoPayments } from '@/db/schema';
import { defineBinding } from '@/lib/state/binding';
import { transition, type TransitionArgs, type TransitionResult } from '@/lib/state/transition';
import type { CryptoPaymentStatus } from './crypto-payment-statuses';
import { toCryptoPaymentResponse } from './crypto-payment-view';
import { cryptoPaymentMachine } from './status';

type Row = typeof cryptoPayments.$inferSelect;
type Actor = (typeof cryptoPaymentEvents.$inferInsert)['actor'];
type Columns = Partial<typeof cryptoPayments.$inferInsert>;

/**
 * Where a crypto payment's changes are written: its row, crypto_payment_events, and the crypto_payment.* webhooks to
 * the shop's endpoints and to the payment's own webhook_url.
 */
export const cryptoPaymentStates = defineBinding<typeof cryptoPayments, typeof cryptoPaymentEvents, CryptoPaymentStatus, Actor>({
  table: cryptoPayments,
  events: cryptoPaymentEvents,
  event: (e) => ({ paymentId: e.subjectId, type: e.type, fromStatus: e.from, toStatus: e.to, actor: e.actor, data: e.data, createdAt: e.at }),
  clockActor: 'system',
  columns: ({ now }) => ({ updatedAt: now }),
  webhook: (row, now) => ({
    userId: row.userId,
    shopId: row.shopId,
    object: toCryptoPaymentResponse(row, now),
    url: row.webhookUrl ?? undefined,
  }),
});

/** A crypto payment's state change: lib/state's transition() with the crypto machine and binding. */
export const transitionCryptoPayment = (
  tx: Transaction,
  args: TransitionArgs<Row, CryptoPaymentStatus, Actor, Columns>,
): Promise<TransitionResult<Row, CryptoPaymentStatus>> => transition(tx, cryptoPaymentMachine, cryptoPaymentStates, args);
