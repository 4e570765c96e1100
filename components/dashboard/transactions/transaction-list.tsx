import { Money } from '@/components/dashboard/money';
import { RecordLink, RecordList } from '@/components/dashboard/record-list';
import { CopyButton } from '@/components/ui/copy-button';
import type { Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';
import type { TransactionResponse } from '@/lib/transactions/schemas';
import { DateOverTime, Timestamp } from './timestamp';
import { TransactionStatusBadge } from './transaction-status-badge';

/** Enough of the authority to tell rows apart; the detail page and the copy button give all of it. */
const shortAuthority = (authority: string) => `${authority.slice(0, 8)}…`;

/** The transactions of one page, each row and card a link named "Open transaction <authority…>". */
export function TransactionList({ locale, transactions, shopNames }: { locale: Locale; transactions: TransactionResponse[]; shopNames: Map<string, string> }) {
  const t = translator(locale, 'transactions');
  const tc = translator(locale, 'common');
  const copyText = { label: t('list.copyAuthority'), copied: tc('copied'), failed: tc('copyFailed') };
  const openLink = (tx: TransactionResponse) => (
    <RecordLink href={`/dashboard/transactions/${tx.id}`} open={t('list.open')} className="font-mono text-sm" dir="ltr">
      {shortAuthority(tx.authority)}
    </RecordLink>
  );
  const factor = (tx: TransactionResponse) =>
    tx.factor_number ? (
      <span dir="auto" className="break-all">
        {tx.factor_number}
      </span>
    ) : (
      <span className="text-ink-500">{t('detail.none')}</span>
    );
  const status = (tx: TransactionResponse) => <TransactionStatusBadge status={tx.status} paidLate={tx.paid_late} locale={locale} />;

  return (
    <RecordList
      caption={t('list.caption')}
      records={transactions}
      keyOf={(tx) => tx.id}
      columns={[
        {
          header: t('list.authority'),
          cell: (tx) => (
            <span className="flex items-center gap-1">
              {openLink(tx)}
              <CopyButton value={tx.authority} text={copyText} className="relative z-10 text-ink-500 hover:bg-ink-100 hover:text-ink-800" />
            </span>
          ),
        },
        { header: t('list.factorNumber'), className: 'max-w-40 text-ink-800', cell: factor },
        { header: t('list.shop'), className: 'max-w-40 truncate text-ink-700', cell: (tx) => <bdi>{shopNames.get(tx.shop_id)}</bdi> },
        { header: t('list.amount'), cell: (tx) => <Money rials={tx.final_amount} locale={locale} /> },
        { header: t('list.status'), cell: status },
        { header: t('list.created'), className: 'text-xs whitespace-nowrap text-ink-600', cell: (tx) => <DateOverTime value={tx.created_at} locale={locale} /> },
      ]}
      card={(tx) => (
        <>
          <div className="flex items-start justify-between gap-3">
            <Money rials={tx.final_amount} locale={locale} />
            {status(tx)}
          </div>
          <p className="mt-2 flex flex-wrap gap-x-2 text-sm text-ink-700">
            {tx.factor_number ? <span dir="auto" className="font-medium break-all text-ink-900">{tx.factor_number}</span> : null}
            <bdi className="truncate">{shopNames.get(tx.shop_id)}</bdi>
          </p>
          <div className="mt-1.5 flex items-center justify-between gap-3 text-xs text-ink-500">
            {openLink(tx)}
            <Timestamp value={tx.created_at} locale={locale} />
          </div>
        </>
      )}
    />
  );
}
