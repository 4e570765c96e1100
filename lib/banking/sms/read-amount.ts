import { BALANCE_LABEL, TRANSACTION_LABEL } from './sms-keywords';

export type Sign = '+' | '-';

export interface Money {
  /** Integer Rials. */
  rials: number;
  /** Direction printed on the figure ("+2,500,000", "16,000,000-"), if any. */
  sign: Sign | null;
  /**
   * The figure has no unit of its own and was read as Toman because the message speaks of Toman elsewhere: a
   * reading to show, not to pay by, since an advert line ("10 میلیون تومان جایزه") could make Rials read ten times larger.
   */
  unitGuessed: boolean;
}

/** A normalised SMS ready for reading. */
export interface SmsText {
  text: string;
  /** The text with every balance segment (label to end of line) cut out, so no amount rule can read the balance. */
  body: string;
}

const BALANCE_SEGMENT = new RegExp(`(?:${BALANCE_LABEL})[^\\n]*`, 'g');

export function toSmsText(normalized: string): SmsText {
  return { text: normalized, body: normalized.replace(BALANCE_SEGMENT, '') };
}

/** Digit-group separators: ASCII comma, Arabic thousands separator (U+066C), Arabic comma (U+060C). */
const GROUP = '[,٬،]';
/** What joins digits into a date, a time, a dotted or dashed account number or a decimal: never part of an amount. */
const JOINER = '[/:._\\-٫]';
/** A whole number standing alone: not a piece of 1405/04/13, 08:42 or 299-100-1112233-1, and no leading zero. */
const FIGURE = [
  `(?<!\\d(?:${JOINER}|${GROUP})?)`,
  '(?!0\\d)',
  `(?:\\d{1,3}(?:${GROUP}\\d{3})+|\\d+)`,
  `(?!(?:${JOINER}|${GROUP})?\\d)`,
].join('');
/** A figure with its sign before or after it and its unit. Spaces only (never a line break) between the parts. */
const MONEY = `(?<lead>[+-])? ?(?<figure>${FIGURE})(?: ?(?<trail>[+-])(?! ?\\d))?(?: ?(?<unit>ریال|تومان))?`;

/** A pattern reading one money figure between `before` and `after` (regex sources), for readAmount. */
export const amountPattern = (before: string, after = ''): RegExp => new RegExp(before + MONEY + after, 'gmu');

/** A figure with no unit of its own is in Toman when the message speaks of Toman and never of Rials. */
const speaksToman = (text: string): boolean => text.includes('تومان') && !text.includes('ریال');

function toMoney(groups: Record<string, string | undefined>, text: string): Money | null {
  const value = Number((groups.figure ?? '').replace(new RegExp(GROUP, 'g'), ''));
  const unitGuessed = !groups.unit && speaksToman(text);
  const toman = groups.unit ? groups.unit === 'تومان' : unitGuessed;
  const rials = toman ? value * 10 : value;
  if (!Number.isSafeInteger(rials)) return null;
  return { rials, sign: (groups.lead ?? groups.trail ?? null) as Sign | null, unitGuessed };
}

function firstMoney(within: string, text: string, pattern: RegExp, signed: boolean): Money | null {
  for (const match of within.matchAll(pattern)) {
    const money = match.groups ? toMoney(match.groups, text) : null;
    if (money && (!signed || money.sign)) return money;
  }
  return null;
}

/** First figure `pattern` (from amountPattern) finds in the body; `signed` skips figures printed without a sign. */
export const readAmount = (sms: SmsText, pattern: RegExp, { signed = false } = {}): Money | null =>
  firstMoney(sms.body, sms.text, pattern, signed);

const LABELLED = amountPattern('مبلغ[ :]*');
const AFTER_TRANSACTION_WORD = amountPattern(`(?:${TRANSACTION_LABEL})[ :]*`);
// Grouped digits only, so a phone number or a code alone on a line is never read as money.
const WHOLE_LINE = amountPattern(`^(?=[+-]? ?\\d{1,3}${GROUP})`, '$');
const BALANCE = amountPattern(`(?:${BALANCE_LABEL})[^\\d\\n+-]{0,20}`);

/** "مبلغ: 1,000,000 ریال", "واریز مبلغ 30,000,000ریال", "مبلغ:16,000,000+". */
export const labelledAmount = (sms: SmsText): Money | null => readAmount(sms, LABELLED);

/** "واریز2,500,000", "واریز: 1,500,000", "خرید500,000", "انتقال:+1,500,000". */
export const transactionAmount = (sms: SmsText): Money | null => readAmount(sms, AFTER_TRANSACTION_WORD);

/** A line holding only a signed, grouped figure: "+1,000,000,000", "-2,500,000 ریال". */
export const signedLineAmount = (sms: SmsText): Money | null => readAmount(sms, WHOLE_LINE, { signed: true });

/** The amount of an SMS whose layout is not known, from the most to the least explicit wording. */
export const genericAmount = (sms: SmsText): Money | null =>
  labelledAmount(sms) ?? transactionAmount(sms) ?? signedLineAmount(sms);

/** Balance in Rials, negative when printed with a minus; read from the whole text since the body has it cut out. */
export function readBalance(sms: SmsText): number | null {
  const money = firstMoney(sms.text, sms.text, BALANCE, false);
  if (!money) return null;
  return money.sign === '-' ? -money.rials : money.rials;
}
