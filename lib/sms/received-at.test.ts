import { describe, expect, it } from 'vitest';
import { receivedAtOf } from './received-at';

const now = new Date('2026-11-27T10:00:00Z');
const DAY = 24 * 60 * 60_000;
const at = (stamps: (string | number | undefined)[]) => receivedAtOf(stamps, now, DAY);

describe('receivedAtOf', () => {
  it('reads epoch milliseconds and seconds, as numbers or strings, and ISO dates', () => {
    expect(at(['1795771200000'])).toEqual({ receivedAt: new Date('2026-11-27T09:20:00.000Z'), adjusted: false, key: '1795771200000' });
    expect(at([1795771200000]).receivedAt.toISOString()).toBe('2026-11-27T09:20:00.000Z');
    expect(at(['1795771200']).receivedAt.toISOString()).toBe('2026-11-27T09:20:00.000Z');
    expect(at(['2026-11-27T09:59:00+03:30']).receivedAt.toISOString()).toBe('2026-11-27T06:29:00.000Z');
  });

  it('skips unsubstituted or unusable stamps; with none left it falls back to now, flagged and without a key', () => {
    expect(at(['%receivedStamp%', '1795771200000']).receivedAt.toISOString()).toBe('2026-11-27T09:20:00.000Z');
    expect(at([undefined, '', 'yesterday', '%sentStamp%'])).toEqual({ receivedAt: now, adjusted: true, key: '' });
  });

  it('replaces a stamp in the future by the receipt time and flags it', () => {
    expect(at([String(now.getTime() + 3_600_000)])).toMatchObject({ receivedAt: now, adjusted: true });
    expect(at([String(now.getTime() + 60_000)])).toMatchObject({ receivedAt: new Date(now.getTime() + 60_000), adjusted: false });
  });

  it('replaces a stamp older than the allowed age by the receipt time and flags it', () => {
    expect(at([String(now.getTime() - DAY - 1)])).toMatchObject({ receivedAt: now, adjusted: true });
    expect(at([String(now.getTime() - DAY + 60_000)])).toMatchObject({ adjusted: false });
  });

  it('keys the same stamp written differently the same way', () => {
    expect(at(['1795771200000']).key).toBe(at([1795771200000]).key);
    expect(at(['1795771200']).key).toBe(at(['2026-11-27T09:20:00Z']).key);
  });
});
