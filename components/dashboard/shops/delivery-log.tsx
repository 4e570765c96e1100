import Link from 'next/link';
import { WEBHOOK_DELIVERY_STATUSES } from '@/lib/webhooks/webhook-delivery-statuses';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@/lib/webhooks/webhook-event-types';
import { ListPagination } from '@/components/dashboard/list-pagination';
import { Badge, type BadgeTone, EmptyState } from '@/components/ui/panel';
import { formatDate } from '@/lib/format/date';
import { formatNumber, localizeDigits, type Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';
import type { DeliveryResponse } from '@/lib/webhooks/schemas';
import { RedeliverButton } from './redeliver-button';

type DeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

const STATUS_TONE: Record<DeliveryStatus, BadgeTone> = { pending: 'warning', succeeded: 'success', failed: 'danger' };

/** Why a failed delivery was ended without an attempt (its endpoint was disabled): not in any attempt's error. */
const stopReason = (d: DeliveryResponse) =>
  d.status === 'failed' && d.last_error && d.last_error !== d.attempts.at(-1)?.error ? d.last_error : null;

const isKnownEvent = (type: string): type is WebhookEventType => (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type);

/**
 * The shop's webhook deliveries, newest first (GET /api/webhooks/deliveries?shop_id=…): what was sent where, how it
 * went, when it is retried, and each attempt's answer; any delivery can be sent again. Filtered by status with plain
 * links, so a filtered log can be bookmarked.
 */
export function DeliveryLog({
  locale,
  deliveries,
  total,
  page,
  perPage,
  status,
}: {
  locale: Locale;
  deliveries: DeliveryResponse[];
  total: number;
  page: number;
  perPage: number;
  status?: DeliveryStatus;
}) {
  const t = translator(locale, 'shops');
  const tc = translator(locale, 'common');
  const eventLabel = (type: string) => (isKnownEvent(type) ? t(`webhooks.eventLabels.${type}`) : type);
  const time = (value: string) => <time dateTime={value}>{formatDate(value, locale, 'dateTime')}</time>;

  const filters: { value?: DeliveryStatus; label: string }[] = [
    { label: tc('all') },
    ...WEBHOOK_DELIVERY_STATUSES.map((value) => ({ value, label: t(`deliveries.status.${value}`) })),
  ];

  return (
    <div className="space-y-4">
      <nav aria-label={t('deliveries.filterLabel')} className="-mx-1 flex gap-1.5 overflow-x-auto px-1 pb-1">
        {filters.map((filter) => {
          const current = filter.value === status;
          return (
            <Link
              key={filter.label}
              href={filter.value ? `?status=${filter.value}` : '?'}
              scroll={false}
              aria-current={current ? 'page' : undefined}
              className={`inline-flex min-h-9 shrink-0 items-center rounded-full px-3.5 text-sm font-medium ring-1 ring-inset ${
                current ? 'bg-brand-700 text-white ring-brand-700' : 'bg-white text-ink-700 ring-ink-200 hover:bg-ink-50'
              }`}
            >
              {filter.label}
            </Link>
          );
        })}
      </nav>

      {deliveries.length === 0 ? (
        <EmptyState
          title={status ? t('deliveries.emptyFiltered') : t('deliveries.empty.title')}
          body={status ? undefined : t('deliveries.empty.body')}
          icon={
            <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round">
              <path d="M4 12h11M11 6l6 6-6 6M20 5v14" />
            </svg>
          }
        />
      ) : (
        <ul className="space-y-3">
          {deliveries.map((delivery) => (
            <li key={delivery.id}>
              <article aria-label={`${eventLabel(delivery.event_type)}, ${formatDate(delivery.created_at, locale, 'dateTime')}`} className="rounded-xl border border-ink-200 bg-white p-3.5 sm:p-4">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-1.5 text-sm font-semibold text-ink-950">
                      {eventLabel(delivery.event_type)}
                      {delivery.webhook_id === null ? <Badge tone="neutral">{t('deliveries.ownUrl')}</Badge> : null}
                    </p>
                    <code dir="ltr" className="block truncate font-mono text-xs text-ink-500">
                      {delivery.url}
                    </code>
                  </div>
                  <Badge tone={STATUS_TONE[delivery.status]}>{t(`deliveries.status.${delivery.status}`)}</Badge>
                </div>
                <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2.5 text-sm sm:grid-cols-4">
                  <div>
                    <dt className="text-xs text-ink-500">{t('deliveries.attempts')}</dt>
                    <dd className="mt-0.5 text-ink-900">{formatNumber(delivery.attempt_count, locale)}</dd>
                  </div>
                  <div>
                    <dt className="text-xs text-ink-500">{t('deliveries.lastResponse')}</dt>
                    <dd className="mt-0.5 text-ink-900">
                      {delivery.last_status_code !== null ? (
                        <span dir="ltr">HTTP {localizeDigits(String(delivery.last_status_code), locale)}</span>
                      ) : delivery.attempt_count > 0 ? (
                        t('deliveries.noResponse')
                      ) : (
                        '—'
                      )}
                    </dd>
                  </div>
                  <div>
                    <dt className="text-xs text-ink-500">{t('deliveries.created')}</dt>
                    <dd className="mt-0.5 text-ink-900">{time(delivery.created_at)}</dd>
                  </div>
                  <div>
                    <dt className="text-xs text-ink-500">{delivery.delivered_at ? t('deliveries.deliveredAt') : t('deliveries.nextRetry')}</dt>
                    <dd className="mt-0.5 text-ink-900">
                      {delivery.delivered_at ? time(delivery.delivered_at) : delivery.next_attempt_at ? time(delivery.next_attempt_at) : '—'}
                    </dd>
                  </div>
                </dl>
                {stopReason(delivery) ? (
                  <p className="mt-3 text-sm text-red-800">
                    {t('deliveries.stopped')}:{' '}
                    <span dir="ltr" className="font-mono text-xs break-all">
                      {stopReason(delivery)}
                    </span>
                  </p>
                ) : null}
                <div className="mt-3 flex flex-wrap items-start justify-between gap-2 border-t border-ink-100 pt-3">
                  {delivery.attempts.length > 0 ? (
                    <details className="group min-w-0 flex-1 basis-60">
                      <summary className="inline-flex min-h-9 cursor-pointer items-center gap-1 rounded-lg text-sm font-medium text-brand-800">
                        {t('deliveries.attemptLog', { count: formatNumber(delivery.attempts.length, locale) })}
                      </summary>
                      <ol className="mt-2 space-y-2">
                        {delivery.attempts.map((attempt) => (
                          <li key={attempt.attempt} className="rounded-lg bg-ink-50 p-2.5 text-xs text-ink-700">
                            <p className="flex flex-wrap gap-x-3 gap-y-0.5">
                              <span className="font-semibold text-ink-900">{t('deliveries.attemptNumber', { number: formatNumber(attempt.attempt, locale) })}</span>
                              <span>{time(attempt.created_at)}</span>
                              <span>{t('deliveries.duration', { ms: formatNumber(attempt.duration_ms, locale) })}</span>
                              {attempt.status_code !== null ? <span dir="ltr">HTTP {localizeDigits(String(attempt.status_code), locale)}</span> : null}
                            </p>
                            {attempt.error ? (
                              <p dir="ltr" className="mt-1 text-start font-mono break-all text-red-800">
                                {attempt.error}
                              </p>
                            ) : null}
                            {attempt.response_excerpt ? (
                              <pre dir="ltr" className="mt-1 max-h-32 overflow-auto text-start font-mono whitespace-pre-wrap break-all text-ink-800">
                                {attempt.response_excerpt}
                              </pre>
                            ) : null}
                          </li>
                        ))}
                      </ol>
                    </details>
                  ) : (
                    <p className="min-h-9 flex-1 content-center text-sm text-ink-500">{t('deliveries.notAttempted')}</p>
                  )}
                  <RedeliverButton deliveryId={delivery.id} />
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}

      <ListPagination locale={locale} page={page} perPage={perPage} total={total} searchParams={{ status }} />
    </div>
  );
}
