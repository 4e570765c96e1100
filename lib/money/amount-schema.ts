import { z } from 'zod';
import { MAX_AMOUNT_LENGTH, type ParseAmountOptions, safeParseAmount } from './parse-amount';

/**
 * A decimal-string amount in API input or a form ("0.00123400"), parsed to an exact Amount with `decimals` places;
 * a malformed one is a validation issue with parseAmount's message. A JSON number is refused: it has been a float.
 */
export const amountSchema = (decimals: number, options?: ParseAmountOptions) =>
  z
    .string()
    .max(MAX_AMOUNT_LENGTH)
    .transform((value, ctx) => {
      const result = safeParseAmount(value, decimals, options);
      if (!result.ok) {
        ctx.addIssue({ code: 'custom', message: result.message });
        return z.NEVER;
      }
      return result.amount;
    });

/** Significant digits a JSON number (an IEEE double) carries exactly; beyond them the number read may not be the one sent. */
const EXACT_NUMBER_DIGITS = 15;

/**
 * A decimal amount as its exact text, from a string or a JSON number, before the currency (hence its decimals) is
 * known; parse it with safeParseAmount then. A number is accepted only when its shortest form has at most 15
 * significant digits and no exponent, so the text is what was sent; larger ones must come as strings.
 */
export const decimalTextSchema = z.union([z.number(), z.string().max(MAX_AMOUNT_LENGTH)]).transform((value, ctx) => {
  if (typeof value === 'string') return value;
  const text = String(value);
  const significant = text.replace(/^-?0*\.?0*/, '').replace('.', '').length;
  if (!Number.isFinite(value) || /e/i.test(text) || significant > EXACT_NUMBER_DIGITS) {
    ctx.addIssue({ code: 'custom', message: 'Send this amount as a decimal string, like "0.00123400"' });
    return z.NEVER;
  }
  return text;
});
