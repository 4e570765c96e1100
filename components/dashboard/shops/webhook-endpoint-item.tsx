'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { deleteWebhookAction, rotateWebhookSecretAction, updateWebhookAction } from '@/lib/dashboard/actions/shops';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { describedBy, Field, TextInput } from '@/components/ui/field';
import { Badge } from '@/components/ui/panel';
import { useDashboardAction } from '@/components/dashboard/use-dashboard-action';
import type { WebhookEventType } from '@/lib/webhooks/webhook-event-types';
import type { WebhookResponse } from '@/lib/webhooks/schemas';
import { focusFirstInvalid } from './focus-first-invalid';
import { SecretReveal } from './secret-reveal';
import { WebhookEventCheckboxes } from './webhook-event-checkboxes';

/**
 * One webhook endpoint: its URL, events and secret hint, with edit (URL and events), disable/enable, rotate secret
 * and delete. Rotating and deleting ask first; a rotated secret is shown here once. The article is named by the URL,
 * so each endpoint's buttons can be told apart.
 */
export function WebhookEndpointItem({
  webhook,
  eventTypes,
  created,
}: {
  webhook: WebhookResponse;
  eventTypes: readonly WebhookEventType[];
  /** When it was added, already in the page's calendar. */
  created: string;
}) {
  const t = useTranslations('shops.webhooks');
  const tc = useTranslations('common');
  const [editing, setEditing] = useState(false);
  const [secret, setSecret] = useState<string>();
  const target = { id: webhook.shop_id, webhookId: webhook.id };

  const edit = useDashboardAction(updateWebhookAction, { success: t('saved'), onSuccess: () => setEditing(false) });
  const toggle = useDashboardAction(updateWebhookAction, { success: webhook.is_active ? t('disabled') : t('enabled') });
  const rotate = useDashboardAction(rotateWebhookSecretAction, { success: t('rotated'), onSuccess: (answer) => setSecret(answer.secret) });
  const remove = useDashboardAction(deleteWebhookAction, { success: t('deleted') });

  const errors = {
    url: edit.fieldError('changes.url', t('errors.url')),
    events: edit.fieldError('changes.events', t('errors.events')),
  };
  const formId = `webhook-${webhook.id}`;

  async function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await edit.run({ ...target, changes: { url: String(form.get('url') ?? ''), events: form.getAll('events').map(String) as WebhookEventType[] } });
    if (!result.ok) focusFirstInvalid({ 'changes.url': `${formId}-url`, 'changes.events': `${formId}-${eventTypes[0]}` }, result.error.fields);
  }

  return (
    <article aria-label={webhook.url} className={`space-y-3 rounded-xl border border-ink-200 p-4 ${webhook.is_active ? 'bg-white' : 'bg-ink-50'}`}>
      <div className="flex items-start justify-between gap-3">
        <code dir="ltr" className="min-w-0 font-mono text-sm leading-6 font-semibold break-all text-ink-950">
          {webhook.url}
        </code>
        <Badge tone={webhook.is_active ? 'success' : 'neutral'}>{webhook.is_active ? tc('active') : tc('inactive')}</Badge>
      </div>
      <ul aria-label={t('events')} className="flex flex-wrap gap-1.5">
        {webhook.events.map((type) => (
          <li key={type}>
            <Badge tone="brand">{t(`eventLabels.${type}`)}</Badge>
          </li>
        ))}
      </ul>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-xs text-ink-600">
        <div className="flex gap-1.5">
          <dt>{t('secretHint')}:</dt>
          <dd>
            <code dir="ltr" className="font-mono text-ink-800">
              {webhook.secret_hint}
            </code>
          </dd>
        </div>
        <div className="flex gap-1.5">
          <dt>{t('created')}:</dt>
          <dd>
            <time dateTime={webhook.created_at}>{created}</time>
          </dd>
        </div>
      </dl>

      {editing ? (
        <form onSubmit={onSave} noValidate aria-label={t('editTitle')} className="space-y-4 border-t border-ink-100 pt-4">
          <Field id={`${formId}-url`} label={t('url')} hint={t('urlHint')} error={errors.url}>
            <TextInput
              {...describedBy(`${formId}-url`, errors.url, true)}
              name="url"
              type="url"
              inputMode="url"
              dir="ltr"
              autoComplete="off"
              maxLength={500}
              defaultValue={webhook.url}
              invalid={Boolean(errors.url)}
            />
          </Field>
          <WebhookEventCheckboxes idPrefix={formId} eventTypes={eventTypes} checked={webhook.events} error={errors.events} />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={edit.pending} aria-busy={edit.pending}>
              {edit.pending ? tc('saving') : tc('save')}
            </Button>
            <Button variant="ghost" onClick={() => setEditing(false)}>
              {tc('cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex flex-wrap gap-2 border-t border-ink-100 pt-3">
          <Button variant="secondary" onClick={() => setEditing(true)}>
            {tc('edit')}
          </Button>
          <Button
            variant="secondary"
            disabled={toggle.pending}
            aria-busy={toggle.pending}
            onClick={() => toggle.run({ ...target, changes: { is_active: !webhook.is_active } })}
          >
            {webhook.is_active ? t('disable') : t('enable')}
          </Button>
          <ConfirmDialog
            trigger={t('rotate')}
            title={t('rotateTitle')}
            description={t('rotateBody')}
            confirmLabel={t('rotate')}
            cancelLabel={tc('cancel')}
            tone="danger"
            onConfirm={() => rotate.run(target)}
          />
          <ConfirmDialog
            trigger={tc('delete')}
            title={t('deleteTitle')}
            description={t('deleteBody')}
            confirmLabel={tc('delete')}
            cancelLabel={tc('cancel')}
            tone="danger"
            onConfirm={() => remove.run(target)}
          />
        </div>
      )}

      {secret ? (
        <SecretReveal
          key={secret}
          kind="webhook-secret"
          label={t('secret.label')}
          title={t('secret.rotatedTitle')}
          warning={t('secret.warning')}
          value={secret}
          onDone={() => setSecret(undefined)}
        />
      ) : null}
    </article>
  );
}
