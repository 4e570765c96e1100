import type { Metadata } from 'next';
import { AddCardForm } from '@/components/dashboard/cards/add-card-form';
import { CardListItem } from '@/components/dashboard/cards/card-list-item';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, PageHeader, Panel } from '@/components/ui/panel';
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
  // A link to the number field: following it scrolls to the form and puts the caret there.
  const toForm = (label: string) => (
    <a href="#card-number" className={buttonClass('primary')}>
      {label}
    </a>
  );

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} actions={cards.length > 0 ? toForm(t('addCard')) : undefined} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
        <section aria-labelledby="cards-list-title">
          <h2 id="cards-list-title" className="sr-only">
            {t('listTitle')}
          </h2>
          {cards.length === 0 ? (
            <Panel>
              <EmptyState
                title={t('empty.title')}
                body={t('empty.body')}
                action={toForm(t('empty.action'))}
                icon={
                  <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round">
                    <path d="M3 6h18v12H3zM3 10h18M7 15h4" />
                  </svg>
                }
              />
            </Panel>
          ) : (
            <ul className="grid gap-5 sm:grid-cols-2 lg:grid-cols-1 xl:grid-cols-2">
              {cards.map((card) => (
                <CardListItem key={card.id} card={card} locale={locale} />
              ))}
            </ul>
          )}
        </section>
        <Panel title={t('form.title')} className="lg:sticky lg:top-20">
          <AddCardForm locale={locale} />
        </Panel>
      </div>
    </>
  );
}
