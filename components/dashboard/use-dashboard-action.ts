'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useState, useTransition } from 'react';
import { toast } from 'sonner';
import type { ActionResult } from '@/lib/dashboard/dashboard-action';

interface Options<T> {
  /** A toast shown on success. */
  success?: string;
  onSuccess?: (data: T) => void;
  /** Runs on a refusal; a string it returns replaces the general toast for that error code. */
  onError?: (error: Extract<ActionResult, { ok: false }>['error']) => string | void;
}

/**
 * Runs a dashboard server action from a client component: pending state, a toast for the result, and field errors
 * to show beside the inputs. Field messages come from the server's zod schema (English); in Persian a field shows the
 * component's own message for it, or a general one.
 */
export function useDashboardAction<I, T>(action: (input: I) => Promise<ActionResult<T>>, options: Options<T> = {}) {
  const t = useTranslations('common.errors');
  const locale = useLocale();
  const [pending, startTransition] = useTransition();
  const [fields, setFields] = useState<Record<string, string>>({});
  const { success, onSuccess, onError } = options;

  const run = useCallback(
    (input: I) =>
      new Promise<ActionResult<T>>((resolve) => {
        startTransition(async () => {
          let result: ActionResult<T>;
          try {
            result = await action(input);
          } catch {
            // The network or the server failed before an answer: say so, keep the form as it is.
            result = { ok: false, error: { code: 'internal_error', message: 'Request failed' } };
          }
          if (result.ok) {
            setFields({});
            if (success) toast.success(success);
            onSuccess?.(result.data);
          } else {
            setFields(result.error.fields ?? {});
            toast.error(onError?.(result.error) || t(result.error.code));
          }
          resolve(result);
        });
      }),
    [action, success, onSuccess, onError, t],
  );

  /** The error to show under a field, if the last attempt had one (`persian` overrides the general message). */
  const fieldError = (name: string, persian?: string): string | undefined => {
    const message = fields[name];
    if (!message) return undefined;
    return locale === 'en' ? message : (persian ?? t('field'));
  };

  return { run, pending, fields, fieldError };
}
