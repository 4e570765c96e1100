'use client';

import { useTranslations } from 'next-intl';
import { updateCardAction } from '@/lib/dashboard/actions/cards';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useDashboardAction } from '@/components/dashboard/use-dashboard-action';

/**
 * Deactivating a card stops new payments to it, so it asks first; activating it again is harmless and immediate.
 * The visible label is one word; the accessible name says which card ("Deactivate card ending 7893").
 */
export function CardStatusButton({
  cardId,
  isActive,
  last4,
}: {
  cardId: string;
  isActive: boolean;
  /** The card's last four digits in the page's digits. */
  last4: string;
}) {
  const t = useTranslations('cards');
  const tc = useTranslations('common');
  const { run, pending } = useDashboardAction(updateCardAction, { success: isActive ? t('status.deactivated') : t('status.activated') });
  const whichCard = <span className="sr-only"> {t('cardEnding', { last4 })}</span>;

  if (!isActive) {
    return (
      <Button variant="secondary" disabled={pending} aria-busy={pending} onClick={() => run({ id: cardId, changes: { is_active: true } })}>
        {t('status.activate')}
        {whichCard}
      </Button>
    );
  }
  return (
    <ConfirmDialog
      trigger={
        <>
          {t('status.deactivate')}
          {whichCard}
        </>
      }
      title={t('status.confirmTitle')}
      description={t('status.confirmBody', { last4 })}
      confirmLabel={t('status.deactivate')}
      cancelLabel={tc('cancel')}
      tone="danger"
      onConfirm={() => run({ id: cardId, changes: { is_active: false } })}
    />
  );
}
