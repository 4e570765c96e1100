import { and, inArray, type SQL } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Transaction } from '@/db/client';
import type { WebhookEventType } from '@/lib/webhooks/webhook-event-types';
import type { Machine, StatefulRow } from './machine';
import { deadlinePassedSql } from './state-sql';
import { type AnyBinding, lockRows, recordMoves, type RowOf, type TableOf, updateRows } from './write';

/** Rows locked, updated and recorded per round: bounded statements (and bind parameters) whatever the backlog. */
const BATCH_SIZE = 500;

export interface TransitionAllArgs<S extends string, A extends string, Set> {
  where?: SQL;
  to: S;
  actor: A;
  data?: Record<string, unknown>;
  /** Columns written beside the status: the same values (or SQL over each row's columns) for every row. */
  set?: Set;
  now?: Date;
  batchSize?: number;
}

/**
 * transition() for every row `where` names, set-based: per batch one locking read, one conditional update per stored
 * state and one insert of all the event rows, then each row's outbox entry. Each row is judged by the same machine
 * check on its effective state, gets the same columns and writes the same event and webhook as transition() would
 * give it (test/integration/state-transitions.test.ts holds the two side by side); a row not allowed is left as it is.
 * Returns the rows it moved, each with the state it was judged in.
 */
export async function transitionAll<T extends TableOf<S, F>, S extends string, W extends WebhookEventType, F extends string, A extends string>(
  tx: Transaction,
  machine: Machine<S, W, F>,
  binding: AnyBinding<T, S, A>,
  args: TransitionAllArgs<S, A, PgUpdateSetSource<T>>,
): Promise<{ row: RowOf<T>; from: S }[]> {
  const now = args.now ?? new Date();
  const limit = args.batchSize ?? BATCH_SIZE;
  // Only stored states a move to `to` may start from; the machine then judges each row.
  const where = and(args.where, inArray(binding.table.status, machine.sourcesOf(args.to)));
  const moved: { row: RowOf<T>; from: S }[] = [];
  for (let after: string | undefined; ; ) {
    const locked = await lockRows(tx, binding.table, where, { limit, after });
    const byStored = new Map<S, Map<string, S>>();
    for (const row of locked) {
      const check = machine.check(row as StatefulRow<S, F>, args.to, now);
      if (!check.ok) continue;
      const stored = (row as StatefulRow<S, F>).status;
      if (!byStored.has(stored)) byStored.set(stored, new Map());
      byStored.get(stored)!.set(row.id, check.from);
    }
    const batch: { row: RowOf<T>; from: S }[] = [];
    for (const [stored, fromById] of byStored) {
      const rows = await updateRows(tx, binding, [...fromById.keys()], { stored, to: args.to, now }, args.set);
      for (const row of rows) batch.push({ row, from: fromById.get(row.id)! });
    }
    await recordMoves(tx, machine, binding, batch, args, now);
    moved.push(...batch);
    if (locked.length < limit) return moved;
    after = locked.at(-1)!.id;
  }
}

/**
 * Stores what the clock already reads (the sweep): every row `where` names whose deadline has passed while its stored
 * state lags moves to the deadline's state, by transitionAll, as the binding's clock actor.
 */
export function settleDeadlines<T extends TableOf<S, F>, S extends string, W extends WebhookEventType, F extends string, A extends string>(
  tx: Transaction,
  machine: Machine<S, W, F>,
  binding: AnyBinding<T, S, A>,
  args: { where?: SQL; now?: Date; batchSize?: number } = {},
): Promise<{ row: RowOf<T>; from: S }[]> {
  if (!machine.deadline) return Promise.resolve([]);
  const now = args.now ?? new Date();
  return transitionAll(tx, machine, binding, {
    where: and(deadlinePassedSql(machine, binding.table, now), args.where),
    to: machine.deadline.reads,
    actor: binding.clockActor,
    now,
    batchSize: args.batchSize,
  });
}
