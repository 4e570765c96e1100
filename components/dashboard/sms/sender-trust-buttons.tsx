'use client';

import { useTranslations } from 'next-intl';
import { toast } from 'sonner';
import { setSmsSenderTrustAction } from '@/lib/dashboard/actions/sms';
import { useDashboardAction } from '@/components/dashboard/use-dashboard-action';
import { Button } from '@/components/ui/button';

/**
 * The one-tap answers to a deposit from a sender nobody has judged yet: trust it on this phone and apply its waiting
 * deposits now, or block it. KPay only suggests; the merchant decides.
 */
export function SenderTrustButtons({ deviceId, sender, bankName }: { deviceId: string; sender: string; bankName: string | null }) {
  const t = useTranslations('sms.trust');
  const trust = useDashboardAction(setSmsSenderTrustAction, {
    onSuccess: ({ sender: decided, applied }) =>
      toast.success(
        decided.trust === 'blocked' ? t('blocked') : t('trusted', { paid: applied.filter((sms) => sms.match_status === 'matched').length }),
      ),
  });
  const pending = trust.pending;
  const decide = (choice: 'trusted' | 'blocked') => trust.run({ device_id: deviceId, sender, trust: choice, apply: true });
  // No wrapper: the buttons wrap with the card's other actions on a phone.
  return (
    <>
      <Button type="button" variant="primary" size="sm" disabled={pending} onClick={() => decide('trusted')}>
        {bankName ? t('trustBank', { bank: bankName }) : t('trust')}
      </Button>
      <Button type="button" variant="secondary" size="sm" disabled={pending} onClick={() => decide('blocked')}>
        {t('block')}
      </Button>
    </>
  );
}
