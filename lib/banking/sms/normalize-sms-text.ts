import { toAsciiDigits } from '../digits';

/**
 * Invisible characters phones and banks scatter through Persian text: ZWSP, ZWNJ, ZWJ, LRM/RLM, bidi embeddings and
 * isolates, word joiner, BOM, Arabic letter mark, plus the tatweel that stretches letters. Every ZWNJ is removed, so
 * "می‌شود" becomes "میشود" and keywords are written joined.
 */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u061C\u0640]/g;

/**
 * One spelling for every bank SMS: ASCII digits, Persian ی/ک, no invisible marks, "\n" line breaks, single spaces, no
 * blank lines. Digit-group separators (",", "٬", "،") are kept: only the amount reader knows where they group digits.
 */
export function normalizeSmsText(text: string): string {
  return toAsciiDigits(text)
    .replace(INVISIBLE, '')
    .replace(/[\u064A\u0649]/g, '\u06CC')
    .replace(/\u0643/g, '\u06A9')
    // Some phones render a negative amount with the Unicode minus sign.
    .replace(/\u2212/g, '-')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n[\n ]*/g, '\n')
    .trim();
}
