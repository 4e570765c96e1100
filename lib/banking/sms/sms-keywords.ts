/** Words that decide what a bank SMS is, written for normalizeSmsText output (Persian ی/ک, no ZWNJ). */

/**
 * One-time passwords: a whole phrase followed on its line by the code itself. Never "رمز" alone: it is inside
 * "کارمزد" (the fee line of real deposit SMS). Never the phrase alone either: deposit SMS end with warnings such as
 * "رمز خود را در اختیار دیگران قرار ندهید" or "هرگز رمز دوم یا کد تایید خود را به کسی ندهید". یک‌بار loses its ZWNJ
 * in normalizeSmsText, so یکبار, یک بار and یک‌بار are all "یک ?بار"; تایید is also spelt تأیید or تائید.
 */
export const OTP = new RegExp(
  `(?:${[
    '(?<!\\p{L})رمز ?(?:پویا|دوم|(?:عبور )?یک ?بار ?مصرف)',
    '(?<!\\p{L})کد ?(?:ت(?:[اأ]یی|ائی)د|فعال ?سازی|یک ?بار ?مصرف)',
    '\\botp\\b',
    'password',
    // The code: 4 to 8 digits on the same line, not part of a date, a time or an amount.
  ].join('|')})[^\\n\\d]{0,24}(?<![\\d/:.,-])\\d{4,8}(?![\\d/:.,])`,
  'iu',
);

/**
 * A transfer that failed, was reversed or was only requested: not money in, whatever amount or sign it prints.
 * Tested before every other kind ("برگشت خرید" returns a purchase, "واریز ناموفق" names a deposit).
 */
export const FAILED = new RegExp(
  [
    'نا ?موفق',
    // برگشت وجه, برگشتی, برگشت خورد.
    'برگشت',
    '(?<!\\p{L})(?:لغو|ابطال) (?:شد|گردید)',
    'انجام نشد',
    // "درخواست انتقال وجه شما ثبت شد": accepted for processing, not yet paid.
    '(?<!\\p{L})درخواست[\\s\\S]*ثبت (?:شد|گردید)',
  ].join('|'),
  'u',
);

/** Tested before withdrawals: a card purchase is worded "برداشت از کارت بابت خرید". */
export const PURCHASE = /خرید|پرداخت قبض/;

/** Money out: "برداشت", "انتقال از شتابی", "انتقال وجه از حساب ...", "از کارت ...". */
export const WITHDRAWAL = /برداشت|انتقال (?:وجه )?از|(?<!\p{L})از (?:حساب|کارت|سپرده)/u;

export const DEPOSIT = /واریز|به حساب شما نشست/;

/** Balance labels (regex source): the figure after them is what is left in the account, never the amount. */
export const BALANCE_LABEL = 'مانده|موجودی';

/** Transaction words some banks print right before the amount ("واریز2,500,000", "انتقال:+1,500,000"); regex source. */
export const TRANSACTION_LABEL = 'واریز|برداشت|خرید|انتقال';
