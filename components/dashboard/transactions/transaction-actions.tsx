'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { cancelTransactionAction, confirmTransactionAction } from '@/lib/dashboard/actions/transactions';
import { useDashboardAction } from '@/components/dashboard/use-dashboard-action';

/**
 * Confirm payment / Cancel transaction, each behind a question. The server action revalidates the page, so a success
 * shows the new status at once.
 */
export function TransactionActions({
  id,
  canConfirm,
  canCancel,
  confirmDescription,
}: {
  id: string;
  canConfirm: boolean;
  canCancel: boolean;
  /** The confirm dialog's text with the amount to look for in the bank statement (phrasing content: it sits in a <p>). */
  confirmDescription: ReactNode;
}) {
  const t = useTranslations('transactions.actions');
  const tc = useTranslations('common');
  const router = useRouter();

  // A lost race (someone or the bank SMS changed it first) says what the transaction is now and redraws the page.
  const onError = (error: { code: string; fields?: Record<string, string> }) => {
    if (error.code !== 'invalid_state' || !error.fields?.status) return;
    router.refresh();
    return t('lostRace', { status: tc(`status.${error.fields.status}`) });
  };
  const confirm = useDashboardAction(confirmTransactionAction, { success: t('confirmed'), onError });
  const cancel = useDashboardAction(cancelTransactionAction, { success: t('cancelled'), onError });

  return (
    <div className="flex flex-wrap gap-2">
      {canConfirm ? (
        <ConfirmDialog
          trigger={t('confirm')}
          triggerVariant="primary"
          title={t('confirmTitle')}
          description={confirmDescription}
          confirmLabel={t('confirmAction')}
          cancelLabel={t('keep')}
          onConfirm={() => confirm.run({ id })}
        />
      ) : null}
      {canCancel ? (
        <ConfirmDialog
          trigger={t('cancel')}
          triggerVariant="secondary"
          title={t('cancelTitle')}
          description={t('cancelBody')}
          confirmLabel={t('cancelAction')}
          cancelLabel={t('keep')}
          tone="danger"
          onConfirm={() => cancel.run({ id })}
        />
      ) : null}
    </div>
  );
}
