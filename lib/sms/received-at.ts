/** Clock skew tolerated from a phone before its stamp is distrusted. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * When the SMS reached the phone: the first usable stamp (epoch milliseconds or seconds, as number or string, or an
 * ISO date), else the time it reached KPay. A stamp in the future is a wrong phone clock: use now.
 */
export function receivedAtOf(stamps: (string | number | undefined)[], now = new Date()): Date {
  for (const stamp of stamps) {
    const date = parseStamp(stamp);
    if (date) return date.getTime() > now.getTime() + FUTURE_TOLERANCE_MS ? now : date;
  }
  return now;
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
