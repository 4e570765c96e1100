import { z } from 'zod';
import { toAsciiDigits } from './digits';

/** Any accepted form (+98, 0098, 98, 0 or no prefix; Persian/Arabic digits; spaces, dashes) to 09xxxxxxxxx, or null. */
export function normalizeMobile(input: string): string | null {
  const compact = toAsciiDigits(input).replace(/[\s\-()]/g, '');
  const match = /^(?:\+98|0098|98|0)?(9\d{9})$/.exec(compact);
  return match ? `0${match[1]}` : null;
}

export const mobileSchema = z
  .string()
  .max(32)
  .transform((value, ctx) => {
    const mobile = normalizeMobile(value);
    if (!mobile) {
      ctx.addIssue({ code: 'custom', message: 'Mobile must be an Iranian mobile number like 09121234567' });
      return z.NEVER;
    }
    return mobile;
  });
