import type { SmsText } from './read-amount';

/** An account or card as banks print it: digits, dots or dashes between groups, stars for hidden digits. */
const ACCOUNT = '[\\d*][\\d*.\\-]{2,}[\\d*]';

/**
 * The account printed right after one of `labels` (regex source), captured in group 1. It must end where the token
 * ends, so "کارت5,000,000+" (an amount) and "1405/04/13" (a date) are not taken for accounts.
 */
export const accountPattern = (labels: string): RegExp =>
  new RegExp(`(?<!\\p{L})(?:${labels}) ?:? ?(${ACCOUNT})(?![\\d*.\\-/:]|[,٬،]\\d)`, 'mu');

export const DEFAULT_ACCOUNT = accountPattern('حساب|کارت|سپرده');

export const readAccount = (sms: SmsText, pattern: RegExp): string | null => pattern.exec(sms.body)?.[1] ?? null;
