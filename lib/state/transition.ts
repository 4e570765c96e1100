import { eq, type SQL } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Transaction } from '@/db/client';
import type { WebhookEventType } from '@/lib/webhooks/webhook-event-types';
import type { Machine, StatefulRow } from './machine';
import { type AnyBinding, lockRows, recordMoves, type RowOf, type TableOf, updateRows } from './write';

/**
 * How a per-row change went. `from` is the state it was judged in (the effective state; for the deadline's own move,
 * the stored one). Not found, not allowed now, or a lost race (the conditional update matched no row): nothing written.
 */
export type TransitionResult<Row, S extends string> =
  | { ok: true; row: Row; from: S }
  | { ok: false; reason: 'not_found'; row: undefined; from: undefined }
  | { ok: false; reason: 'not_allowed' | 'lost_race'; row: Row; from: S };

export interface TransitionArgs<Row, S extends string, A extends string, Set> {
  /** Names the row (the caller's scope included: another merchant's row is simply not found). */
  where: SQL;
  to: S;
  actor: A;
  /** Recorded in the event row. */
  data?: Record<string, unknown>;
  /** Columns this move writes beside the status, from the state it is judged in and the locked row. */
  set?: (from: S, row: Row) => Set;
  /** Runs on the locked row before anything changes; throwing aborts with nothing written. */
  guard?: (row: Row) => void | Promise<void>;
  now?: Date;
}

/**
 * The one way a row changes state, inside the caller's database transaction: lock the row `where` names, check the
 * machine on its effective state, update it on the condition that its stored state is still the one read, and write
 * the event row and, when the move announces one, the webhook outbox entry. A crypto payment or a withdrawal moves
 * by the same call with its own machine and binding.
 */
export async function transition<T extends TableOf<S, F>, S extends string, W extends WebhookEventType, F extends string, A extends string>(
  tx: Transaction,
  machine: Machine<S, W, F>,
  binding: AnyBinding<T, S, A>,
  args: TransitionArgs<RowOf<T>, S, A, PgUpdateSetSource<T>>,
): Promise<TransitionResult<RowOf<T>, S>> {
  const now = args.now ?? new Date();
  const [current] = await lockRows(tx, binding.table, args.where, { limit: 1 });
  if (!current) return { ok: false, reason: 'not_found', row: undefined, from: undefined };
  await args.guard?.(current);
  const stored = (current as StatefulRow<S, F>).status;
  const check = machine.check(current as StatefulRow<S, F>, args.to, now);
  if (!check.ok) return { ok: false, reason: 'not_allowed', row: current, from: check.from };

  const [row] = await updateRows(tx, binding, [current.id], { stored, to: args.to, now }, args.set?.(check.from, current));
  if (!row) return { ok: false, reason: 'lost_race', row: current, from: check.from };
  await recordMoves(tx, machine, binding, [{ row, from: check.from }], args, now);
  return { ok: true, row, from: check.from };
}

export interface MarkArgs<S extends string, A extends string, Set> {
  where: SQL;
  /** The effective states the row may be in; any other is not allowed. */
  in: readonly S[];
  /** The event's type: the flag's name (`paid_late`). */
  type: string;
  actor: A;
  data?: Record<string, unknown>;
  /** The flag columns. */
  set: Set;
  now?: Date;
}

/**
 * A change beside the state, the way BTCPay keeps exception flags beside an invoice's status (paid late, underpaid):
 * the same lock, machine check, conditional update and event row as transition(), the state unchanged, no webhook.
 * A row the clock has ended whose stored state still lags has that move stored first, exactly as the sweep stores it
 * (event and webhook), so the flag's event never comes before the expiry it follows.
 */
export async function mark<T extends TableOf<S, F>, S extends string, W extends WebhookEventType, F extends string, A extends string>(
  tx: Transaction,
  machine: Machine<S, W, F>,
  binding: AnyBinding<T, S, A>,
  args: MarkArgs<S, A, PgUpdateSetSource<T>>,
): Promise<TransitionResult<RowOf<T>, S>> {
  const now = args.now ?? new Date();
  let [current] = await lockRows(tx, binding.table, args.where, { limit: 1 });
  if (!current) return { ok: false, reason: 'not_found', row: undefined, from: undefined };
  const state = machine.effective(current as StatefulRow<S, F>, now);
  if (!args.in.includes(state)) return { ok: false, reason: 'not_allowed', row: current, from: state };
  if ((current as StatefulRow<S, F>).status !== state) {
    const settled = await transition(tx, machine, binding, {
      where: eq(binding.table.id, current.id),
      to: state,
      actor: binding.clockActor,
      now,
    });
    if (!settled.ok) return settled.reason === 'not_found' ? { ...settled, reason: 'lost_race', row: current, from: state } : settled;
    current = settled.row;
  }

  const [row] = await updateRows(tx, binding, [current.id], { stored: state, to: state, now }, args.set);
  if (!row) return { ok: false, reason: 'lost_race', row: current, from: state };
  await tx
    .insert(binding.events)
    .values(binding.event({ subjectId: row.id, type: args.type, from: null, to: null, actor: args.actor, data: args.data, at: now }));
  return { ok: true, row, from: state };
}
