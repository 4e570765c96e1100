'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { regenerateShopKeyAction } from '@/lib/dashboard/actions/shops';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useDashboardAction } from '@/components/dashboard/use-dashboard-action';
import { SecretReveal } from './secret-reveal';

/**
 * A new API key for the shop (POST /api/shops/{id}/regenerate-key), behind a warning that the old one stops at once.
 * The new key is shown here once, until the merchant says they have saved it.
 */
export function RegenerateKey({ shopId, keyHint }: { shopId: string; keyHint: string }) {
  const t = useTranslations('shops');
  const tc = useTranslations('common');
  const [newKey, setNewKey] = useState<string>();
  const { run } = useDashboardAction(regenerateShopKeyAction, { success: t('apiKey.regenerated'), onSuccess: (key) => setNewKey(key.api_key) });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-ink-700">
          {t('apiKey.current')}{' '}
          <code dir="ltr" className="rounded-md bg-ink-100 px-1.5 py-0.5 font-mono whitespace-nowrap text-ink-900">
            {keyHint}
          </code>
        </p>
        <ConfirmDialog
          trigger={t('apiKey.regenerate')}
          title={t('apiKey.confirmTitle')}
          description={t('apiKey.confirmBody')}
          confirmLabel={t('apiKey.confirm')}
          cancelLabel={tc('cancel')}
          tone="danger"
          onConfirm={() => run({ id: shopId })}
        />
      </div>
      <p className="text-sm leading-6 text-ink-600">{t('apiKey.explain')}</p>
      {newKey ? (
        <SecretReveal
          key={newKey}
          kind="api-key"
          label={t('apiKey.label')}
          title={t('apiKey.regeneratedTitle')}
          warning={t('apiKey.warning')}
          value={newKey}
          onDone={() => setNewKey(undefined)}
        />
      ) : null}
    </div>
  );
}
