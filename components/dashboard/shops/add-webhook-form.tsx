'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { createWebhookAction } from '@/lib/dashboard/actions/shops';
import { Button } from '@/components/ui/button';
import { describedBy, Field, TextInput } from '@/components/ui/field';
import { useDashboardAction } from '@/components/dashboard/use-dashboard-action';
import type { WebhookEventType } from '@/lib/webhooks/webhook-event-types';
import { focusFirstInvalid } from './focus-first-invalid';
import { SecretReveal } from './secret-reveal';
import { WebhookEventCheckboxes } from './webhook-event-checkboxes';

/**
 * Adds a webhook endpoint to the shop (POST /api/shops/{id}/webhooks), every event ticked to start with. The signing
 * secret in the answer is shown here once, in place of the form, until the merchant says they have saved it.
 */
export function AddWebhookForm({ shopId, eventTypes }: { shopId: string; eventTypes: readonly WebhookEventType[] }) {
  const t = useTranslations('shops.webhooks');
  const [secret, setSecret] = useState<string>();
  const { run, pending, fieldError } = useDashboardAction(createWebhookAction, { success: t('added'), onSuccess: (webhook) => setSecret(webhook.secret) });

  if (secret) {
    return (
      <SecretReveal kind="webhook-secret" label={t('secret.label')} title={t('secret.newTitle')} warning={t('secret.warning')} value={secret} onDone={() => setSecret(undefined)} />
    );
  }

  const errors = { url: fieldError('url', t('errors.url')), events: fieldError('events', t('errors.events')) };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await run({ id: shopId, url: String(form.get('url') ?? ''), events: form.getAll('events').map(String) as WebhookEventType[] });
    if (!result.ok) focusFirstInvalid({ url: 'webhook-url', events: `webhook-new-${eventTypes[0]}` }, result.error.fields);
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('addTitle')} className="space-y-4">
      <Field id="webhook-url" label={t('url')} hint={t('urlHint')} error={errors.url}>
        <TextInput
          {...describedBy('webhook-url', errors.url, true)}
          name="url"
          type="url"
          inputMode="url"
          dir="ltr"
          placeholder="https://"
          autoComplete="off"
          maxLength={500}
          required
          invalid={Boolean(errors.url)}
        />
      </Field>
      <WebhookEventCheckboxes idPrefix="webhook-new" eventTypes={eventTypes} checked={eventTypes} error={errors.events} />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t('adding') : t('add')}
      </Button>
    </form>
  );
}
