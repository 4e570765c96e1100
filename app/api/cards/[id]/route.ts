import { apiRoute, noContent } from '@/lib/api/handler';
import { deleteCard } from '@/lib/cards/delete-card';
import { cardIdParams, updateCardInput } from '@/lib/cards/schemas';
import { updateCard } from '@/lib/cards/update-card';
import { otherMethods } from '@/lib/api/route-fallbacks';

export const PATCH = apiRoute({ auth: 'user', params: cardIdParams, body: updateCardInput }, ({ principal, params, body }) =>
  updateCard(principal, params.id, body),
);

export const DELETE = apiRoute({ auth: 'user', params: cardIdParams }, async ({ principal, params }) => {
  await deleteCard(principal, params.id);
  return noContent();
});

export const { GET, POST, PUT, OPTIONS } = otherMethods('PATCH', 'DELETE');
