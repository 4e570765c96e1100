import { DotBadge } from '@/components/dashboard/status-badge';
import { Badge, type BadgeTone } from '@/components/ui/panel';
import type { CryptoPaymentStatus } from '@/lib/crypto-payments/crypto-payment-statuses';
import type { Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';

const TONE: Record<CryptoPaymentStatus, BadgeTone> = {
  created: 'warning',
  pending: 'info',
  confirming: 'info',
  completed: 'success',
  expired: 'neutral',
  failed: 'danger',
};

/**
 * A crypto payment's status as a coloured pill, with its exception flags beside it (kept beside the status, as BTCPay
 * does): paid late, underpaid, overpaid.
 */
export function CryptoStatusBadge({
  payment,
  locale,
}: {
  payment: { status: CryptoPaymentStatus; paid_late: boolean; underpaid: boolean; overpaid: boolean };
  locale: Locale;
}) {
  const t = translator(locale, 'crypto');
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <DotBadge tone={TONE[payment.status]} label={t(`status.${payment.status}`)} />
      {payment.paid_late ? <Badge tone="warning">{t('flags.paidLate')}</Badge> : null}
      {payment.underpaid ? <Badge tone="danger">{t('flags.underpaid')}</Badge> : null}
      {payment.overpaid ? <Badge tone="info">{t('flags.overpaid')}</Badge> : null}
    </span>
  );
}
