import { describe, expect, it } from 'vitest';
import { receivedAtOf } from './received-at';

const now = new Date('2026-11-27T10:00:00Z');

describe('receivedAtOf', () => {
  it('reads epoch milliseconds and seconds, as numbers or strings, and ISO dates', () => {
    expect(receivedAtOf(['1795771200000'], now).toISOString()).toBe('2026-11-27T09:20:00.000Z');
    expect(receivedAtOf([1795771200000], now).toISOString()).toBe('2026-11-27T09:20:00.000Z');
    expect(receivedAtOf(['1795771200'], now).toISOString()).toBe('2026-11-27T09:20:00.000Z');
    expect(receivedAtOf(['2026-11-27T09:59:00+03:30'], now).toISOString()).toBe('2026-11-27T06:29:00.000Z');
  });

  it('skips unsubstituted or unusable stamps and falls back to now', () => {
    expect(receivedAtOf(['%receivedStamp%', '1795771200000'], now).toISOString()).toBe('2026-11-27T09:20:00.000Z');
    expect(receivedAtOf([undefined, '', 'yesterday'], now)).toBe(now);
  });

  it('distrusts a stamp in the future', () => {
    expect(receivedAtOf([String(now.getTime() + 3_600_000)], now)).toBe(now);
    expect(receivedAtOf([String(now.getTime() + 60_000)], now).getTime()).toBe(now.getTime() + 60_000);
  });
});
