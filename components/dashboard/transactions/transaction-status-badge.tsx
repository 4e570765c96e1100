import { StatusBadge } from '@/components/dashboard/status-badge';
import { Badge } from '@/components/ui/panel';
import type { TransactionStatus } from '@/lib/transactions/transaction-statuses';
import type { Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';

/** The status pill, with a "paid late" flag beside it when the money came after the window closed. */
export function TransactionStatusBadge({ status, paidLate, locale }: { status: TransactionStatus; paidLate: boolean; locale: Locale }) {
  const t = translator(locale, 'transactions');
  const tc = translator(locale, 'common');
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <StatusBadge status={status} label={tc(`status.${status}`)} />
      {paidLate ? <Badge tone="warning">{t('paidLate')}</Badge> : null}
    </span>
  );
}
