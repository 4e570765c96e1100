import Link from 'next/link';
import { emptyIcon } from '@/components/dashboard/list-with-form';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, Panel } from '@/components/ui/panel';
import type { Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';

/** A new merchant's overview: no shop yet, so nothing can be paid; the first step is a shop. */
export function NoShopYet({ locale }: { locale: Locale }) {
  const t = translator(locale, 'overview');
  return (
    <Panel>
      <EmptyState
        icon={emptyIcon('M4 9l1.5-5h13L20 9M4 9v11h16V9M4 9h16M9 20v-6h6v6')}
        title={t('empty.noShopTitle')}
        body={t('empty.noShopBody')}
        action={
          <Link href="/dashboard/shops" className={buttonClass('primary')}>
            {t('empty.noShopAction')}
          </Link>
        }
      />
    </Panel>
  );
}

/** Shops but no transaction: how a shop's server creates the first one. */
export function NoTransactionsYet({ shopId, locale }: { shopId: string; locale: Locale }) {
  const t = translator(locale, 'overview');
  const request = [
    'POST /api/transactions/create',
    'X-API-Key: kpay_sk_…',
    'Content-Type: application/json',
    '',
    `{"shop_id": "${shopId}", "card_id": "…",`,
    ' "amount": 1250000, "callback_url": "https://…"}',
  ].join('\n');
  return (
    <Panel>
      <div className="mx-auto flex max-w-xl flex-col items-center gap-3 py-4 text-center">
        <div aria-hidden="true" className="grid size-12 place-items-center rounded-2xl bg-brand-50 text-brand-700">
          {emptyIcon('M4 7h13l-3-3M20 17H7l3 3')}
        </div>
        <h2 className="font-semibold text-ink-900">{t('empty.noTransactionsTitle')}</h2>
        <p className="text-sm text-ink-600">{t('empty.noTransactionsBody')}</p>
        <pre className="w-full overflow-x-auto rounded-xl bg-ink-950 p-3 text-start text-xs leading-relaxed text-ink-100">{request}</pre>
        <p className="text-sm text-ink-600">{t('empty.noTransactionsCards')}</p>
        <div className="flex flex-wrap justify-center gap-2">
          <Link href="/docs" className={buttonClass('primary')}>
            {t('empty.docsAction')}
          </Link>
          <Link href="/dashboard/cards" className={buttonClass('secondary')}>
            {t('empty.cardsAction')}
          </Link>
        </div>
      </div>
    </Panel>
  );
}
