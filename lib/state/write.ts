import { and, asc, eq, gt, inArray, type SQL } from 'drizzle-orm';
import type { PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Transaction } from '@/db/client';
import { emitWebhookEvent } from '@/lib/webhooks/emit-webhook-event';
import type { WebhookEventType } from '@/lib/webhooks/webhook-event-types';
import type { StateBinding, StatefulTable } from './binding';
import type { Machine, StatefulRow } from './machine';

// The steps transition(), transitionAll() and mark() share, so the per-row and the set-based paths write alike.

export type RowOf<T extends StatefulTable> = T['$inferSelect'];
/** A table whose rows carry what machine M reads: `status` of its states and the deadline's moment. */
export type TableOf<S extends string, F extends string> = StatefulTable & { $inferSelect: StatefulRow<S, F> };
export type AnyBinding<T extends StatefulTable, S extends string, A extends string> = StateBinding<T, PgTable, S, A>;

/** Locks the rows `where` names, in primary-key order (so two set-based writers never deadlock), after `after`. */
export async function lockRows<T extends StatefulTable>(
  tx: Transaction,
  table: T,
  where: SQL | undefined,
  page: { limit: number; after?: string },
): Promise<RowOf<T>[]> {
  const rows = await tx
    .select()
    .from(table as StatefulTable)
    .where(and(where, page.after === undefined ? undefined : gt(table.id, page.after)))
    .orderBy(asc(table.id))
    .limit(page.limit)
    .for('update');
  return rows as RowOf<T>[];
}

/**
 * The conditional update: rows `ids` that are still `stored` get `values` and, for a move, status `to`. The rows that
 * did not match (a lost race) are simply absent from the answer, with nothing written for them.
 */
export async function updateRows<T extends StatefulTable, S extends string, A extends string>(
  tx: Transaction,
  binding: AnyBinding<T, S, A>,
  ids: string[],
  change: { stored: S; to: S; now: Date },
  values: PgUpdateSetSource<T> | undefined,
): Promise<RowOf<T>[]> {
  const table = binding.table;
  const set = { ...values, ...binding.columns?.(change), ...(change.to === change.stored ? {} : { status: change.to }) } as PgUpdateSetSource<T>;
  const rows = await tx
    .update(table)
    .set(set)
    .where(and(inArray(table.id, ids), eq(table.status, change.stored)))
    .returning();
  return rows as RowOf<T>[];
}

/** The event rows of moves (one statement) and, when the move announces one, each row's webhook outbox entry. */
export async function recordMoves<T extends StatefulTable, S extends string, W extends WebhookEventType, F extends string, A extends string>(
  tx: Transaction,
  machine: Machine<S, W, F>,
  binding: AnyBinding<T, S, A>,
  moved: { row: RowOf<T>; from: S }[],
  move: { to: S; actor: A; data?: Record<string, unknown> },
  now: Date,
): Promise<void> {
  if (moved.length === 0) return;
  await tx.insert(binding.events).values(
    moved.map(({ row, from }) =>
      binding.event({ subjectId: row.id, type: move.to, from, to: move.to, actor: move.actor, data: move.data, at: now }),
    ),
  );
  const type = machine.announcement(move.to);
  if (type === null) return;
  for (const { row } of moved) await emitWebhookEvent(tx, { ...binding.webhook(row, now), type });
}
