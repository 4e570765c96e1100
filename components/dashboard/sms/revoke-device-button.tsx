'use client';

import { useTranslations } from 'next-intl';
import { revokeSmsDeviceAction } from '@/lib/dashboard/actions/sms';
import { useDashboardAction } from '@/components/dashboard/use-dashboard-action';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';

/** Revokes a forwarder phone's token after a question; its name is part of the button's accessible name. */
export function RevokeDeviceButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations('sms.devices');
  const tc = useTranslations('common');
  const { run } = useDashboardAction(revokeSmsDeviceAction, { success: t('revoked') });
  return (
    <ConfirmDialog
      trigger={
        <>
          {t('revoke')}
          <span className="sr-only"> {name}</span>
        </>
      }
      title={t('revokeTitle', { name })}
      description={t('revokeBody')}
      confirmLabel={t('revokeConfirm')}
      cancelLabel={tc('cancel')}
      tone="danger"
      onConfirm={() => run({ id })}
    />
  );
}
