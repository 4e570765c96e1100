import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import type { ErrorCode } from '@/lib/errors';
import { toErrorBody } from '@/lib/api/error-body';
import { rejectNul, validate } from '@/lib/api/handler';
import { logger } from '@/lib/observability/logger';
import { currentMerchant, type Merchant } from './current-merchant';

/** What every dashboard server action answers: data, or the API's error shape (code, message, field messages). */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ErrorCode; message: string; fields?: Record<string, string> } };

/**
 * The one wrapper every dashboard server action goes through, as apiRoute is for the API: it finds the signed-in
 * merchant (a server action is a public POST endpoint, so it must check by itself), checks the input with the API's
 * own functions (rejectNul, then validate with the same zod schema), runs the same lib function, and turns failures
 * into an ActionResult instead of a thrown error, so the form can show them.
 */
export function dashboardAction<S extends z.ZodType, T>(
  schema: S,
  run: (input: z.output<S>, merchant: Merchant) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (raw) => {
    const merchant = await currentMerchant();
    try {
      return { ok: true, data: await run(validate(schema, rejectNul(raw)), merchant) };
    } catch (error) {
      // Next's redirect() and notFound() are thrown; they must pass through.
      unstable_rethrow(error);
      const answer = toErrorBody(error);
      if (!answer.expected) logger.error({ err: error }, 'dashboard action failed');
      return { ok: false, error: answer.body.error };
    }
  };
}
