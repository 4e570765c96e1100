import type { AnyPgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';

/**
 * A table whose rows a machine moves: its primary key is `id` and its state is `status`, as the row fields of the same
 * names (every KPay resource with a status follows this).
 */
export type StatefulTable = PgTable & { id: AnyPgColumn; status: AnyPgColumn; $inferSelect: { id: string; status: string } };

/** One row of a binding's event table, before the binding maps it to its columns. */
export interface StateEvent<S extends string, A extends string> {
  /** The row that changed. */
  subjectId: string;
  /** The state a move went to, or the name of a flag a mark set (`paid_late`). */
  type: string;
  /** Null for a mark: the state did not change. */
  from: S | null;
  to: S | null;
  actor: A;
  data: Record<string, unknown> | undefined;
  at: Date;
}

/** What lib/state writes beside the state when a row moves (or is marked), and where it writes it. */
export interface StateBinding<T extends StatefulTable, E extends PgTable, S extends string, A extends string> {
  table: T;
  /** The event table: one row per move or mark, written in the same database transaction. */
  events: E;
  event(event: StateEvent<S, A>): E['$inferInsert'];
  /** Who the clock's own moves (a deadline stored by a sweep) are recorded as. */
  clockActor: A;
  /**
   * Columns every move (to !== stored) and mark (to === stored) writes beside the status, from the stored state: the
   * same for every row, values or SQL over the row's own columns, so the set-based path writes them to many rows in
   * one statement exactly as the per-row path writes them to one.
   */
  columns?(change: { stored: S; to: S; now: Date }): PgUpdateSetSource<T>;
  /** Who a webhook announcing a move of `row` belongs to, and the object it carries (the API's view of the row). */
  webhook(row: T['$inferSelect'], now: Date): { userId: string; shopId: string | null; object: unknown; url?: string };
}

/** Identity, for inference: `defineBinding({ table, events, ... })` types the callbacks from the tables. */
export const defineBinding = <T extends StatefulTable, E extends PgTable, S extends string, A extends string>(
  binding: StateBinding<T, E, S, A>,
): StateBinding<T, E, S, A> => binding;
