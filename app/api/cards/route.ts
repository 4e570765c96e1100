import { apiRoute, created } from '@/lib/api/handler';
import { addCard } from '@/lib/cards/add-card';
import { listCards } from '@/lib/cards/list-cards';
import { addCardInput } from '@/lib/cards/schemas';
import { otherMethods } from '@/lib/api/route-fallbacks';

export const GET = apiRoute({ auth: 'user_or_key' }, ({ principal }) => listCards(principal));

export const POST = apiRoute({ auth: 'user', body: addCardInput }, async ({ principal, body }) =>
  created(await addCard(principal.userId, body)),
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET', 'POST');
