import type { CryptoPaymentStatus } from '@/lib/crypto-payments/crypto-payment-statuses';

/** The id of each state's heading: focus lands there when the state changes under a keyboard user. */
export const STATUS_HEADING_ID = 'crypto-status-heading';

/** The status fields the hosted page decides by (a subset of GET /gateway/payments/{id}'s public answer). */
export interface CryptoPaymentStateFields {
  status: CryptoPaymentStatus;
  confirmations: number;
  received_amount: string | null;
  underpaid: boolean;
  overpaid: boolean;
  paid_late: boolean;
  tx_hash: string | null;
}

/**
 * What the page shows:
 * - waiting: nothing arrived yet (created): amount, network warning, address, QR, countdown;
 * - topUp: less than asked arrived and the payment is still open: the same instructions for the rest;
 * - seen (pending) and confirming: the deposit and its confirmations x/y, no address (nobody should pay twice);
 * - completed, expired, failed: the outcome and the way back to the shop.
 */
export type CryptoPaymentView = 'waiting' | 'topUp' | 'seen' | 'confirming' | 'completed' | 'expired' | 'failed';

export function cryptoPaymentView({ status, underpaid }: Pick<CryptoPaymentStateFields, 'status' | 'underpaid'>): CryptoPaymentView {
  switch (status) {
    case 'created':
      return 'waiting';
    case 'pending':
      return underpaid ? 'topUp' : 'seen';
    case 'confirming':
      return underpaid ? 'topUp' : 'confirming';
    default:
      return status;
  }
}

/** The views that ask the buyer to send money: the only ones with the address, the QR code and the countdown. */
export const asksForPayment = (view: CryptoPaymentView): boolean => view === 'waiting' || view === 'topUp';

/** The exceptions worth a sentence beside a view's text, in the order they are shown. */
export type CryptoPaymentNote = 'underpaid' | 'overpaid' | 'paidLate';

export function cryptoPaymentNotes(fields: CryptoPaymentStateFields): CryptoPaymentNote[] {
  const view = cryptoPaymentView(fields);
  const notes: CryptoPaymentNote[] = [];
  // topUp says what is missing in its own text; a failed payment says how much had arrived.
  if (fields.underpaid && fields.received_amount && view === 'failed') notes.push('underpaid');
  if (fields.overpaid && fields.received_amount && view !== 'waiting') notes.push('overpaid');
  if (fields.paid_late && view !== 'waiting' && view !== 'expired') notes.push('paidLate');
  return notes;
}

/**
 * How the page follows the payment: every few seconds while money is awaited or confirming; gently once expired
 * (money sent before the deadline may still arrive, and the page then moves on); not at all after completed or failed.
 */
export type PollMode = 'open' | 'expired' | 'final';

export function pollMode(view: CryptoPaymentView): PollMode {
  if (view === 'completed' || view === 'failed') return 'final';
  return view === 'expired' ? 'expired' : 'open';
}

/**
 * Everything the server renders differently for: when a poll's answer has another signature than the page on
 * screen, the page asks the server for a fresh rendering. Computed the same way on the server and in the browser.
 */
export const stateSignature = (f: CryptoPaymentStateFields): string =>
  [f.status, f.confirmations, f.received_amount ?? '', f.underpaid, f.overpaid, f.paid_late, f.tx_hash ?? ''].join('|');
