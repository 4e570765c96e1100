import type { Metadata } from 'next';
import { emptyIcon, ListWithForm } from '@/components/dashboard/list-with-form';
import { CreateShopForm } from '@/components/dashboard/shops/create-shop-form';
import { ShopListItem } from '@/components/dashboard/shops/shop-list-item';
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
  return (
    <ListWithForm
      title={t('title')}
      description={t('description')}
      addLabel={t('create.title')}
      formAnchor="shop-name"
      listTitle={t('listTitle')}
      isEmpty={shops.length === 0}
      empty={{ title: t('empty.title'), body: t('empty.body'), action: t('empty.action'), icon: emptyIcon('M4 9l1.5-5h13L20 9M4 9v11h16V9M4 9h16M9 20v-6h6v6') }}
      formTitle={t('create.title')}
      form={<CreateShopForm />}
    >
      <ul className="grid gap-4 xl:grid-cols-2">
        {shops.map((shop) => (
          <ShopListItem key={shop.id} shop={shop} locale={locale} />
        ))}
      </ul>
    </ListWithForm>
  );
}
