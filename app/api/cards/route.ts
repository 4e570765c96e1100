import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { addCard } from '@/lib/cards/add-card';
import { listCards } from '@/lib/cards/list-cards';
import { cardOperations } from '@/lib/cards/operations';

export const GET = apiRoute(cardOperations.listCards, ({ principal }) => listCards(principal));

export const POST = apiRoute(cardOperations.addCard, ({ principal, body }) => addCard(principal, body));

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(cardOperations.listCards, cardOperations.addCard);
