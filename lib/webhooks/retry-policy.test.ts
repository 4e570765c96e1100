import { describe, expect, it } from 'vitest';
import { isRetryable, nextAttemptAt } from './retry-policy';

// The suite runs with KPAY_WEBHOOK_RETRY_BASE_SECONDS=1.
describe('webhook retry policy', () => {
  it('retries network errors, timeouts, 408, 429 and 5xx only', () => {
    expect([null, 408, 429, 500, 502, 503].every(isRetryable)).toBe(true);
    expect([200, 301, 400, 401, 403, 404, 410, 422].some(isRetryable)).toBe(false);
  });

  it('doubles the delay, caps it at 6 hours and stops after 3 days', () => {
    const created = new Date('2026-11-27T00:00:00Z');
    const at = (attempt: number, now: Date) => nextAttemptAt(attempt, created, now)!.getTime() - now.getTime();
    expect([1, 2, 3, 4].map((n) => at(n, created))).toEqual([1000, 2000, 4000, 8000]);
    expect(at(30, created)).toBe(6 * 3600 * 1000);
    expect(nextAttemptAt(30, created, new Date('2026-11-29T20:00:00Z'))).toBeNull();
    expect(nextAttemptAt(1, created, new Date('2026-11-29T23:59:58Z'))).not.toBeNull();
  });
});
