import { EventTimeline } from '@/components/dashboard/event-timeline';
import type { CryptoPaymentEvent } from '@/lib/crypto-payments/list-crypto-payment-events';
import type { Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';

// The payment's own changes, then the chain watcher's news of each deposit (lib/deposits: seen, confirmed, orphaned).
const EVENT_TYPES = [
  'created',
  'pending',
  'confirming',
  'completed',
  'expired',
  'failed',
  'paid_late',
  'underpaid',
  'overpaid',
  'deposit_seen',
  'deposit_seen_again',
  'deposit_confirmed',
  'deposit_orphaned',
] as const;
const ACTORS = ['merchant', 'shop_api', 'chain', 'system'] as const;

const DOT: Partial<Record<(typeof EVENT_TYPES)[number], string>> = {
  created: 'bg-brand-600',
  pending: 'bg-sky-600',
  confirming: 'bg-sky-600',
  completed: 'bg-emerald-600',
  paid_late: 'bg-amber-600',
  underpaid: 'bg-red-600',
  overpaid: 'bg-sky-600',
  failed: 'bg-red-600',
  deposit_seen: 'bg-sky-600',
  deposit_seen_again: 'bg-sky-600',
  deposit_confirmed: 'bg-emerald-600',
  deposit_orphaned: 'bg-red-600',
};

/** Every state change and flag of a crypto payment, oldest first. */
export function CryptoTimeline({ events, locale }: { events: CryptoPaymentEvent[]; locale: Locale }) {
  return <EventTimeline events={events} locale={locale} types={EVENT_TYPES} actors={ACTORS} dots={DOT} t={translator(locale, 'crypto')} />;
}
