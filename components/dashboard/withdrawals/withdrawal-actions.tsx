'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { toast } from 'sonner';
import { useDashboardAction } from '@/components/dashboard/use-dashboard-action';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { approveWithdrawalAction, cancelWithdrawalAction } from '@/lib/dashboard/actions/withdrawals';

/**
 * Confirm withdrawal / Cancel for a pending withdrawal, each behind a question. The server action revalidates the
 * page, so a success shows the new status at once; a lost race (the job or another tab moved it first) says so and
 * redraws the list.
 */
export function WithdrawalActions({
  id,
  name,
  canApprove,
  approveDescription,
  cancelDescription,
}: {
  id: string;
  /** Which withdrawal ("Withdrawal of 0.5 LTC"): the buttons' names end with it for screen readers, as a list repeats them. */
  name: string;
  /** Pending and waiting for the merchant's confirmation (approvals_required above 0). */
  canApprove: boolean;
  /** What is sent where (phrasing content: it sits in a <p>). */
  approveDescription: ReactNode;
  cancelDescription: ReactNode;
}) {
  const t = useTranslations('crypto.withdrawals.actions');
  const router = useRouter();
  const onError = (error: { code: string }) => {
    if (error.code !== 'invalid_state' && error.code !== 'not_found') return;
    router.refresh();
    return t('lostRace');
  };
  const approve = useDashboardAction(approveWithdrawalAction, {
    // Still pending after the merchant's confirmation: above the operator limit, it waits for an operator.
    onSuccess: (withdrawal) => toast.success(withdrawal.status === 'pending' ? t('approvedOperator') : t('approved')),
    onError,
  });
  const cancel = useDashboardAction(cancelWithdrawalAction, { success: t('cancelled'), onError });
  // The trigger's name ends with which withdrawal, for screen readers: a list repeats the same two buttons.
  const dialog = (action: 'approve' | 'cancel', description: ReactNode, run: () => Promise<unknown>) => (
    <ConfirmDialog
      trigger={
        <>
          {t(action)}
          <span className="sr-only">: {name}</span>
        </>
      }
      triggerVariant={action === 'approve' ? 'primary' : 'secondary'}
      title={t(`${action}Title`)}
      description={description}
      confirmLabel={t(`${action}Action`)}
      cancelLabel={t('keep')}
      tone={action === 'approve' ? 'primary' : 'danger'}
      onConfirm={run}
    />
  );

  return (
    <div className="flex flex-wrap gap-2">
      {canApprove ? dialog('approve', approveDescription, () => approve.run({ id })) : null}
      {dialog('cancel', cancelDescription, () => cancel.run({ id }))}
    </div>
  );
}
