import type { z } from 'zod';
import { database } from '@/db/client';
import { isUniqueViolation } from '@/db/errors';
import { cards } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { type Principal, requireUser } from '@/lib/auth/principal';
import type { addCardInput, CardResponse } from './schemas';
import { toCardResponse } from './card-access';

export async function addCard(principal: Principal, input: z.output<typeof addCardInput>): Promise<CardResponse> {
  const user = requireUser(principal);
  const db = await database();
  try {
    const [card] = await db
      .insert(cards)
      .values({
        userId: user.userId,
        cardNumber: input.card_number.cardNumber,
        bankCode: input.card_number.bank.code,
        ownerName: input.owner_name,
        sheba: input.shaba?.sheba,
      })
      .returning();
    return toCardResponse(card!, user);
  } catch (error) {
    if (isUniqueViolation(error, 'cards_user_number_live_uq')) {
      throw new AppError('conflict', 'This card is already added', { card_number: 'already added' });
    }
    throw error;
  }
}
