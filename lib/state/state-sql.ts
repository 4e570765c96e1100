import { and, eq, getTableColumns, gt, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { StatefulTable } from './binding';
import type { Machine } from './machine';

/** A moment for SQL: a JS time (the caller's clock, as the JS reads use) or an SQL expression of one. */
export type SqlNow = Date | SQL;

function deadlineColumn(table: StatefulTable, field: string): AnyPgColumn {
  const column = (getTableColumns(table) as Record<string, AnyPgColumn | undefined>)[field];
  if (!column) throw new Error(`The table has no column ${field} for the machine's deadline`);
  return column;
}

/**
 * Rows whose effective state at `now` is one of `states`: machine.effective as a WHERE condition, from the same
 * deadline declaration, spelled on the stored columns so indexes serve it (a stored state the clock ends becomes
 * "stored so and the moment not yet reached", or "... reached", or plain "stored so" when both readings are wanted).
 */
export function stateInSql<S extends string, F extends string>(
  machine: Machine<S, string, F>,
  table: StatefulTable,
  states: readonly S[],
  now: SqlNow,
): SQL {
  const wanted = new Set(states);
  const deadline = machine.deadline;
  const ended = deadline ? deadline.from : [];
  const parts: (SQL | undefined)[] = [];
  const plain = states.filter((s) => !ended.includes(s));
  if (plain.length > 0) parts.push(inArray(table.status, plain));
  if (deadline) {
    const at = deadlineColumn(table, deadline.at);
    for (const s of deadline.from) {
      const stays = wanted.has(s);
      const ends = wanted.has(deadline.reads);
      if (stays && ends) parts.push(eq(table.status, s));
      else if (stays) parts.push(and(eq(table.status, s), gt(at, now)));
      else if (ends) parts.push(and(eq(table.status, s), lte(at, now)));
    }
  }
  return parts.length > 0 ? or(...parts)! : sql`false`;
}

/** Rows the clock has ended whose stored state still says otherwise: what a sweep stores (none without a deadline). */
export function deadlinePassedSql<S extends string, F extends string>(machine: Machine<S, string, F>, table: StatefulTable, now: SqlNow): SQL {
  const deadline = machine.deadline;
  if (!deadline) return sql`false`;
  return and(inArray(table.status, deadline.from), lte(deadlineColumn(table, deadline.at), now))!;
}
