import type { Metadata } from 'next';
import { BackLink } from '@/components/ui/back-link';
import { cache } from 'react';
import { AddWebhookForm } from '@/components/dashboard/shops/add-webhook-form';
import { DeliveryLog } from '@/components/dashboard/shops/delivery-log';
import { EditShopForm } from '@/components/dashboard/shops/edit-shop-form';
import { IntegrationPanel } from '@/components/dashboard/shops/integration-panel';
import { RefreshButton } from '@/components/dashboard/shops/refresh-button';
import { RegenerateKey } from '@/components/dashboard/shops/regenerate-key';
import { ShopStatusButton } from '@/components/dashboard/shops/shop-status-button';
import { ShopWebhookSecret } from '@/components/dashboard/shops/shop-webhook-secret';
import { WebhookEndpointItem } from '@/components/dashboard/shops/webhook-endpoint-item';
import { buttonClass } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { Badge, EmptyState, PageHeader, Panel } from '@/components/ui/panel';
import { WEBHOOK_EVENT_TYPES } from '@/lib/webhooks/webhook-event-types';
import { listCards } from '@/lib/cards/list-cards';
import { config } from '@/lib/config/config';
import { currentMerchant, type Merchant } from '@/lib/dashboard/current-merchant';
import { orNotFound, paramsOrNotFound } from '@/lib/dashboard/not-found';
import { readSearchParams, type SearchParams } from '@/lib/dashboard/search-params';
import { formatDate } from '@/lib/format/date';
import { requestLocale } from '@/lib/i18n/request-locale';
import { translator } from '@/lib/i18n/translator';
import { getShop } from '@/lib/shops/get-shop';
import { shopIdParams } from '@/lib/shops/schemas';
import { listDeliveriesQuery } from '@/lib/webhooks/schemas';
import { shopWebhookSecretHint } from '@/lib/webhooks/shop-webhook-secret';
import { listWebhookDeliveries } from '@/lib/webhooks/webhook-deliveries';
import { listWebhooks } from '@/lib/webhooks/webhook-endpoints';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

const DELIVERIES_PER_PAGE = 10;
/** What the delivery log reads from the URL: its status filter and page. */
const deliveryLogParams = listDeliveriesQuery.pick({ status: true, page: true });

/**
 * The merchant's shop, or the 404 page: a malformed id and another merchant's shop look the same, as in the API.
 * Cached per request, so the title and the page share one read.
 */
const findShop = cache(async (merchant: Merchant, rawId: string) =>
  orNotFound(getShop(merchant.principal, paramsOrNotFound(shopIdParams, { id: rawId }).id)),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [merchant, locale, { id }] = await Promise.all([currentMerchant(), requestLocale(), params]);
  const shop = await findShop(merchant, id);
  return { title: `${shop.name} — ${translator(locale, 'shops')('title')} — KPay` };
}

/**
 * One shop: details and edit, on/off, its API key, ready requests to integrate, webhook endpoints, the shop's own
 * signing secret and the delivery log.
 */
