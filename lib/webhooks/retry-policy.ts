import { config } from '@/lib/config/config';

/** Deliveries are retried for up to three days after the event. */
export const RETRY_WINDOW_MS = 3 * 24 * 60 * 60_000;
const MAX_DELAY_MS = 6 * 60 * 60_000;

/** Network errors, timeouts, 408, 429 and 5xx are worth another try; any other answer is final. */
export const isRetryable = (statusCode: number | null): boolean =>
  statusCode === null || statusCode === 408 || statusCode === 429 || statusCode >= 500;

/**
 * When to try again after `attempt` failed attempts (exponential: base, 2·base, 4·base, ... capped at 6 hours), or null
 * when that would fall outside the retry window.
 */
export function nextAttemptAt(attempt: number, eventCreatedAt: Date, now = new Date()): Date | null {
  const delay = Math.min(config().webhooks.retryBaseSeconds * 1000 * 2 ** (attempt - 1), MAX_DELAY_MS);
  const next = new Date(now.getTime() + delay);
  return next.getTime() - eventCreatedAt.getTime() > RETRY_WINDOW_MS ? null : next;
}
