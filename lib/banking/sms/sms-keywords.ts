/** Words that decide what a bank SMS is, written for normalizeSmsText output (Persian ی/ک, no ZWNJ). */

/** One-time passwords. "رمز" covers رمز پویا, رمز دوم and رمز یکبار مصرف; تایید is spelt تایید, تأیید or تائید. */
export const OTP = /رمز|کد ?ت(?:[اأ]یی|ائی)د|\botp\b|password/i;

/** Tested before withdrawals: a card purchase is worded "برداشت از کارت بابت خرید". */
export const PURCHASE = /خرید|پرداخت قبض/;

export const WITHDRAWAL = /برداشت|انتقال از/;

export const DEPOSIT = /واریز|به حساب شما نشست/;

/** Balance labels (regex source): the figure after them is what is left in the account, never the amount. */
export const BALANCE_LABEL = 'مانده|موجودی';

/** Transaction words some banks print right before the amount ("واریز2,500,000", "انتقال:+1,500,000"); regex source. */
export const TRANSACTION_LABEL = 'واریز|برداشت|خرید|انتقال';
