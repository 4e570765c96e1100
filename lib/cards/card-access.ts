import { and, eq, isNull, type SQL } from 'drizzle-orm';
import { cards } from '@/db/schema';
import type { Principal } from '@/lib/auth/principal';
import { bankByCode } from '@/lib/banking/banks';
import { maskCardNumber } from '@/lib/banking/card-number';
import type { CardResponse } from './schemas';

/** A caller's live cards (a shop key sees its owner's cards, to pick one for a transaction). */
export function visibleCards(principal: Principal, cardId?: string): SQL {
  const scope = and(eq(cards.userId, principal.userId), isNull(cards.deletedAt))!;
  return cardId ? and(scope, eq(cards.id, cardId))! : scope;
}

/**
 * A card as its viewer may see it. The merchant sees everything; a shop's server (API key) needs a card only to name it
 * in a transaction, so it gets the number masked (first 6, last 4) and no Shaba: a leaked shop key must not leak the
 * merchant's full card and account numbers.
 */
export function toCardResponse(card: typeof cards.$inferSelect, viewer: Pick<Principal, 'kind'>): CardResponse {
  const bank = bankByCode(card.bankCode);
  const owner = viewer.kind === 'user';
  return {
    id: card.id,
    card_number: owner ? card.cardNumber : maskCardNumber(card.cardNumber),
    owner_name: card.ownerName,
    bank_name: bank?.nameFa ?? '',
    bank_name_en: bank?.nameEn ?? '',
    bank_code: card.bankCode ?? '',
    ...(owner && { shaba: card.sheba }),
    is_active: card.isActive,
    created_at: card.createdAt.toISOString(),
  };
}
