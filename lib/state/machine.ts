/**
 * A resource's state machine (DESIGN.md "Card-to-card transaction", "Crypto payment"): its states, the moves allowed
 * between them, the webhook event a move announces, and optionally a deadline: states the clock ends (a pending
 * transaction past expires_at reads expired before any sweep stores it). Pure data and functions, no database, so
 * pages may ask it what is allowed; lib/state/state-sql.ts derives the same deadline rule in SQL.
 *
 * lib/state is the one state-change path: a resource declares its machine here, binds it to its table, event table
 * and webhook (binding.ts), and changes state only through transition() and mark() (transition.ts) or, for many rows
 * at once, transitionAll() and settleDeadlines() (transition-all.ts).
 */

export interface Deadline<S extends string, F extends string> {
  /** The states the clock ends. */
  from: readonly S[];
  /** The row field (and the table column of the same key) holding the moment they end; that moment already counts. */
  at: F;
  /** What they read as from that moment on. */
  reads: S;
}

export interface MachineSpec<S extends string, W extends string, F extends string> {
  /** Every state, with the states it may move to. */
  moves: { readonly [K in S]: readonly S[] };
  deadline?: Deadline<S, F>;
  /** The webhook event a move into each state announces; a state not named announces none. */
  announces?: { readonly [K in S]?: W };
}

/** What a machine needs of a row: its stored status, and the deadline's moment when there is one. */
export type StatefulRow<S extends string, F extends string> = { status: S } & { [K in F]: Date };

/** How a move of one row to `to` goes: allowed or not, and the state it is recorded as coming from. */
export type MoveCheck<S extends string> = { ok: true; from: S } | { ok: false; from: S };

export interface Machine<S extends string, W extends string = never, F extends string = never> {
  readonly states: readonly S[];
  readonly deadline: Deadline<S, F> | undefined;
  canMove(from: S, to: S): boolean;
  /** The stored states a move to `to` may start from, a stored state the clock has ended included. */
  sourcesOf(to: S): S[];
  /** The state a row is in at `now`: its stored status, unless the deadline has ended it. */
  effective(row: StatefulRow<S, F>, now?: Date): S;
  /** The webhook event a move into `to` announces, or null. */
  announcement(to: S): W | null;
  /**
   * The machine's verdict on moving `row` to `to` at `now`, judged on its effective state. Moving it to the state the
   * clock already reads (a sweep storing an expiry) is the deadline's own move, recorded from the stored state.
   */
  check(row: StatefulRow<S, F>, to: S, now: Date): MoveCheck<S>;
}

/** Builds a machine from its declaration; a deadline whose own move is not among the moves is a mistake caught here. */
export function defineMachine<S extends string, W extends string = never, F extends string = never>(
  spec: MachineSpec<S, W, F>,
): Machine<S, W, F> {
  const states = Object.keys(spec.moves) as S[];
  const canMove = (from: S, to: S): boolean => spec.moves[from].includes(to);
  const deadline = spec.deadline;
  for (const [from, targets] of Object.entries(spec.moves) as [S, readonly S[]][]) {
    for (const to of targets) if (!states.includes(to)) throw new Error(`Unknown state ${to} (a move from ${from})`);
  }
  if (deadline) {
    if (!states.includes(deadline.reads)) throw new Error(`Unknown deadline state ${deadline.reads}`);
    for (const from of deadline.from) {
      if (!canMove(from, deadline.reads)) throw new Error(`The deadline moves ${from} to ${deadline.reads}, which the moves do not allow`);
    }
  }

  const effective = (row: StatefulRow<S, F>, now = new Date()): S =>
    deadline && deadline.from.includes(row.status) && (row[deadline.at] as Date).getTime() <= now.getTime() ? deadline.reads : row.status;

  return {
    states,
    deadline,
    canMove,
    sourcesOf: (to) =>
      states.filter(
        (from) => canMove(from, to) || (!!deadline && deadline.from.includes(from) && (deadline.reads === to || canMove(deadline.reads, to))),
      ),
    effective,
    announcement: (to) => spec.announces?.[to] ?? null,
    check(row, to, now) {
      const state = effective(row, now);
      if (state === to && row.status !== to) return canMove(row.status, to) ? { ok: true, from: row.status } : { ok: false, from: state };
      return canMove(state, to) ? { ok: true, from: state } : { ok: false, from: state };
    },
  };
}
