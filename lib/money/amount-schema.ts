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
