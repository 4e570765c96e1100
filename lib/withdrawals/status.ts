import { defineMachine } from '@/lib/state/machine';
import type { WebhookEventType } from '@/lib/webhooks/webhook-event-types';
import type { WithdrawalStatus } from './withdrawal-statuses';

/**
 * The withdrawal machine (DESIGN.md "Withdrawals"): pending -> approved -> signed -> broadcast -> completed, or
 * failed / cancelled. Cancel only while pending (nothing signed yet). Once signed, the stored transaction is the only
 * one that may ever be sent for it: a failure before broadcast may still fail it (funds released), after broadcast
 * only the chain decides (completed, or failed when the transaction can never confirm).
 */
export const withdrawalMachine = defineMachine<WithdrawalStatus, WebhookEventType>({
  moves: {
    pending: ['approved', 'cancelled', 'failed'],
    approved: ['signed', 'failed'],
    signed: ['broadcast', 'failed'],
    broadcast: ['completed', 'failed'],
    completed: [],
    failed: [],
    cancelled: [],
  },
  announces: { completed: 'withdrawal.completed', failed: 'withdrawal.failed' },
});
