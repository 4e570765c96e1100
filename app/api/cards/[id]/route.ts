import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { deleteCard } from '@/lib/cards/delete-card';
import { cardOperations } from '@/lib/cards/operations';
import { updateCard } from '@/lib/cards/update-card';

export const PATCH = apiRoute(cardOperations.updateCard, ({ principal, params, body }) => updateCard(principal, params.id, body));

export const DELETE = apiRoute(cardOperations.deleteCard, ({ principal, params }) => deleteCard(principal, params.id));

export const { GET, POST, PUT, OPTIONS } = otherMethods(cardOperations.updateCard, cardOperations.deleteCard);
