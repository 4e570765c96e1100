'use server';

import { revalidatePath } from 'next/cache';
import { addCard } from '@/lib/cards/add-card';
import { addCardInput, cardIdParams, updateCardInput } from '@/lib/cards/schemas';
import { updateCard } from '@/lib/cards/update-card';
import { dashboardAction } from '@/lib/dashboard/dashboard-action';

/** POST /api/cards from the dashboard: same schema (Luhn, BIN, Sheba and its bank), same duplicate rule. */
export const addCardAction = dashboardAction(addCardInput, async (input, merchant) => {
  const card = await addCard(merchant.principal, input);
  revalidatePath('/dashboard/cards');
  return card;
});

/** PATCH /api/cards/{id}: the dashboard uses it to deactivate a card and to activate it again. */
export const updateCardAction = dashboardAction(cardIdParams.extend({ changes: updateCardInput }), async (input, merchant) => {
  const card = await updateCard(merchant.principal, input.id, input.changes);
  revalidatePath('/dashboard/cards');
  return card;
});
