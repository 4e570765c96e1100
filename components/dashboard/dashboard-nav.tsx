import type { ReactNode } from 'react';
import type { Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';
import { NavLink } from './nav-link';

const icon = (d: string): ReactNode => (
  <svg viewBox="0 0 24 24" aria-hidden="true" className="size-5 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round">
    <path d={d} />
  </svg>
);

const ICONS = {
  overview: icon('M4 13h6V4H4zM14 20h6v-9h-6zM4 20h6v-3H4zM14 7h6V4h-6z'),
  transactions: icon('M4 7h13l-3-3M20 17H7l3 3'),
  shops: icon('M4 9l1.5-5h13L20 9M4 9v11h16V9M4 9h16M9 20v-6h6v6'),
  cards: icon('M3 6h18v12H3zM3 10h18M7 15h4'),
  sms: icon('M4 5h16v11H8l-4 4zM8 9h8M8 12h5'),
  crypto: icon('M12 3v18M8 7h6a3 3 0 010 6H8h7a3 3 0 010 6H8'),
  balances: icon('M4 7h14a2 2 0 012 2v9a2 2 0 01-2 2H4zM4 7V6a2 2 0 012-2h10v3M16 13.5h1'),
  withdrawals: icon('M12 15V4M8 8l4-4 4 4M4 14v6h16v-6'),
};

/** The dashboard's sections: the card-to-card rail, then the crypto rail (payments, balances, withdrawals). */
export function DashboardNav({ locale }: { locale: Locale }) {
  const t = translator(locale, 'nav');
  return (
    <nav aria-label={t('mainNavigation')} className="space-y-5">
      <div>
        <p className="px-3 pb-1.5 text-xs font-semibold tracking-wide text-ink-500">{t('cardToCard')}</p>
        <ul className="space-y-0.5">
          <li>
            <NavLink href="/dashboard" exact>
              {ICONS.overview}
              {t('overview')}
            </NavLink>
          </li>
          <li>
            <NavLink href="/dashboard/transactions">
              {ICONS.transactions}
              {t('transactions')}
            </NavLink>
          </li>
          <li>
            <NavLink href="/dashboard/shops">
              {ICONS.shops}
              {t('shops')}
            </NavLink>
          </li>
          <li>
            <NavLink href="/dashboard/cards">
              {ICONS.cards}
              {t('cards')}
            </NavLink>
          </li>
          <li>
            <NavLink href="/dashboard/sms">
              {ICONS.sms}
              {t('sms')}
            </NavLink>
          </li>
        </ul>
      </div>
      <div>
        <p className="px-3 pb-1.5 text-xs font-semibold tracking-wide text-ink-500">{t('crypto')}</p>
        <ul className="space-y-0.5">
          <li>
            <NavLink href="/dashboard/crypto">
              {ICONS.crypto}
              {t('cryptoPayments')}
            </NavLink>
          </li>
          <li>
            <NavLink href="/dashboard/balances">
              {ICONS.balances}
              {t('balances')}
            </NavLink>
          </li>
          <li>
            <NavLink href="/dashboard/withdrawals">
              {ICONS.withdrawals}
              {t('withdrawals')}
            </NavLink>
          </li>
        </ul>
      </div>
    </nav>
  );
}
