import { Timestamp } from '@/components/dashboard/transactions/timestamp';
import type { CryptoPaymentEvent } from '@/lib/crypto-payments/list-crypto-payment-events';
import type { Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';

const EVENT_TYPES = ['created', 'pending', 'confirming', 'completed', 'expired', 'failed', 'paid_late', 'underpaid', 'overpaid'] as const;
const ACTORS = ['merchant', 'shop_api', 'chain', 'system'] as const;
const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

const DOT: Partial<Record<(typeof EVENT_TYPES)[number], string>> = {
  created: 'bg-brand-600',
  pending: 'bg-sky-600',
  confirming: 'bg-sky-600',
  completed: 'bg-emerald-600',
  paid_late: 'bg-amber-600',
  underpaid: 'bg-red-600',
  overpaid: 'bg-sky-600',
  failed: 'bg-red-600',
};

/** Every state change and flag of a crypto payment, oldest first: it reads as the story up to the current state. */
export function CryptoTimeline({ events, locale }: { events: CryptoPaymentEvent[]; locale: Locale }) {
  const t = translator(locale, 'crypto');
  return (
    <ol>
      {events.map((event, index) => {
        const known = isOneOf(EVENT_TYPES, event.type) ? event.type : undefined;
        const actor = isOneOf(ACTORS, event.actor) ? t(`timeline.actors.${event.actor}`) : event.actor;
        const last = index === events.length - 1;
        return (
          <li key={`${event.created_at}-${index}`} className="relative flex gap-3 pb-5 last:pb-0">
            {last ? null : <span aria-hidden="true" className="absolute start-[0.4375rem] top-4 bottom-0 w-px bg-ink-200" />}
            <span aria-hidden="true" className={`relative mt-1 size-3.5 shrink-0 rounded-full ring-4 ring-white ${(known && DOT[known]) ?? 'bg-ink-400'}`} />
            <div className="min-w-0">
              <p className="text-sm font-semibold text-ink-900">{known ? t(`timeline.events.${known}`) : event.type}</p>
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
