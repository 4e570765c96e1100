import { bankByCode } from '../banks';
import { normalizeSmsText } from './normalize-sms-text';
import { DEFAULT_ACCOUNT, accountPattern } from './read-account';
import {
  type Money,
  type SmsText,
  amountPattern,
  labelledAmount,
  readAmount,
  signedLineAmount,
  transactionAmount,
} from './read-amount';
import { TRANSACTION_LABEL } from './sms-keywords';

/** How one bank words its SMS: how to recognise it and where it prints the amount and the account. */
export interface BankSmsFormat {
  format: string;
  /** Code in lib/banking/banks.ts. */
  bankCode: string;
  /** Latin names looked for in the sender with case and punctuation dropped ("Bank Mellat" → "bankmellat"). */
  senderNames: readonly string[];
  /** Text naming the bank, looked for in the sender and in the message. */
  markers: readonly RegExp[];
  /** Layout that gives away a bank whose SMS does not name it. */
  shape?: RegExp;
  /** Wording only this bank uses for money in. */
  incoming?: RegExp;
  /** Account pattern for readAccount. */
  account: RegExp;
  readAmount(sms: SmsText): Money | null;
}

type OwnParts = Pick<BankSmsFormat, 'readAmount'> &
  Partial<Pick<BankSmsFormat, 'shape' | 'incoming' | 'account'>> & { aliases?: string[]; markers?: RegExp[] };

/** A format for a bank of lib/banking/banks.ts, recognised by its English name in the sender, "بانک X" in the text. */
function bankFormat(code: string, own: OwnParts): BankSmsFormat {
  const bank = bankByCode(code);
  if (!bank) throw new Error(`No bank with code ${code}`);
  // SMS headers drop the tail of the official name: "بانک ملی" for بانک ملی ایران, "بانک رفاه" for بانک رفاه کارگران.
  const shortName = normalizeSmsText(bank.nameFa).split(' ').slice(0, 2).join(' ');
  return {
    format: code,
    bankCode: code,
    senderNames: [bank.nameEn.toLowerCase().replace(/[^a-z]/g, ''), ...(own.aliases ?? [])],
    markers: [new RegExp(shortName), ...(own.markers ?? [])],
    shape: own.shape,
    incoming: own.incoming,
    account: own.account ?? DEFAULT_ACCOUNT,
    readAmount: own.readAmount,
  };
}

/** Pasargad account numbers: branch.type.customer.serial, e.g. 777.888.20000275.1. */
const PASARGAD_ACCOUNT = /^(\d{2,4}\.\d{2,4}\.\d{5,}\.\d{1,3})$/m;
/** Refah prints the amount after "کارت" with the sign behind it: "کارت5,000,000+". */
const REFAH_AMOUNT = amountPattern('کارت[ :]*');
/** blu writes a sentence: "70,000,000 ریال به حساب شما نشست". */
const BLU_AMOUNT = amountPattern('', ' (?:به|از) حساب');

// Order breaks ties: blu (Saman's digital bank) comes before Saman, whose name a blu SMS may carry too.
const BANK_SMS_FORMATS: readonly BankSmsFormat[] = [
  {
    format: 'blu',
    bankCode: 'saman',
    senderNames: ['blu'],
    markers: [/(?<!\p{L})(?:بلو|blu)(?!\p{L})/iu],
    account: DEFAULT_ACCOUNT,
    readAmount: (sms) => readAmount(sms, BLU_AMOUNT),
  },
  // No bank name in the text: a bare "حساب<digits>" line followed by "واریز<amount>".
  bankFormat('mellat', {
    shape: new RegExp(`^حساب\\d+\\n(?:${TRANSACTION_LABEL})`, 'm'),
    readAmount: transactionAmount,
  }),
  bankFormat('melli', { aliases: ['bmi'], readAmount: transactionAmount }),
  bankFormat('saderat', { aliases: ['bsi'], readAmount: transactionAmount }),
  bankFormat('tejarat', { incoming: /انتقال به شتابی/, readAmount: labelledAmount }),
  bankFormat('pasargad', {
    aliases: ['bpi'],
    shape: PASARGAD_ACCOUNT,
    account: PASARGAD_ACCOUNT,
    readAmount: signedLineAmount,
  }),
  bankFormat('saman', { account: accountPattern('به|حساب|سپرده'), readAmount: labelledAmount }),
  // No bank name in the text: the account alone on the first line, then "مبلغ:".
  bankFormat('parsian', { shape: /^\d{8,}\nمبلغ/m, account: /^(\d{8,})$/m, readAmount: labelledAmount }),
  bankFormat('refah', {
    // "کارت" labels the amount here, so only "حساب" labels the account.
    account: accountPattern('حساب'),
    readAmount: (sms) => readAmount(sms, REFAH_AMOUNT, { signed: true }),
  }),
  bankFormat('keshavarzi', { aliases: ['bki'], markers: [/bki\.ir/i], readAmount: transactionAmount }),
  bankFormat('middle-east', { aliases: ['bankino'], markers: [/بانکینو|bankino/i], readAmount: signedLineAmount }),
];

function namedInText(text: string): BankSmsFormat | undefined {
  const named = BANK_SMS_FORMATS.flatMap((format) =>
    format.markers.map((marker) => ({ format, at: text.search(marker) })),
  );
  return named
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at)[0]?.format;
}

/**
 * The bank a sender names ("Bank Mellat", "BMI", "بانک ملت"), given as normalizeSmsText output. Numeric shortcodes
 * name no bank.
 */
export function formatNamedBySender(sender: string): BankSmsFormat | undefined {
  const latinSender = sender.toLowerCase().replace(/[^a-z0-9]/g, '');
  return BANK_SMS_FORMATS.find(
    (format) =>
      format.senderNames.some((name) => latinSender.includes(name)) ||
      format.markers.some((marker) => marker.test(sender)),
  );
}

/**
 * The bank format of an SMS: first by a sender that names the bank (set by the bank; the text may name another bank,
 * e.g. a transfer's source), then by the bank named earliest in the text (the header), then by layout. Numeric
 * shortcodes name no bank, so they fall through to the text.
 */
export function recognizeFormat(sender: string, text: string): BankSmsFormat | undefined {
  return (
    formatNamedBySender(sender) ??
    namedInText(text) ??
    BANK_SMS_FORMATS.find((format) => format.shape?.test(text))
  );
}
