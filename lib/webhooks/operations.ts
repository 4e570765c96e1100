import { operationsOf } from '@/lib/api/operation';
import { shopIdParams } from '@/lib/shops/schemas';
import {
  createWebhookInput,
  deliveryIdParams,
  deliveryListResponse,
  deliveryResponse,
  listDeliveriesQuery,
  updateWebhookInput,
  webhookListResponse,
  webhookParams,
  webhookResponse,
  webhookSecretResponse,
  webhookWithSecretResponse,
} from './schemas';

const operation = operationsOf('Webhooks');

export const webhookOperations = {
  listWebhooks: operation({
    method: 'GET', path: '/shops/{id}/webhooks', summary: 'List webhook endpoints',
    auth: 'user', params: shopIdParams, status: 200, response: webhookListResponse, errors: ['unauthorized', 'forbidden', 'not_found'],
  }),
  createWebhook: operation({
    method: 'POST', path: '/shops/{id}/webhooks', summary: 'Add a webhook endpoint',
    description: 'http(s) URLs that resolve to public addresses. The signing secret is returned only here and by rotate-secret.',
    auth: 'user', params: shopIdParams, body: createWebhookInput, status: 201, response: webhookWithSecretResponse,
    errors: ['invalid_json', 'validation_failed', 'unauthorized', 'forbidden', 'not_found'],
  }),
  updateWebhook: operation({
    method: 'PATCH', path: '/shops/{id}/webhooks/{webhookId}', summary: 'Update a webhook endpoint',
    description: 'Deliveries already queued go to the URL and are signed with the secret as they are at each attempt.',
    auth: 'user', params: webhookParams, body: updateWebhookInput, status: 200, response: webhookResponse,
    errors: ['invalid_json', 'validation_failed', 'unauthorized', 'forbidden', 'not_found'],
  }),
  deleteWebhook: operation({
    method: 'DELETE', path: '/shops/{id}/webhooks/{webhookId}', summary: 'Delete a webhook endpoint',
    description: 'Its deliveries and their log go with it.',
    auth: 'user', params: webhookParams, status: 204, errors: ['unauthorized', 'forbidden', 'not_found'],
  }),
  rotateWebhookSecret: operation({
    method: 'POST', path: '/shops/{id}/webhooks/{webhookId}/rotate-secret', summary: 'Rotate the signing secret',
    auth: 'user', params: webhookParams, status: 200, response: webhookSecretResponse, errors: ['unauthorized', 'forbidden', 'not_found'],
  }),
  revealShopWebhookSecret: operation({
    method: 'GET', path: '/shops/{id}/webhook-secret', summary: "Reveal the shop's webhook secret",
    description:
      "Signs deliveries that carry their own URL (no endpoint, e.g. a payment's webhook_url). Made on first use; readable again at any time.",
    auth: 'user', params: shopIdParams, status: 200, response: webhookSecretResponse, errors: ['unauthorized', 'forbidden', 'not_found'],
  }),
  rotateShopWebhookSecret: operation({
    method: 'POST', path: '/shops/{id}/webhook-secret/rotate', summary: "Rotate the shop's webhook secret",
    description: 'The next attempt of every delivery with its own URL is signed with the new secret.',
    auth: 'user', params: shopIdParams, status: 200, response: webhookSecretResponse, errors: ['unauthorized', 'forbidden', 'not_found'],
  }),
  listWebhookDeliveries: operation({
    method: 'GET', path: '/webhooks/deliveries', summary: 'List deliveries',
    description: 'Each delivery with its attempts (status, duration, response excerpt), newest first.',
    auth: 'user', query: listDeliveriesQuery, status: 200, response: deliveryListResponse,
    errors: ['unauthorized', 'forbidden', 'validation_failed'],
  }),
  redeliverWebhook: operation({
    method: 'POST', path: '/webhooks/deliveries/{id}/redeliver', summary: 'Redeliver',
    description: 'Queues the delivery again now; its attempt log continues. 409 while its endpoint is disabled.',
    auth: 'user', params: deliveryIdParams, status: 200, response: deliveryResponse, errors: ['unauthorized', 'forbidden', 'not_found', 'invalid_state'],
  }),
};
