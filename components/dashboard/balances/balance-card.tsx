import Link from 'next/link';
import type { z } from 'zod';
import { CryptoAmount, trimDecimal } from '@/components/dashboard/crypto/crypto-amount';
import { CurrencyLabel } from '@/components/dashboard/crypto/currency-label';
import { DetailRow } from '@/components/dashboard/detail-row';
import { buttonClass } from '@/components/ui/button';
import { Badge } from '@/components/ui/panel';
import { currencyOf } from '@/lib/currencies/currencies';
import type { Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';
import type { balancesResponse } from '@/lib/ledger/schemas';
import { parseAmount } from '@/lib/money';

export type Balance = z.infer<typeof balancesResponse>['balances'][number];

/** Base units of a balance figure (a decimal string of the currency). */
export const unitsOf = (balance: Balance, value: string): bigint => parseAmount(value, currencyOf(balance.currency).decimals).units;

const PARTS = [
  { key: 'available', field: 'available_balance', colour: 'bg-brand-600' },
  { key: 'pending', field: 'pending_balance', colour: 'bg-sky-400' },
  { key: 'reserved', field: 'reserved_balance', colour: 'bg-amber-400' },
] as const;

/**
 * One currency's money: what can be withdrawn, large; under it a bar of how what the merchant holds splits into
 * available, pending and reserved (a legend's dots beside those figures; the figures say it for screen readers), then
 * the totals received and withdrawn. A currency enabled here with funds available links to the withdrawal form.
 */
export function BalanceCard({ balance, enabled, locale }: { balance: Balance; enabled: boolean; locale: Locale }) {
  const t = translator(locale, 'crypto');
  const currency = currencyOf(balance.currency);
  const amount = (value: string, className = 'font-semibold') => <CryptoAmount value={trimDecimal(value)} symbol={currency.symbol} locale={locale} className={className} />;
  const units = PARTS.map((part) => unitsOf(balance, balance[part.field]));
  const held = units.reduce((sum, u) => sum + u, 0n);
  // Shares of a bar, for drawing only (tenths of a percent, from integers); no amount goes through them.
  const share = (u: bigint) => (held === 0n ? 0 : Number((u * 1000n) / held) / 10);
  const dot = (colour: string) => <span aria-hidden="true" className={`me-1.5 inline-block size-2 rounded-full ${colour}`} />;

  return (
    <li data-balance={balance.currency} data-available={balance.available_balance} className="flex flex-col rounded-2xl border border-ink-200 bg-white p-4 shadow-xs">
      <div className="flex items-start justify-between gap-2">
        <h2>
          <CurrencyLabel code={balance.currency} locale={locale} />
        </h2>
        {enabled ? null : <Badge>{t('balances.notEnabled')}</Badge>}
      </div>

      <p className="mt-4 text-xs font-medium text-ink-600">
        {dot(PARTS[0].colour)}
        {t('balances.available')}
      </p>
      <p className="mt-0.5 text-2xl break-all">{amount(balance.available_balance, 'font-bold text-ink-950')}</p>
      <p className="mt-0.5 text-xs text-ink-500">{t('balances.availableHint')}</p>

      {held > 0n ? (
        <div aria-hidden="true" className="mt-3 flex h-2 overflow-hidden rounded-full bg-ink-100">
          {PARTS.map((part, i) => (units[i]! > 0n ? <span key={part.key} className={`${part.colour} min-w-1`} style={{ width: `${share(units[i]!)}%` }} /> : null))}
        </div>
      ) : null}

      <dl className="mt-4 grid grid-cols-2 gap-3 border-t border-ink-100 pt-3">
        <DetailRow label={<>{dot(PARTS[1].colour)}{t('balances.pending')}</>}>{amount(balance.pending_balance)}</DetailRow>
        <DetailRow label={<>{dot(PARTS[2].colour)}{t('balances.reserved')}</>}>{amount(balance.reserved_balance)}</DetailRow>
        <DetailRow label={t('balances.totalReceived')}>{amount(balance.total_received)}</DetailRow>
        <DetailRow label={t('balances.totalWithdrawn')}>{amount(balance.total_withdrawn)}</DetailRow>
      </dl>

      {enabled && units[0]! > 0n ? (
        <Link href={`/dashboard/withdrawals?withdraw=${balance.currency}#withdrawal-currency`} className={buttonClass('secondary', 'sm', 'mt-4 self-start')}>
          {t('balances.withdraw', { symbol: currency.symbol })}
          <span className="sr-only"> ({t('networkOf', { network: t(`networks.${currency.network}`) })})</span>
        </Link>
      ) : null}
    </li>
  );
}
