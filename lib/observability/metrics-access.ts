import { createHash, timingSafeEqual } from 'node:crypto';
import { config } from '@/lib/config/config';

/** hidden: no KPAY_METRICS_TOKEN, so /metrics does not exist (404); denied: a missing or wrong token (401). */
export type MetricsAccess = 'hidden' | 'denied' | 'allowed';

/** Whether an Authorization header may read /metrics: `Bearer <KPAY_METRICS_TOKEN>`, compared in constant time. */
export function metricsAccess(authorization: string | null): MetricsAccess {
  const token = config().metricsToken;
  if (!token) return 'hidden';
  const presented = /^Bearer +(\S+) *$/i.exec(authorization ?? '')?.[1] ?? '';
  // Digests have one length, so the comparison takes the same time whatever the presented token's length.
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(presented), digest(token)) ? 'allowed' : 'denied';
}
