import { Badge } from '@/components/ui/panel';
import { bankByCode } from '@/lib/banking/banks';
import type { CardResponse } from '@/lib/cards/schemas';
import { formatDate } from '@/lib/format/date';
import { localizeDigits, type Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';
import { BankCardFace } from './bank-card-face';
import { CardStatusButton } from './card-status-button';

/** One saved card: its tile (bank, number, owner, Sheba, active or not), when it was added, and its on/off switch. */
export function CardListItem({ card, locale }: { card: CardResponse; locale: Locale }) {
  const t = translator(locale, 'cards');
  const tc = translator(locale, 'common');
  const bank = bankByCode(card.bank_code);
  const bankName = bank ? (locale === 'en' ? bank.nameEn : bank.nameFa) : t('unknownBank');
  const last4 = localizeDigits(card.card_number.slice(-4), locale);
  return (
    <li>
      <article aria-label={t('tile.label', { bank: bankName, last4 })} className="space-y-2.5">
        <BankCardFace
          bankName={bankName}
          bankColor={bank?.color}
          digits={card.card_number}
          ownerName={card.owner_name}
          locale={locale}
          sheba={card.shaba}
          text={{ number: t('tile.number'), owner: t('tile.owner'), sheba: t('tile.sheba') }}
          dimmed={!card.is_active}
          corner={<Badge tone={card.is_active ? 'success' : 'neutral'}>{card.is_active ? tc('active') : tc('inactive')}</Badge>}
        />
        <div className="flex flex-wrap items-center justify-between gap-2 px-1">
          <p className="text-xs text-ink-500">{t('tile.added', { date: formatDate(card.created_at, locale, 'date') })}</p>
          <CardStatusButton cardId={card.id} isActive={card.is_active} last4={last4} />
        </div>
      </article>
    </li>
  );
}
