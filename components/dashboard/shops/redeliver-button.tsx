'use client';

import { useTranslations } from 'next-intl';
import { redeliverWebhookAction } from '@/lib/dashboard/actions/shops';
import { Button } from '@/components/ui/button';
import { useDashboardAction } from '@/components/dashboard/use-dashboard-action';

/** Queues one delivery again now (POST /api/webhooks/deliveries/{id}/redeliver); its attempt log carries on. */
export function RedeliverButton({ deliveryId }: { deliveryId: string }) {
  const t = useTranslations('shops.deliveries');
  const { run, pending } = useDashboardAction(redeliverWebhookAction, {
    success: t('redelivered'),
    // 409: the delivery's endpoint is disabled, so it would not be sent.
    onError: (error) => (error.code === 'invalid_state' ? t('endpointDisabled') : undefined),
  });
  return (
    <Button variant="secondary" size="sm" disabled={pending} aria-busy={pending} onClick={() => run({ id: deliveryId })}>
      <svg viewBox="0 0 20 20" aria-hidden="true" className="size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round">
        <path d="M15.5 8A6 6 0 1 0 16 12M16 4v4h-4" />
      </svg>
      {t('redeliver')}
    </Button>
  );
}
