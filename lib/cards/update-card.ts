import type { z } from 'zod';
import { database } from '@/db/client';
import { cards } from '@/db/schema';
import { notFound } from '@/lib/errors';
import { type Principal, requireUser } from '@/lib/auth/principal';
import type { CardResponse, updateCardInput } from './schemas';
import { toCardResponse, visibleCards } from './card-access';

export async function updateCard(principal: Principal, cardId: string, input: z.output<typeof updateCardInput>): Promise<CardResponse> {
  const user = requireUser(principal);
  const db = await database();
  const [card] = await db
    .update(cards)
    .set({ ownerName: input.owner_name, isActive: input.is_active, updatedAt: new Date() })
    .where(visibleCards(user, cardId))
    .returning();
  if (!card) throw notFound('Card');
  return toCardResponse(card, user);
}
