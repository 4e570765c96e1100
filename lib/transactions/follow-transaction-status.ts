import 'server-only';
import { openStatusEventStream, type StatusStreamOptions } from '@/lib/live-status/status-event-stream';
import type { StatusFeed } from '@/lib/live-status/status-hub';
import { checkTransaction } from './check-transaction';
import type { CheckResult } from './schemas';
import { transactionMachine } from './status';

// Once the clock says it ends, a pending transaction is read again this often until the read says expired:
// remaining_seconds is whole seconds, so the moment itself lies up to a second after what it promises.
const EXPIRY_RECHECK_MS = 200;

/**
 * The hosted card page's status, as GET /transactions/check/{authority} answers it. Its version is the status (the
 * seconds left count down on the page); it ends once paid (the page sends the buyer back) or in a status that moves
 * nowhere. An expired transaction may still be paid late, so its stream stays open.
 */
const transactionStatusFeed: StatusFeed<CheckResult> = {
  kind: 'transaction',
  read: checkTransaction,
  version: (check) => check.status,
  isFinal: (check) => check.is_paid || !transactionMachine.states.some((to) => transactionMachine.canMove(check.status, to)),
  clockChangeIn: (check) => (transactionMachine.deadline?.from.includes(check.status) ? Math.max(check.remaining_seconds * 1000, EXPIRY_RECHECK_MS) : null),
};

/** GET /transactions/check/{authority}/events: the check answer pushed on every change (lib/live-status). */
export const followTransactionStatus = (authority: string, options: StatusStreamOptions) =>
  openStatusEventStream(transactionStatusFeed, authority, options);
