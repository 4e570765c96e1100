import { describe, expect, it } from 'vitest';
import { amountHeldUntil, isAmountHeld, leftPendingAt } from './held-amounts';

const now = new Date('2026-12-01T12:00:00Z');
const DAY = 24 * 60 * 60_000;
const ago = (ms: number) => new Date(now.getTime() - ms);
const row = (over: Partial<Parameters<typeof isAmountHeld>[0]>) => ({
  status: 'pending' as const,
  expiresAt: new Date(now.getTime() + 60_000),
  amountHeld: true,
  amountHeldUntil: null,
  ...over,
});

describe('held final amounts', () => {
  it('are held while pending, and for the lookback after leaving pending', () => {
    expect(isAmountHeld(row({}), now)).toBe(true);
    expect(isAmountHeld(row({ status: 'paid', amountHeldUntil: new Date(now.getTime() + 1) }), now)).toBe(true);
    expect(isAmountHeld(row({ status: 'paid', amountHeldUntil: now }), now)).toBe(false);
    expect(isAmountHeld(row({ amountHeld: false }), now)).toBe(false);
  });

  it('count the lookback of a transaction that expired by the clock from its expires_at, not from the late sweep', () => {
    expect(leftPendingAt(row({ expiresAt: ago(DAY + 1) }), now)).toEqual(ago(DAY + 1));
    expect(isAmountHeld(row({ expiresAt: ago(DAY + 1) }), now)).toBe(false);
    expect(isAmountHeld(row({ expiresAt: ago(DAY - 1) }), now)).toBe(true);
    // A change made now to a live pending transaction starts the lookback now.
    expect(leftPendingAt(row({}), now)).toEqual(now);
    expect(amountHeldUntil(now)).toEqual(new Date(now.getTime() + DAY));
  });
});
