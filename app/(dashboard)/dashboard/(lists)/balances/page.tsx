import type { Metadata } from 'next';
import Link from 'next/link';
import { BalanceCard, unitsOf } from '@/components/dashboard/balances/balance-card';
import { emptyIcon } from '@/components/dashboard/list-with-form';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, PageHeader, Panel } from '@/components/ui/panel';
import { currencyOf } from '@/lib/currencies/currencies';
import { currencySettings } from '@/lib/currencies/currency-settings';
import { currentMerchant } from '@/lib/dashboard/current-merchant';
import { requestLocale } from '@/lib/i18n/request-locale';
import { translator } from '@/lib/i18n/translator';
import { getBalances } from '@/lib/ledger/get-balances';

export async function generateMetadata(): Promise<Metadata> {
  return { title: `${translator(await requestLocale(), 'crypto')('balances.title')} — KPay` };
}

const WALLET = 'M4 7h14a2 2 0 012 2v9a2 2 0 01-2 2H4zM4 7V6a2 2 0 012-2h10v3M16 13.5h1';

/**
 * The merchant's crypto per currency, from the ledger: a card for each currency that has seen any money, and the
 * others in one line (all zero), or what to expect when nothing has arrived yet.
 */
export default async function BalancesPage() {
  const merchant = await currentMerchant();
  const locale = await requestLocale();
  const t = translator(locale, 'crypto');
  const { balances } = await getBalances(merchant.principal);

  const hasActivity = (balance: (typeof balances)[number]) =>
    [balance.available_balance, balance.pending_balance, balance.reserved_balance, balance.total_received, balance.total_withdrawn].some(
      (value) => unitsOf(balance, value) !== 0n,
    );
  const active = balances.filter(hasActivity);
  const quiet = balances.filter((balance) => !hasActivity(balance));

  return (
    <div className="space-y-5">
      <PageHeader title={t('balances.title')} description={t('balances.description')} />
      {active.length > 0 ? (
        <section aria-label={t('balances.cardsLabel')}>
          <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
            {active.map((balance) => (
              <BalanceCard key={balance.currency} balance={balance} enabled={currencySettings(balance.currency).enabled} locale={locale} />
            ))}
          </ul>
        </section>
      ) : (
        <Panel>
          <EmptyState
            title={t('balances.emptyTitle')}
            body={t('balances.emptyBody')}
            icon={emptyIcon(WALLET)}
            action={
              <Link href="/dashboard/crypto" className={buttonClass('secondary')}>
                {t('balances.emptyAction')}
              </Link>
            }
          />
        </Panel>
      )}
      {quiet.length > 0 ? (
        <Panel title={t('balances.inactiveTitle')}>
          <p className="text-sm text-ink-600">{t('balances.inactiveBody')}</p>
          <ul className="mt-3 flex flex-wrap gap-2">
            {quiet.map((balance) => {
              const currency = currencyOf(balance.currency);
              const enabled = currencySettings(balance.currency).enabled;
              return (
                <li key={balance.currency} data-quiet-balance={balance.currency} className="rounded-xl border border-ink-200 px-3 py-1.5 text-sm">
                  <span className="font-semibold text-ink-900">{currency.symbol}</span>{' '}
                  <span className="text-xs text-ink-500">{t('networkOf', { network: t(`networks.${currency.network}`) })}</span>
                  {enabled ? null : <span className="block text-xs text-ink-500">{t('balances.notEnabled')}</span>}
                </li>
              );
            })}
          </ul>
        </Panel>
      ) : null}
    </div>
  );
}
