import type { Metadata } from 'next';
import { CreateShopForm } from '@/components/dashboard/shops/create-shop-form';
import { ShopListItem } from '@/components/dashboard/shops/shop-list-item';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, PageHeader, Panel } from '@/components/ui/panel';
import { currentMerchant } from '@/lib/dashboard/current-merchant';
import { requestLocale } from '@/lib/i18n/request-locale';
import { translator } from '@/lib/i18n/translator';
import { listShops } from '@/lib/shops/list-shops';

export async function generateMetadata(): Promise<Metadata> {
  return { title: `${translator(await requestLocale(), 'shops')('title')} — KPay` };
}

/** The merchant's shops (each with its own API key and webhooks), and the form that creates one beside them (below on phones). */
export default async function ShopsPage() {
  const merchant = await currentMerchant();
  const locale = await requestLocale();
  const t = translator(locale, 'shops');
  const { shops } = await listShops(merchant.principal);
  // A link to the name field: following it scrolls to the form and puts the caret there.
  const toForm = (label: string) => (
    <a href="#shop-name" className={buttonClass('primary')}>
      {label}
    </a>
  );

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} actions={shops.length > 0 ? toForm(t('create.title')) : undefined} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
        <section aria-labelledby="shops-list-title">
          <h2 id="shops-list-title" className="sr-only">
            {t('listTitle')}
          </h2>
          {shops.length === 0 ? (
            <Panel>
              <EmptyState
                title={t('empty.title')}
                body={t('empty.body')}
                action={toForm(t('empty.action'))}
                icon={
                  <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round">
                    <path d="M4 9l1.5-5h13L20 9M4 9v11h16V9M4 9h16M9 20v-6h6v6" />
                  </svg>
                }
              />
            </Panel>
          ) : (
            <ul className="grid gap-4 xl:grid-cols-2">
              {shops.map((shop) => (
                <ShopListItem key={shop.id} shop={shop} locale={locale} />
              ))}
            </ul>
          )}
        </section>
        <Panel title={t('create.title')} className="lg:sticky lg:top-20">
          <CreateShopForm />
        </Panel>
      </div>
    </>
  );
}
