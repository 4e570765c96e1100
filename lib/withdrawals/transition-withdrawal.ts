import type { Transaction } from '@/db/client';
import { withdrawalEvents, withdrawals } from '@/db/schema';
import { defineBinding } from '@/lib/state/binding';
import { transition, type TransitionArgs, type TransitionResult } from '@/lib/state/transition';
import { withdrawalMachine } from './status';
import { toWithdrawalResponse } from './withdrawal-view';
import type { WithdrawalStatus } from './withdrawal-statuses';

type Row = typeof withdrawals.$inferSelect;
type Actor = (typeof withdrawalEvents.$inferInsert)['actor'];
type Columns = Partial<typeof withdrawals.$inferInsert>;

/**
 * Where a withdrawal's changes are written: its row, withdrawal_events, and the withdrawal.completed / failed webhooks
 * to the subscribed endpoints of every shop of the merchant (a withdrawal belongs to the merchant, not a shop).
 */
export const withdrawalStates = defineBinding<typeof withdrawals, typeof withdrawalEvents, WithdrawalStatus, Actor>({
  table: withdrawals,
  events: withdrawalEvents,
  event: (e) => ({ withdrawalId: e.subjectId, type: e.type, fromStatus: e.from, toStatus: e.to, actor: e.actor, data: e.data, createdAt: e.at }),
  clockActor: 'system',
  columns: ({ now }) => ({ updatedAt: now }),
  webhook: (row) => ({ userId: row.userId, shopId: null, object: toWithdrawalResponse(row) }),
});

export const transitionWithdrawal = (tx: Transaction, args: TransitionArgs<Row, WithdrawalStatus, Actor, Columns>): Promise<TransitionResult<Row, WithdrawalStatus>> =>
  transition(tx, withdrawalMachine, withdrawalStates, args);
