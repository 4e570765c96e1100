import { z } from 'zod';
import { type Bank, bankByShebaCode } from './banks';
import { toAsciiDigits } from './digits';

export function normalizeSheba(input: string): string {
  return toAsciiDigits(input).replace(/[\s\-]/g, '').toUpperCase();
}

/** ISO 13616 check: move the first four characters to the end, letters to numbers (I=18, R=27), mod 97 must be 1. */
export function isShebaChecksumValid(sheba: string): boolean {
  const rearranged = sheba.slice(4) + sheba.slice(0, 4);
  const numeric = rearranged.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return BigInt(numeric) % 97n === 1n;
}

export type ShebaCheck = { ok: true; sheba: string; bank: Bank | undefined } | { ok: false; message: string };

export function checkSheba(input: string): ShebaCheck {
  const sheba = normalizeSheba(input);
  if (!/^IR\d{24}$/.test(sheba)) return { ok: false, message: 'Sheba must be IR followed by 24 digits' };
  if (!isShebaChecksumValid(sheba)) return { ok: false, message: 'Sheba checksum is not valid (check for a typo)' };
  return { ok: true, sheba, bank: bankByShebaCode(sheba.slice(4, 7)) };
}

export const shebaSchema = z
  .string()
  .max(64)
  .transform((value, ctx) => {
    const check = checkSheba(value);
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', message: check.message });
      return z.NEVER;
    }
    return check;
  });
