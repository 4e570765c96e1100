import { and, eq, isNull, type SQL } from 'drizzle-orm';
import { cards } from '@/db/schema';
import type { Principal } from '@/lib/auth/principal';
import { bankByCode } from '@/lib/banking/banks';
import type { CardResponse } from './schemas';

/** A caller's live cards (a shop key sees its owner's cards, to pick one for a transaction). */
export function visibleCards(principal: Principal, cardId?: string): SQL {
  const scope = and(eq(cards.userId, principal.userId), isNull(cards.deletedAt))!;
  return cardId ? and(scope, eq(cards.id, cardId))! : scope;
}

export function toCardResponse(card: typeof cards.$inferSelect): CardResponse {
  const bank = bankByCode(card.bankCode);
  return {
    id: card.id,
    card_number: card.cardNumber,
    owner_name: card.ownerName,
    bank_name: bank?.nameFa ?? '',
    bank_name_en: bank?.nameEn ?? '',
    bank_code: card.bankCode ?? '',
    sheba: card.sheba,
    is_active: card.isActive,
    created_at: card.createdAt.toISOString(),
  };
}
