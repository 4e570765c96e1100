import Link from 'next/link';
import type { SMS_MATCH_STATUSES } from '@/lib/sms/sms-statuses';
import { formatNumber, type Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';

type MatchStatus = (typeof SMS_MATCH_STATUSES)[number];

// What needs the merchant first, then the rest.
const FILTERS: (MatchStatus | undefined)[] = [undefined, 'needs_review', 'unmatched', 'paid_late', 'possible_duplicate', 'matched', 'ignored'];

/** The inbox's match-status filter as plain links (bookmarkable, no JavaScript); counts on the ones to resolve. */
export function InboxFilterTabs({
  current,
  toResolve,
  locale,
}: {
  current: MatchStatus | undefined;
  toResolve: Partial<Record<MatchStatus, number>>;
  locale: Locale;
}) {
  const t = translator(locale, 'sms');
  return (
    <nav aria-label={t('inbox.filterLabel')}>
      <ul className="flex flex-wrap gap-1.5">
        {FILTERS.map((filter) => {
          const active = filter === current;
          const count = filter ? (toResolve[filter] ?? 0) : 0;
          return (
            <li key={filter ?? 'all'}>
              <Link
                href={filter ? `/dashboard/sms?match_status=${filter}` : '/dashboard/sms'}
                aria-current={active ? 'page' : undefined}
                className={`inline-flex min-h-9 items-center gap-1.5 rounded-full px-3 text-sm font-medium ring-1 transition-colors ring-inset ${
                  active ? 'bg-brand-700 text-white ring-brand-700' : 'bg-white text-ink-700 ring-ink-200 hover:bg-ink-50'
                }`}
              >
                {t(`inbox.filters.${filter ?? 'all'}`)}
                {count > 0 ? (
                  <>
                    <span
                      aria-hidden="true"
                      className={`rounded-full px-1.5 text-xs tabular-nums ${active ? 'bg-white/20 text-white' : 'bg-amber-100 text-amber-900'}`}
                    >
                      {formatNumber(count, locale)}
                    </span>
                    <span className="sr-only">({t('inbox.toResolve', { count: formatNumber(count, locale) })})</span>
                  </>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
