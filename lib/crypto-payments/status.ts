import type { SQL } from 'drizzle-orm';
import { cryptoPayments } from '@/db/schema';
import { defineMachine } from '@/lib/state/machine';
import { type SqlNow, stateInSql } from '@/lib/state/state-sql';
import type { WebhookEventType } from '@/lib/webhooks/webhook-event-types';
import type { CryptoPaymentStatus } from './crypto-payment-statuses';

/**
 * The crypto payment machine of DESIGN.md: created -> pending (seen, unconfirmed) -> confirming -> completed, or
 * expired / failed. The chain watcher (Step 8) drives the middle; this step stores created and the clock's expiry.
 * Moves back are a reorg: a deposit whose block left the best chain is rolled back and the payment with it. A deposit
 * after expiry still moves an expired payment on (flagged paid_late beside the status), because the money is there.
 * Failed (expired with too little, not topped up in time) stays failed; money arriving later is credited all the same.
 */
export const cryptoPaymentMachine = defineMachine<CryptoPaymentStatus, WebhookEventType, 'expiresAt'>({
  moves: {
    created: ['pending', 'confirming', 'completed', 'expired'],
    pending: ['confirming', 'completed', 'failed', 'created'],
    confirming: ['completed', 'pending', 'failed', 'created'],
    completed: ['confirming', 'pending'],
    expired: ['pending', 'confirming', 'completed', 'failed'],
    failed: [],
  },
  // Only a payment nothing has arrived for expires by the clock; one with a deposit on the way waits for the chain.
  deadline: { from: ['created'], at: 'expiresAt', reads: 'expired' },
  announces: {
    pending: 'crypto_payment.pending',
    confirming: 'crypto_payment.confirming',
    completed: 'crypto_payment.completed',
    expired: 'crypto_payment.expired',
    failed: 'crypto_payment.failed',
  },
});

/** The status every read shows: a created payment past its expiry reads expired before the sweep stores it. */
export const cryptoPaymentStatus = (row: { status: CryptoPaymentStatus; expiresAt: Date }, now = new Date()): CryptoPaymentStatus =>
  cryptoPaymentMachine.effective(row, now);

/** Payments whose status reads as one of `statuses` at `now`, as a WHERE condition. */
export const cryptoPaymentStatusInSql = (statuses: readonly CryptoPaymentStatus[], now: SqlNow = new Date()): SQL =>
  stateInSql(cryptoPaymentMachine, cryptoPayments, statuses, now);
