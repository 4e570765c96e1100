import Link from 'next/link';
import { Money } from '@/components/dashboard/money';
import { formatDate } from '@/lib/format/date';
import type { Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';
import type { ActivityItem } from '@/lib/transactions/summarize-transactions';

const EVENT_TYPES = ['created', 'claim', 'paid', 'verified', 'expired', 'cancelled', 'failed', 'paid_late'] as const;
type KnownEvent = (typeof EVENT_TYPES)[number];
const isKnown = (type: string): type is KnownEvent => (EVENT_TYPES as readonly string[]).includes(type);

// Money in: green; needs a look: amber; closed without money: grey.
const DOT: Record<KnownEvent, string> = {
  created: 'bg-sky-500',
  claim: 'bg-amber-500',
  paid: 'bg-emerald-500',
  verified: 'bg-brand-600',
  expired: 'bg-ink-400',
  cancelled: 'bg-ink-400',
  failed: 'bg-red-500',
  paid_late: 'bg-amber-500',
};

/** The latest transaction events, newest first; each opens its transaction. */
export function RecentActivity({ items, locale }: { items: ActivityItem[]; locale: Locale }) {
  const t = translator(locale, 'overview');
  if (items.length === 0) return <p className="py-6 text-center text-sm text-ink-500">{t('activity.empty')}</p>;
  return (
    <ol className="-my-2 divide-y divide-ink-100">
      {items.map((item) => {
        const known = isKnown(item.type) ? item.type : undefined;
        return (
          <li key={item.eventId}>
            <Link
              href={`/dashboard/transactions/${item.transactionId}`}
              className="-mx-2 flex items-center gap-3 rounded-xl px-2 py-2.5 hover:bg-ink-50"
            >
              <span aria-hidden="true" className={`size-2.5 shrink-0 rounded-full ${known ? DOT[known] : 'bg-ink-300'}`} />
              <span className="min-w-0 flex-1">
                <span className="block truncate text-sm font-medium text-ink-900">
                  {known ? t(`activity.events.${known}`) : t('activity.events.other')}
                  <span className="font-normal text-ink-500"> · {item.shopName}</span>
                </span>
                <span className="block truncate text-xs text-ink-500">
                  <code>{item.authority}</code>
                </span>
              </span>
              <span className="flex shrink-0 flex-col items-end gap-0.5 text-end">
                <Money rials={item.finalAmount} locale={locale} compact />
                <time dateTime={item.at.toISOString()} className="text-xs text-ink-500">
                  {formatDate(item.at, locale, 'dayMonth')} · {formatDate(item.at, locale, 'time')}
                </time>
              </span>
            </Link>
          </li>
        );
      })}
    </ol>
  );
}
