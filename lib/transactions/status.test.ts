import { describe, expect, it } from 'vitest';
import { canTransition, effectiveStatus, isPaid, remainingSeconds, sourcesOf } from './status';

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
    expect(sourcesOf('paid').sort()).toEqual(['expired', 'pending']);
    expect(sourcesOf('verified')).toEqual(['paid']);
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
  });
});
