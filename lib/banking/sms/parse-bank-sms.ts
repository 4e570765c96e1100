import { recognizeFormat } from './bank-sms-formats';
import { normalizeSmsText } from './normalize-sms-text';
import { DEFAULT_ACCOUNT, readAccount } from './read-account';
import { type Sign, type SmsText, genericAmount, readBalance, toSmsText } from './read-amount';
import { DEPOSIT, FAILED, OTP, PURCHASE, WITHDRAWAL } from './sms-keywords';
import type { SmsKind } from './sms-kinds';

export interface ParsedBankSms {
  kind: SmsKind;
  /** Which shape matched: 'mellat' | 'melli' | 'saderat' | 'tejarat' | 'pasargad' | 'saman' | 'parsian' | 'refah' | 'blu' | 'keshavarzi' | 'middle-east' | 'generic' | null */
  format: string | null;
  /** Bank code from lib/banking/banks.ts when known (blu is Saman's digital bank: 'saman'), else null. */
  bankCode: string | null;
  /** Integer Rials (Toman ×10) for deposit/withdrawal/purchase/failed; null when unreadable. Never a float. */
  amount: number | null;
  /** Account or card fragment as printed (digits, dots, dashes, stars), null if none. */
  account: string | null;
  /** Balance in Rials if printed, else null. */
  balance: number | null;
  /** The amount's unit was inferred from other words of the message (see Money.unitGuessed): never paid by automatically. */
  amountUnitGuessed: boolean;
}

const KINDS_WITH_AMOUNT: ReadonlySet<SmsKind> = new Set(['deposit', 'withdrawal', 'purchase', 'failed']);

function classify(sms: SmsText, sign: Sign | null, incoming: RegExp | undefined): SmsKind {
  // First, and on the whole text: a failed or reversed transfer may print "+amount" or "واریز" and must never pay.
  if (FAILED.test(sms.text)) return 'failed';
  const { body } = sms;
  if (PURCHASE.test(body)) return 'purchase';
  if (sign === '-') return 'withdrawal';
  const moneyIn = sign === '+' || DEPOSIT.test(body) || Boolean(incoming?.test(body));
  // A message naming both directions is not trusted as a deposit, which would mark an order paid: kept for the merchant.
  if (WITHDRAWAL.test(body)) return moneyIn ? 'unknown' : 'withdrawal';
  return moneyIn ? 'deposit' : 'unknown';
}

/**
 * Reads a bank SMS forwarded from a merchant's phone. The bank's own layout is tried first; when it reads no amount
 * (an unknown bank, or a layout the bank changed) the generic reading is tried and `format` says 'generic'.
 */
export function parseBankSms(input: { sender: string; text: string }): ParsedBankSms {
  const sms = toSmsText(normalizeSmsText(input.text));
  const bank = recognizeFormat(normalizeSmsText(input.sender), sms.text);
  const bankCode = bank?.bankCode ?? null;
  if (OTP.test(sms.text)) {
    return { kind: 'otp', format: bank?.format ?? null, bankCode, amount: null, account: null, balance: null, amountUnitGuessed: false };
  }
  const own = bank?.readAmount(sms) ?? null;
  const generic = own ? null : genericAmount(sms);
  const money = own ?? generic;
  const kind = classify(sms, money?.sign ?? null, bank?.incoming);
  return {
    kind,
    format: generic ? 'generic' : (bank?.format ?? null),
    bankCode,
    amount: KINDS_WITH_AMOUNT.has(kind) ? (money?.rials ?? null) : null,
    account: readAccount(sms, bank?.account ?? DEFAULT_ACCOUNT),
    balance: readBalance(sms),
    amountUnitGuessed: money?.unitGuessed ?? false,
  };
}
