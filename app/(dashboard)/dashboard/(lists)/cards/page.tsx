import type { Metadata } from 'next';
import { emptyIcon, ListWithForm } from '@/components/dashboard/list-with-form';
import { AddCardForm } from '@/components/dashboard/cards/add-card-form';
import { CardListItem } from '@/components/dashboard/cards/card-list-item';
import { listCards } from '@/lib/cards/list-cards';
import { currentMerchant } from '@/lib/dashboard/current-merchant';
import { requestLocale } from '@/lib/i18n/request-locale';
import { translator } from '@/lib/i18n/translator';

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale(), 'cards')('title') };
}

/** The cards buyers pay into: the saved ones as bank-card tiles, and the add form beside them (below on phones). */
export default async function CardsPage() {
  const merchant = await currentMerchant();
  const locale = await requestLocale();
  const t = translator(locale, 'cards');
  const { cards } = await listCards(merchant.principal);
  return (
    <ListWithForm
      title={t('title')}
      description={t('description')}
      addLabel={t('addCard')}
      formAnchor="card-number"
      listTitle={t('listTitle')}
      isEmpty={cards.length === 0}
      empty={{ title: t('empty.title'), body: t('empty.body'), action: t('empty.action'), icon: emptyIcon('M3 6h18v12H3zM3 10h18M7 15h4') }}
      formTitle={t('form.title')}
      form={<AddCardForm locale={locale} />}
    >
      <ul className="grid gap-5 sm:grid-cols-2 lg:grid-cols-1 xl:grid-cols-2">
        {cards.map((card) => (
          <CardListItem key={card.id} card={card} locale={locale} />
        ))}
      </ul>
    </ListWithForm>
  );
}
