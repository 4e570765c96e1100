'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { revealShopWebhookSecretAction, rotateShopWebhookSecretAction } from '@/lib/dashboard/actions/shops';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useDashboardAction } from '@/components/dashboard/use-dashboard-action';
import { SecretReveal } from './secret-reveal';

/**
 * The shop's own signing secret (GET /api/shops/{id}/webhook-secret, POST …/rotate), which signs deliveries sent to a
 * URL given with a payment rather than to an endpoint. Unlike an endpoint's secret it can be shown again at any time,
 * so it is revealed on request; rotating asks first.
 */
export function ShopWebhookSecret({ shopId, hint }: { shopId: string; hint: string | null }) {
  const t = useTranslations('shops.webhooks.shopSecret');
  const tc = useTranslations('common');
  const [secret, setSecret] = useState<string>();
  const reveal = useDashboardAction(revealShopWebhookSecretAction, { onSuccess: (answer) => setSecret(answer.secret) });
  const rotate = useDashboardAction(rotateShopWebhookSecretAction, { success: t('rotated'), onSuccess: (answer) => setSecret(answer.secret) });

  return (
    <section aria-labelledby="shop-webhook-secret-title" className="space-y-3 rounded-xl border border-ink-200 p-4">
      <h3 id="shop-webhook-secret-title" className="text-sm font-semibold text-ink-900">
        {t('title')}
      </h3>
      <p className="text-sm leading-6 text-ink-600">{t('explain')}</p>
      <p className="text-sm text-ink-700">
        {hint ? (
          <>
            {t('current')}{' '}
            <code dir="ltr" className="rounded-md bg-ink-100 px-1.5 py-0.5 font-mono whitespace-nowrap text-ink-900">
              {hint}
            </code>
          </>
        ) : (
          t('notYet')
        )}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={reveal.pending} aria-busy={reveal.pending} onClick={() => reveal.run({ id: shopId })}>
          {t('reveal')}
        </Button>
        <ConfirmDialog
          trigger={t('rotate')}
          title={t('rotateTitle')}
          description={t('rotateBody')}
          confirmLabel={t('rotate')}
          cancelLabel={tc('cancel')}
          tone="danger"
          onConfirm={() => rotate.run({ id: shopId })}
        />
      </div>
      {secret ? (
        <SecretReveal
          key={secret}
          kind="shop-webhook-secret"
          label={t('label')}
          title={t('title')}
          warning={t('warning')}
          value={secret}
          doneLabel={t('hide')}
          onDone={() => setSecret(undefined)}
        />
      ) : null}
    </section>
  );
}
