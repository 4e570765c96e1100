import Link from 'next/link';
import { Money } from '@/components/dashboard/money';
import { CopyButton } from '@/components/ui/copy-button';
import { Table, Td, Th } from '@/components/ui/table';
import type { Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';
import type { TransactionResponse } from '@/lib/transactions/schemas';
import { Timestamp } from './timestamp';
import { TransactionStatusBadge } from './transaction-status-badge';

/** Enough of the authority to tell rows apart; the detail page and the copy button give all of it. */
const shortAuthority = (authority: string) => `${authority.slice(0, 8)}…`;

/**
 * The transactions of one page: a table from `sm` up, a card list on phones. Each row is one link to the detail page
 * (stretched over the row), named "Open transaction <authority…>".
 */
export function TransactionList({ locale, transactions, shopNames }: { locale: Locale; transactions: TransactionResponse[]; shopNames: Map<string, string> }) {
  const t = translator(locale, 'transactions');
  const tc = translator(locale, 'common');
  const copyText = { label: t('list.copyAuthority'), copied: tc('copied'), failed: tc('copyFailed') };
  const openLink = (tx: TransactionResponse) => (
    <Link href={`/dashboard/transactions/${tx.id}`} className="rounded font-mono text-sm font-medium text-brand-800 after:absolute after:inset-0 hover:underline" dir="ltr">
      <span className="sr-only">{t('list.open')} </span>
      {shortAuthority(tx.authority)}
    </Link>
  );
  const factor = (tx: TransactionResponse) =>
    tx.factor_number ? (
      <span dir="auto" className="break-all">
        {tx.factor_number}
      </span>
    ) : (
      <span className="text-ink-500">{t('detail.none')}</span>
    );

  return (
    <>
      <div className="hidden sm:block">
        <Table caption={t('list.caption')}>
          <thead>
            <tr>
              <Th>{t('list.authority')}</Th>
              <Th>{t('list.factorNumber')}</Th>
              <Th>{t('list.shop')}</Th>
              <Th>{t('list.amount')}</Th>
              <Th>{t('list.status')}</Th>
              <Th>{t('list.created')}</Th>
            </tr>
          </thead>
          <tbody>
            {transactions.map((tx) => (
              <tr key={tx.id} className="relative hover:bg-ink-50 has-[a:focus-visible]:bg-brand-50/60">
                <Td>
                  <span className="flex items-center gap-1">
                    {openLink(tx)}
                    <CopyButton value={tx.authority} text={copyText} className="relative z-10 text-ink-500 hover:bg-ink-100 hover:text-ink-800" />
                  </span>
                </Td>
                <Td className="max-w-40 text-ink-800">{factor(tx)}</Td>
                <Td className="max-w-40 truncate text-ink-700">
                  <bdi>{shopNames.get(tx.shop_id)}</bdi>
                </Td>
                <Td>
                  <Money rials={tx.final_amount} locale={locale} />
                </Td>
                <Td>
                  <TransactionStatusBadge status={tx.status} paidLate={tx.paid_late} locale={locale} />
                </Td>
                <Td className="text-xs whitespace-nowrap text-ink-600">
                  <Timestamp value={tx.created_at} locale={locale} style="date" />
                  <br />
                  <Timestamp value={tx.created_at} locale={locale} style="time" />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>

      <ul className="-mx-1 space-y-2.5 sm:hidden">
        {transactions.map((tx) => (
          <li key={tx.id} className="relative rounded-xl border border-ink-200 p-3.5 hover:bg-ink-50 has-[a:focus-visible]:bg-brand-50/60">
            <div className="flex items-start justify-between gap-3">
              <Money rials={tx.final_amount} locale={locale} />
              <TransactionStatusBadge status={tx.status} paidLate={tx.paid_late} locale={locale} />
            </div>
            <p className="mt-2 flex flex-wrap gap-x-2 text-sm text-ink-700">
              {tx.factor_number ? <span dir="auto" className="font-medium break-all text-ink-900">{tx.factor_number}</span> : null}
              <bdi className="truncate">{shopNames.get(tx.shop_id)}</bdi>
            </p>
            <div className="mt-1.5 flex items-center justify-between gap-3 text-xs text-ink-500">
              {openLink(tx)}
              <Timestamp value={tx.created_at} locale={locale} />
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
