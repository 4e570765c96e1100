'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { toast } from 'sonner';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { cancelTransactionAction, confirmTransactionAction } from '@/app/(dashboard)/dashboard/transactions/actions';
import type { ActionResult } from '@/lib/dashboard/dashboard-action';

type StatusAction = (input: { id: string }) => Promise<ActionResult<unknown>>;

/**
 * Confirm payment / Cancel transaction, each behind a question. The server action revalidates the page, so a success
 * shows the new status at once. A lost race (someone or the bank SMS changed it first) says what the transaction is
 * now and reloads the page to show it; this is why these buttons call the actions directly rather than through
 * useDashboardAction, whose failure toast cannot name the status.
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

  const run = async (action: StatusAction, success: string) => {
    let result: ActionResult<unknown>;
    try {
      result = await action({ id });
    } catch {
      result = { ok: false, error: { code: 'internal_error', message: 'Request failed' } };
    }
    if (result.ok) {
      toast.success(success);
    } else if (result.error.code === 'invalid_state' && result.error.fields?.status) {
      toast.error(t('lostRace', { status: tc(`status.${result.error.fields.status}`) }));
      router.refresh();
    } else {
      toast.error(tc(`errors.${result.error.code}`));
    }
  };

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
          onConfirm={() => run(confirmTransactionAction, t('confirmed'))}
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
          onConfirm={() => run(cancelTransactionAction, t('cancelled'))}
        />
      ) : null}
    </div>
  );
}
