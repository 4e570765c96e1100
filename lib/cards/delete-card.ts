import { database } from '@/db/client';
import { cards } from '@/db/schema';
import { notFound } from '@/lib/errors';
import { type Principal, requireUser } from '@/lib/auth/principal';
import { visibleCards } from './card-access';

/** Soft delete: the row stays for the transactions paid to it; the card leaves lists and can be added again. */
export async function deleteCard(principal: Principal, cardId: string): Promise<void> {
  const user = requireUser(principal);
  const db = await database();
  const [card] = await db
    .update(cards)
    .set({ deletedAt: new Date(), isActive: false, updatedAt: new Date() })
    .where(visibleCards(user, cardId))
    .returning({ id: cards.id });
  if (!card) throw notFound('Card');
}
