import { operationsOf } from '@/lib/api/operation';
import { apiKeyResponse, createShopInput, shopIdParams, shopListResponse, shopResponse, shopWithKeyResponse, updateShopInput } from './schemas';

const operation = operationsOf('Shops');

export const shopOperations = {
  listShops: operation({
    method: 'GET', path: '/shops', summary: 'List shops',
    description: "All of the user's shops; with an API key, only that key's shop.",
    auth: 'user_or_key', status: 200, response: shopListResponse, errors: ['unauthorized'],
  }),
  createShop: operation({
    method: 'POST', path: '/shops', summary: 'Create shop',
    description: 'The API key is returned only here and by regenerate-key; it is stored hashed.',
    auth: 'user', body: createShopInput, status: 201, response: shopWithKeyResponse,
    errors: ['invalid_json', 'validation_failed', 'unauthorized', 'forbidden'],
  }),
  getShop: operation({
    method: 'GET', path: '/shops/{id}', summary: 'Get shop',
    auth: 'user_or_key', params: shopIdParams, status: 200, response: shopResponse, errors: ['unauthorized', 'not_found'],
  }),
  updateShop: operation({
    method: 'PATCH', path: '/shops/{id}', summary: 'Update shop',
    description: 'Send only the fields to change; null clears website or phone. is_active=false stops its API key.',
    auth: 'user', params: shopIdParams, body: updateShopInput, status: 200, response: shopResponse,
    errors: ['invalid_json', 'validation_failed', 'unauthorized', 'forbidden', 'not_found'],
  }),
  regenerateShopKey: operation({
    method: 'POST', path: '/shops/{id}/regenerate-key', summary: 'Regenerate API key',
    description: 'The old key stops working immediately.',
    auth: 'user', params: shopIdParams, status: 200, response: apiKeyResponse,
    errors: ['unauthorized', 'forbidden', 'not_found'],
  }),
};
