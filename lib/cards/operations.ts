import { operationsOf } from '@/lib/api/operation';
import { addCardInput, cardIdParams, cardListResponse, cardResponse, updateCardInput } from './schemas';

const operation = operationsOf('Cards');

export const cardOperations = {
  listCards: operation({
    method: 'GET', path: '/cards', summary: 'List cards',
    description: 'With a shop API key the numbers are masked (610433******7890) and shaba is left out.',
    auth: 'user_or_key', status: 200, response: cardListResponse, errors: ['unauthorized'],
  }),
  addCard: operation({
    method: 'POST', path: '/cards', summary: 'Add card',
    description:
      '16 digits (spaces, dashes and Persian digits accepted), Luhn-valid, of a known Iranian bank. An optional Sheba must be valid and of the same bank.',
    auth: 'user', body: addCardInput, status: 201, response: cardResponse,
    errors: ['invalid_json', 'validation_failed', 'unauthorized', 'forbidden', 'conflict'],
  }),
  updateCard: operation({
    method: 'PATCH', path: '/cards/{id}', summary: 'Update card',
    description: 'Activate or deactivate a card, or correct its owner name.',
    auth: 'user', params: cardIdParams, body: updateCardInput, status: 200, response: cardResponse,
    errors: ['invalid_json', 'validation_failed', 'unauthorized', 'forbidden', 'not_found'],
  }),
  deleteCard: operation({
    method: 'DELETE', path: '/cards/{id}', summary: 'Delete card',
    description: 'Soft delete: the card leaves lists; transactions paid to it keep their history.',
    auth: 'user', params: cardIdParams, status: 204, errors: ['unauthorized', 'forbidden', 'not_found'],
  }),
};
