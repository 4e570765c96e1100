import type { z } from 'zod';
import type { Locale } from '@/lib/format/number';
import { localizeDigits } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';
import type { transactionDetailResponse } from '@/lib/transactions/schemas';
import { Timestamp } from './timestamp';

type TransactionEvent = z.infer<typeof transactionDetailResponse>['events'][number];

const EVENT_TYPES = ['created', 'claim', 'paid', 'verified', 'expired', 'cancelled', 'failed', 'paid_late'] as const;
const ACTORS = ['merchant', 'shop_api', 'sms', 'buyer', 'system'] as const;
const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

const DOT: Partial<Record<(typeof EVENT_TYPES)[number], string>> = {
  created: 'bg-brand-600',
  claim: 'bg-amber-500',
  paid: 'bg-emerald-600',
  verified: 'bg-brand-800',
  paid_late: 'bg-amber-600',
  failed: 'bg-red-600',
};

/** Every state change and report of the transaction, oldest first: it reads as the story up to the current state. */
export function TransactionTimeline({ events, locale }: { events: TransactionEvent[]; locale: Locale }) {
  const t = translator(locale, 'transactions');
  return (
    <ol className="space-y-0">
      {events.map((event, index) => {
        const known = isOneOf(EVENT_TYPES, event.type) ? event.type : undefined;
        const actor = isOneOf(ACTORS, event.actor) ? t(`timeline.actors.${event.actor}`) : event.actor;
        const claim = event.type === 'claim' && event.data ? (event.data as { reference?: unknown; card_last4?: unknown }) : undefined;
        const last = index === events.length - 1;
        return (
          <li key={`${event.created_at}-${index}`} className="relative flex gap-3 pb-5 last:pb-0">
            {last ? null : <span aria-hidden="true" className="absolute start-[0.4375rem] top-4 bottom-0 w-px bg-ink-200" />}
            <span aria-hidden="true" className={`relative mt-1 size-3.5 shrink-0 rounded-full ring-4 ring-white ${(known && DOT[known]) ?? 'bg-ink-400'}`} />
            <div className="min-w-0">
              <p className="text-sm font-semibold text-ink-900">{known ? t(`timeline.events.${known}`) : event.type}</p>
              {claim ? (
                <p className="mt-0.5 text-sm text-ink-700">
                  {t('timeline.claimDetail', { reference: localizeDigits(String(claim.reference ?? ''), locale), last4: localizeDigits(String(claim.card_last4 ?? ''), locale) })}
                </p>
              ) : null}
              <p className="mt-0.5 text-xs text-ink-500">
                {t('timeline.by', { actor })} · <Timestamp value={event.created_at} locale={locale} />
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
