/** Clock skew tolerated from a phone before its stamp is distrusted. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export interface SmsStamp {
  /** When the SMS reached the phone, bounded by when it reached KPay. */
  receivedAt: Date;
  /** The phone gave no usable stamp, or one in the future or older than `maxAgeMs`: receivedAt is KPay's receipt time. */
  adjusted: boolean;
  /** The first usable stamp in epoch milliseconds, '' when none: the same SMS posted again carries the same one. */
  key: string;
}

/**
 * When the SMS reached the phone: the first usable stamp (epoch milliseconds or seconds, as number or string, or an
 * ISO date). The phone's clock is not trusted beyond KPay's: a stamp in the future, or older than `maxAgeMs`, is
 * replaced by `now` and flagged; no usable stamp at all is flagged too (the SMS may have waited on the phone for a day).
 */
export function receivedAtOf(stamps: (string | number | undefined)[], now: Date, maxAgeMs: number): SmsStamp {
  for (const stamp of stamps) {
    const date = parseStamp(stamp);
    if (!date) continue;
    const key = String(date.getTime());
    const outOfRange = date.getTime() > now.getTime() + FUTURE_TOLERANCE_MS || date.getTime() < now.getTime() - maxAgeMs;
    return outOfRange ? { receivedAt: now, adjusted: true, key } : { receivedAt: date, adjusted: false, key };
  }
  return { receivedAt: now, adjusted: true, key: '' };
}

function parseStamp(stamp: string | number | undefined): Date | null {
  if (stamp === undefined || stamp === '') return null;
  if (typeof stamp === 'number' || /^\d+$/.test(stamp)) {
    const n = Number(stamp);
    if (!Number.isSafeInteger(n) || n <= 0) return null;
    // Ten digits are seconds, thirteen milliseconds.
    const date = new Date(n < 1e11 ? n * 1000 : n);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  if (!/^\d{4}-\d\d-\d\d/.test(stamp)) return null;
  const date = new Date(stamp);
  return Number.isNaN(date.getTime()) ? null : date;
}
