'use client';

import { useTranslations } from 'next-intl';
import { matchSmsAction } from '@/lib/dashboard/actions/sms';
import { useDashboardAction } from '@/components/dashboard/use-dashboard-action';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';

/** A paid-late deposit already names its expired transaction: one question, then that transaction is paid (late). */
export function ResolveLateButton({ smsId, authority }: { smsId: string; authority: string }) {
  const t = useTranslations('sms.late');
  const tc = useTranslations('common');
  const { run } = useDashboardAction(matchSmsAction, { success: t('resolved') });
  return (
    <ConfirmDialog
      trigger={t('open')}
      triggerVariant="primary"
      title={t('title')}
      // Isolated so the Latin authority does not reorder the Persian sentence around it.
      description={t('description', { authority: `\u2068${authority}\u2069` })}
      confirmLabel={t('confirm')}
      cancelLabel={tc('cancel')}
      onConfirm={() => run({ sms_id: smsId })}
    />
  );
}
