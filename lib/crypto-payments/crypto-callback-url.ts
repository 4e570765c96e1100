import type { cryptoPayments } from '@/db/schema';
import { cryptoPaymentStatus } from './status';

type Row = typeof cryptoPayments.$inferSelect;

export type CryptoCallbackRow = Pick<Row, 'id' | 'orderId' | 'status' | 'expiresAt' | 'callbackSuccess' | 'callbackFailed'>;

/**
 * Where the hosted page sends the buyer back: the shop's callback_success (`ok`, the payment completed) or
 * callback_failed (expired or failed), with `payment_id`, `order_id` and the effective `status` added and the shop's
 * own query parameters kept; null when the shop gave no such URL. The shop should read the payment with its key
 * before trusting the status: anyone can type a URL.
 */
export function cryptoCallbackUrl(row: CryptoCallbackRow, ok: boolean, now = new Date()): string | null {
  const target = ok ? row.callbackSuccess : row.callbackFailed;
  if (!target) return null;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    // Stored URLs were checked at creation; one that no longer parses sends nobody anywhere.
    return null;
  }
  url.searchParams.set('payment_id', row.id);
  url.searchParams.set('order_id', row.orderId);
  url.searchParams.set('status', cryptoPaymentStatus(row, now));
  return url.toString();
}
