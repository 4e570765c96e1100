import type { z } from 'zod';
import { database } from '@/db/client';
import { isUniqueViolation } from '@/db/errors';
import { cards } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { addCardInput, CardResponse } from './schemas';
import { toCardResponse } from './card-access';

export async function addCard(userId: string, input: z.output<typeof addCardInput>): Promise<CardResponse> {
  const db = await database();
  try {
    const [card] = await db
      .insert(cards)
      .values({
        userId,
        cardNumber: input.card_number.cardNumber,
        bankCode: input.card_number.bank.code,
        ownerName: input.owner_name,
        sheba: input.shaba?.sheba,
      })
      .returning();
    // Only a user adds cards (the route needs a user token).
    return toCardResponse(card!, { kind: 'user' });
  } catch (error) {
    if (isUniqueViolation(error, 'cards_user_number_live_uq')) {
      throw new AppError('conflict', 'This card is already added', { card_number: 'already added' });
    }
    throw error;
  }
}
