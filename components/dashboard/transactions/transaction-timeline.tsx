import type { z } from 'zod';
import { EventTimeline } from '@/components/dashboard/event-timeline';
import type { Locale } from '@/lib/format/number';
import { localizeDigits } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';
import type { transactionDetailResponse } from '@/lib/transactions/schemas';

type TransactionEvent = z.infer<typeof transactionDetailResponse>['events'][number];

const EVENT_TYPES = ['created', 'claim', 'paid', 'verified', 'expired', 'cancelled', 'failed', 'paid_late'] as const;
const ACTORS = ['merchant', 'shop_api', 'sms', 'buyer', 'system'] as const;

const DOT: Partial<Record<(typeof EVENT_TYPES)[number], string>> = {
  created: 'bg-brand-600',
  claim: 'bg-amber-500',
  paid: 'bg-emerald-600',
  verified: 'bg-brand-800',
  paid_late: 'bg-amber-600',
  failed: 'bg-red-600',
};

/** Every state change and report of the transaction, oldest first; a buyer's claim with its tracking number and card. */
export function TransactionTimeline({ events, locale }: { events: TransactionEvent[]; locale: Locale }) {
  const t = translator(locale, 'transactions');
  return (
    <EventTimeline
      events={events}
      locale={locale}
      types={EVENT_TYPES}
      actors={ACTORS}
      dots={DOT}
      t={t}
      detail={(event) => {
        const claim = event.type === 'claim' && event.data ? (event.data as { reference?: unknown; card_last4?: unknown }) : undefined;
        return claim ? (
          <p className="mt-0.5 text-sm text-ink-700">
            {t('timeline.claimDetail', { reference: localizeDigits(String(claim.reference ?? ''), locale), last4: localizeDigits(String(claim.card_last4 ?? ''), locale) })}
          </p>
        ) : null;
      }}
    />
  );
}