export default async function ShopPage({ params, searchParams }: Props) {
  const merchant = await currentMerchant();
  const locale = await requestLocale();
  const t = translator(locale, 'shops');
  const tc = translator(locale, 'common');
  const shop = await findShop(merchant, (await params).id);

  // The log's filter and page come from the URL; a hand-edited value that fails the API's schema shows all statuses, or the first page.
  const deliveryQuery = { ...readSearchParams(await searchParams, deliveryLogParams), shop_id: shop.id, per_page: DELIVERIES_PER_PAGE };

  const [{ webhooks }, deliveries, { cards }, shopSecretHint] = await Promise.all([
    listWebhooks(merchant.principal, shop.id),
    listWebhookDeliveries(merchant.principal, deliveryQuery),
    listCards(merchant.principal),
    shopWebhookSecretHint(merchant.principal, shop.id),
  ]);
  const activeCard = cards.find((card) => card.is_active);
  const copyText = { label: tc('copy'), copied: tc('copied'), failed: tc('copyFailed') };
  const none = <span className="text-ink-500">—</span>;

  return (
    <>
      <BackLink href="/dashboard/shops" label={t('backToShops')} />
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            <span className="break-words">{shop.name}</span>
            <Badge tone={shop.is_active ? 'success' : 'neutral'}>{shop.is_active ? tc('active') : tc('inactive')}</Badge>
          </span>
        }
        actions={<ShopStatusButton shopId={shop.id} shopName={shop.name} isActive={shop.is_active} />}
      />
      {shop.is_active ? null : (
        <p role="status" className="mb-5 rounded-xl bg-amber-50 p-3.5 text-sm leading-6 text-amber-900 ring-1 ring-amber-200">
          {t('status.inactiveNotice')}
        </p>
      )}

      <div className="space-y-6">
        <div className="grid gap-6 lg:grid-cols-2 lg:items-start">
          <Panel title={t('details.title')}>
            {/* A grid rather than a wrapper around the two dates: only single <div>s may group a <dt> and its <dd>. */}
            <dl className="grid grid-cols-2 gap-x-3 gap-y-3.5 text-sm">
              <div className="col-span-2">
                <dt className="text-xs text-ink-500">{t('details.id')}</dt>
                <dd className="mt-0.5 flex flex-wrap items-center gap-1">
                  <code dir="ltr" className="min-w-0 font-mono text-[13px] break-all text-ink-900">
                    {shop.id}
                  </code>
                  <CopyButton value={shop.id} text={copyText} className="text-brand-800 hover:bg-brand-50" />
                </dd>
              </div>
              <div className="col-span-2">
                <dt className="text-xs text-ink-500">{t('fields.website')}</dt>
                <dd className="mt-0.5 break-all">
                  {shop.website ? (
                    <a href={shop.website} dir="ltr" target="_blank" rel="noopener noreferrer" className="text-brand-800 underline underline-offset-2">
                      {shop.website}
                    </a>
                  ) : (
                    none
                  )}
                </dd>
              </div>
              <div className="col-span-2">
                <dt className="text-xs text-ink-500">{t('fields.phone')}</dt>
                <dd className="mt-0.5 text-ink-900">{shop.phone ? <bdi dir="ltr">{shop.phone}</bdi> : none}</dd>
              </div>
              <div>
                <dt className="text-xs text-ink-500">{t('details.created')}</dt>
                <dd className="mt-0.5 text-ink-900">
                  <time dateTime={shop.created_at}>{formatDate(shop.created_at, locale, 'date')}</time>
                </dd>
              </div>
              <div>
                <dt className="text-xs text-ink-500">{t('details.updated')}</dt>
                <dd className="mt-0.5 text-ink-900">
                  <time dateTime={shop.updated_at}>{formatDate(shop.updated_at, locale, 'dateTime')}</time>
                </dd>
              </div>
            </dl>
          </Panel>
          <Panel title={t('edit.title')}>
            <EditShopForm shop={shop} />
          </Panel>
        </div>

        <Panel title={t('apiKey.title')}>
          <RegenerateKey shopId={shop.id} keyHint={shop.api_key_hint} />
        </Panel>

        <Panel title={t('integration.title')}>
          <IntegrationPanel locale={locale} publicUrl={config().publicUrl} shopId={shop.id} website={shop.website} cardId={activeCard?.id} />
        </Panel>

        <Panel title={t('webhooks.title')}>
          <p className="mb-4 text-sm leading-6 text-ink-600">
            {t.rich('webhooks.description', {
              header: (chunks) => (
                <code dir="ltr" className="rounded-md bg-ink-100 px-1.5 py-0.5 font-mono whitespace-nowrap text-[13px] text-ink-900">
                  {chunks}
                </code>
              ),
            })}
          </p>
          <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
            <section aria-labelledby="webhook-list-title">
              <h3 id="webhook-list-title" className="sr-only">
                {t('webhooks.listTitle')}
              </h3>
              {webhooks.length === 0 ? (
                <EmptyState
                  title={t('webhooks.empty.title')}
                  body={t('webhooks.empty.body')}
                  action={
                    <a href="#webhook-url" className={buttonClass('secondary')}>
                      {t('webhooks.empty.action')}
                    </a>
                  }
                />
              ) : (
                <ul className="space-y-3">
                  {webhooks.map((webhook) => (
                    <li key={webhook.id}>
                      <WebhookEndpointItem webhook={webhook} eventTypes={WEBHOOK_EVENT_TYPES} created={formatDate(webhook.created_at, locale, 'date')} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="webhook-add-title" className="rounded-xl bg-ink-50 p-4">
              <h3 id="webhook-add-title" className="mb-3 text-sm font-semibold text-ink-900">
                {t('webhooks.addTitle')}
              </h3>
              <AddWebhookForm shopId={shop.id} eventTypes={WEBHOOK_EVENT_TYPES} />
            </section>
          </div>
          <div className="mt-6">
            <ShopWebhookSecret shopId={shop.id} hint={shopSecretHint} />
          </div>
        </Panel>

        <Panel title={t('deliveries.title')} actions={<RefreshButton label={t('deliveries.refresh')} />}>
          <DeliveryLog
            locale={locale}
            deliveries={deliveries.deliveries}
            total={deliveries.total}
            page={deliveries.page}
            perPage={deliveries.per_page}
            status={deliveryQuery.status}
          />
        </Panel>
      </div>
    </>
  );
}
