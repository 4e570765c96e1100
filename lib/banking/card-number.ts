import { z } from 'zod';
import { type Bank, bankByCardNumber } from './banks';
import { toAsciiDigits } from './digits';

/** Spaces, dashes and Persian/Arabic digits removed: what a person types becomes 16 ASCII digits (or not). */
export function normalizeCardNumber(input: string): string {
  return toAsciiDigits(input).replace(/[\s\-\u200c\u200f\u200e]/g, '');
}

export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export type CardNumberCheck =
  | { ok: true; cardNumber: string; bank: Bank }
  | { ok: false; message: string };

/** One rule for every caller (API, dashboard live validation): 16 digits, not all the same, Luhn, a known bank BIN. */
export function checkCardNumber(input: string): CardNumberCheck {
  const cardNumber = normalizeCardNumber(input);
  if (!/^\d{16}$/.test(cardNumber)) return { ok: false, message: 'Card number must be 16 digits' };
  if (/^(\d)\1{15}$/.test(cardNumber)) return { ok: false, message: 'Card number is not valid' };
  if (!isLuhnValid(cardNumber)) return { ok: false, message: 'Card number fails the checksum (check for a typo)' };
  const bank = bankByCardNumber(cardNumber);
  if (!bank) return { ok: false, message: 'Card number does not belong to a known Iranian bank' };
  return { ok: true, cardNumber, bank };
}

export const cardNumberSchema = z
  .string()
  .max(64)
  .transform((value, ctx) => {
    const check = checkCardNumber(value);
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', message: check.message });
      return z.NEVER;
    }
    return check;
  });

/** Display form, four groups of four, for pages and emails. */
export const groupCardNumber = (digits: string): string => digits.replace(/(\d{4})(?=\d)/g, '$1 ');

/** Public shape for lists: first six and last four only. */
export const maskCardNumber = (digits: string): string => `${digits.slice(0, 6)}******${digits.slice(-4)}`;
