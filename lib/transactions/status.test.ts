import { readFileSync } from 'node:fs';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { canTransition, effectiveStatus, isPaid, isPaidSql, PAID_STATUSES, remainingSeconds, statusInSql, transactionMachine } from './status';

const now = new Date('2026-11-27T10:00:00Z');
const at = (secondsFromNow: number) => new Date(now.getTime() + secondsFromNow * 1000);

describe('transaction state machine', () => {
  it('allows exactly the documented moves', () => {
    expect(canTransition('pending', 'paid')).toBe(true);
    expect(canTransition('paid', 'verified')).toBe(true);
    expect(canTransition('pending', 'cancelled')).toBe(true);
    expect(canTransition('expired', 'paid')).toBe(true);
    expect(canTransition('pending', 'verified')).toBe(false);
    expect(canTransition('verified', 'paid')).toBe(false);
    expect(canTransition('paid', 'cancelled')).toBe(false);
    expect(canTransition('cancelled', 'paid')).toBe(false);
    expect(canTransition('expired', 'cancelled')).toBe(false);
    expect(transactionMachine.sourcesOf('paid').sort()).toEqual(['expired', 'pending']);
    expect(transactionMachine.sourcesOf('verified')).toEqual(['paid']);
  });

  it('reads a pending transaction past its time as expired, with no time remaining', () => {
    expect(effectiveStatus({ status: 'pending', expiresAt: at(30) }, now)).toBe('pending');
    expect(effectiveStatus({ status: 'pending', expiresAt: at(0) }, now)).toBe('expired');
    expect(effectiveStatus({ status: 'paid', expiresAt: at(-60) }, now)).toBe('paid');
    expect(remainingSeconds({ status: 'pending', expiresAt: at(90.9) }, now)).toBe(90);
    expect(remainingSeconds({ status: 'pending', expiresAt: at(-5) }, now)).toBe(0);
    expect(remainingSeconds({ status: 'cancelled', expiresAt: at(300) }, now)).toBe(0);
  });

  it('counts paid and verified as paid', () => {
    expect(['pending', 'paid', 'verified', 'expired'].map((s) => isPaid(s as never))).toEqual([false, true, true, false]);
    expect(PAID_STATUSES).toEqual(['paid', 'verified']);
  });

  it('judges a move on the status the buyer sees, and lets the sweep store an expiry once', () => {
    const due = { status: 'pending' as const, expiresAt: at(-1) };
    expect(transactionMachine.check(due, 'paid', now)).toEqual({ ok: true, from: 'expired' });
    expect(transactionMachine.check(due, 'cancelled', now)).toEqual({ ok: false, from: 'expired' });
    expect(transactionMachine.check(due, 'expired', now)).toEqual({ ok: true, from: 'pending' });
    expect(transactionMachine.check({ status: 'expired', expiresAt: at(-1) }, 'expired', now)).toEqual({ ok: false, from: 'expired' });
    expect(transactionMachine.check({ status: 'verified', expiresAt: at(-1) }, 'verified', now)).toEqual({ ok: false, from: 'verified' });
  });

  it('announces paid, verified, expired and cancelled', () => {
    expect(['pending', 'paid', 'verified', 'expired', 'cancelled', 'failed'].map((s) => transactionMachine.announcement(s as never))).toEqual([
      null,
      'transaction.paid',
      'transaction.verified',
      'transaction.expired',
      'transaction.cancelled',
      null,
    ]);
  });
});

describe('the same rules in SQL', () => {
  const render = (sql: Parameters<PgDialect['sqlToQuery']>[0]) => new PgDialect().sqlToQuery(sql);
  const iso = now.toISOString();

  it('spells "pending" and "expired" on the stored columns, as the indexes serve them', () => {
    expect(render(statusInSql(['pending'], now))).toMatchObject({
      sql: '("transactions"."status" = $1 and "transactions"."expires_at" > $2)',
      params: ['pending', iso],
    });
    expect(render(statusInSql(['expired'], now))).toMatchObject({
      sql: '("transactions"."status" in ($1) or ("transactions"."status" = $2 and "transactions"."expires_at" <= $3))',
      params: ['expired', 'pending', iso],
    });
    expect(render(statusInSql(['cancelled'], now))).toMatchObject({ sql: '"transactions"."status" in ($1)', params: ['cancelled'] });
    expect(render(statusInSql([], now)).sql).toBe('false');
  });

  it('spells paid as paid or verified, whatever the clock', () => {
    expect(render(isPaidSql())).toMatchObject({ sql: '"transactions"."status" in ($1, $2)', params: ['paid', 'verified'] });
  });
});

describe('the paid rule in SQL written by migrations', () => {
  it("0015's daily totals count exactly PAID_STATUSES as paid (a trigger cannot import TypeScript: this keeps them one rule)", () => {
    const sql = readFileSync(new URL('../../db/migrations/0015_step10_transaction_counts.sql', import.meta.url), 'utf8');
    const lists = [...sql.matchAll(/status IN \(([^)]*)\)/g)].map((m) => m[1]!.split(',').map((s) => s.trim().replace(/'/g, '')));
    expect(lists.length).toBeGreaterThan(0);
    for (const list of lists) expect(list.sort()).toEqual([...PAID_STATUSES].sort());
  });
});
