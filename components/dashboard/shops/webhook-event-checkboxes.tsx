'use client';

import { useTranslations } from 'next-intl';
import type { WebhookEventType } from '@/lib/webhooks/webhook-event-types';

/**
 * The events an endpoint receives, one checkbox each (named `events`, read with FormData.getAll). Each shows its
 * label in the page's language and, for the eye only, the event's name as the payload carries it.
 */
export function WebhookEventCheckboxes({
  idPrefix,
  eventTypes,
  checked,
  error,
}: {
  idPrefix: string;
  eventTypes: readonly WebhookEventType[];
  checked: readonly WebhookEventType[];
  error?: string;
}) {
  const t = useTranslations('shops.webhooks');
  const errorId = `${idPrefix}-events-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined} className="@container space-y-2">
      <legend className="mb-1.5 text-sm font-medium text-ink-800">{t('events')}</legend>
      <div className="grid gap-2 @md:grid-cols-2">
        {eventTypes.map((type) => (
          <label key={type} htmlFor={`${idPrefix}-${type}`} className="flex min-h-11 cursor-pointer items-center gap-2.5 rounded-xl border border-ink-200 px-3 py-2 has-checked:border-brand-300 has-checked:bg-brand-50">
            <input id={`${idPrefix}-${type}`} type="checkbox" name="events" value={type} defaultChecked={checked.includes(type)} className="size-4.5 shrink-0 accent-brand-700" />
            <span className="min-w-0">
              <span className="block text-sm text-ink-900">{t(`eventLabels.${type}`)}</span>
              <code dir="ltr" aria-hidden="true" className="block text-xs break-all text-ink-500">
                {type}
              </code>
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
