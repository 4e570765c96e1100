import { describe, expect, it } from 'vitest';
import { defineMachine } from './machine';

// A machine shaped like DESIGN.md's crypto payment, to show the helper is not the card machine in disguise.
type Payment = 'created' | 'pending' | 'confirming' | 'completed' | 'expired' | 'failed';
const payment = defineMachine<Payment, 'crypto_payment.completed' | 'crypto_payment.expired', 'expiresAt'>({
  moves: {
    created: ['pending', 'expired', 'failed'],
    pending: ['confirming', 'failed'],
    confirming: ['completed', 'failed'],
    completed: [],
    expired: ['pending'],
    failed: [],
  },
  deadline: { from: ['created'], at: 'expiresAt', reads: 'expired' },
  announces: { completed: 'crypto_payment.completed', expired: 'crypto_payment.expired' },
});

const now = new Date('2026-11-27T10:00:00Z');
const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
const row = (status: Payment, expiresIn = 60) => ({ status, expiresAt: at(expiresIn) });

describe('defineMachine', () => {
  it('lists the states and allows exactly the declared moves', () => {
    expect(payment.states).toEqual(['created', 'pending', 'confirming', 'completed', 'expired', 'failed']);
    expect(payment.canMove('created', 'pending')).toBe(true);
    expect(payment.canMove('confirming', 'completed')).toBe(true);
    expect(payment.canMove('created', 'completed')).toBe(false);
    expect(payment.canMove('completed', 'failed')).toBe(false);
  });

  it('reads a state the clock ended as the deadline state, from the deadline moment on, and no other state', () => {
    expect(payment.effective(row('created', 1), now)).toBe('created');
    expect(payment.effective(row('created', 0), now)).toBe('expired');
    expect(payment.effective(row('created', -1), now)).toBe('expired');
    expect(payment.effective(row('pending', -1), now)).toBe('pending');
    expect(payment.effective(row('completed', -1), now)).toBe('completed');
  });

  it('judges a move on the effective state', () => {
    expect(payment.check(row('created'), 'pending', now)).toEqual({ ok: true, from: 'created' });
    // Past its deadline, `created` is expired: it may still be seen paying (expired -> pending), not fail.
    expect(payment.check(row('created', -5), 'pending', now)).toEqual({ ok: true, from: 'expired' });
    expect(payment.check(row('created', -5), 'failed', now)).toEqual({ ok: false, from: 'expired' });
    expect(payment.check(row('completed'), 'failed', now)).toEqual({ ok: false, from: 'completed' });
  });

  it("stores the clock's own move from the stored state, once", () => {
    expect(payment.check(row('created', -5), 'expired', now)).toEqual({ ok: true, from: 'created' });
    expect(payment.check(row('expired', -5), 'expired', now)).toEqual({ ok: false, from: 'expired' });
    // Before the deadline the same move is an ordinary one.
    expect(payment.check(row('created', 5), 'expired', now)).toEqual({ ok: true, from: 'created' });
  });

  it('names the stored states a move may start from, those the clock ends included', () => {
    expect(payment.sourcesOf('pending').sort()).toEqual(['created', 'expired']);
    expect(payment.sourcesOf('expired')).toEqual(['created']);
    expect(payment.sourcesOf('completed')).toEqual(['confirming']);
    expect(payment.sourcesOf('created')).toEqual([]);
  });

  it('announces the declared webhook events only', () => {
    expect(payment.announcement('completed')).toBe('crypto_payment.completed');
    expect(payment.announcement('expired')).toBe('crypto_payment.expired');
    expect(payment.announcement('pending')).toBeNull();
  });

  it('refuses a deadline whose own move is not allowed, and moves to unknown states', () => {
    expect(() =>
      defineMachine<'a' | 'b', never, 'at'>({ moves: { a: [], b: [] }, deadline: { from: ['a'], at: 'at', reads: 'b' } }),
    ).toThrow(/do not allow/);
    expect(() => defineMachine<'a' | 'b'>({ moves: { a: ['c' as 'b'], b: [] } })).toThrow(/Unknown state c/);
  });

  it('without a deadline, the effective state is the stored one', () => {
    const plain = defineMachine<'a' | 'b'>({ moves: { a: ['b'], b: [] } });
    expect(plain.deadline).toBeUndefined();
    expect(plain.effective({ status: 'a' } as never, now)).toBe('a');
    expect(plain.check({ status: 'b' } as never, 'b', now)).toEqual({ ok: false, from: 'b' });
  });
});
