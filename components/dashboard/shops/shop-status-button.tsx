'use client';

import { useTranslations } from 'next-intl';
import { updateShopAction } from '@/lib/dashboard/actions/shops';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useDashboardAction } from '@/components/dashboard/use-dashboard-action';

/** Deactivating a shop makes its API key refused, so it asks first; activating it again is harmless and immediate. */
export function ShopStatusButton({ shopId, shopName, isActive }: { shopId: string; shopName: string; isActive: boolean }) {
  const t = useTranslations('shops');
  const tc = useTranslations('common');
  const { run, pending } = useDashboardAction(updateShopAction, { success: isActive ? t('status.deactivated') : t('status.activated') });

  if (!isActive) {
    return (
      <Button disabled={pending} aria-busy={pending} onClick={() => run({ id: shopId, changes: { is_active: true } })}>
        {t('status.activate')}
      </Button>
    );
  }
  return (
    <ConfirmDialog
      trigger={t('status.deactivate')}
      title={t('status.confirmTitle', { name: shopName })}
      description={t('status.confirmBody')}
      confirmLabel={t('status.deactivate')}
      cancelLabel={tc('cancel')}
      tone="danger"
      onConfirm={() => run({ id: shopId, changes: { is_active: false } })}
    />
  );
}
