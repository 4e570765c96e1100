import { z } from 'zod';
import { loginInput, refreshInput, registerInput, tokenPairResponse, userResponse } from '@/lib/auth/schemas';
import { addCardInput, cardIdParams, cardListResponse, cardResponse, updateCardInput } from '@/lib/cards/schemas';
import {
  apiKeyResponse,
  createShopInput,
  shopIdParams,
  shopListResponse,
  shopResponse,
  shopWithKeyResponse,
  updateShopInput,
} from '@/lib/shops/schemas';
import {
  createdSmsDeviceResponse,
  createSmsDeviceInput,
  inboundSmsInput,
  inboundSmsResponse,
  listSmsMessagesQuery,
  smsDeviceIdParams,
  smsDeviceListResponse,
  smsMessageListResponse,
  setSmsSenderTrustInput,
  smsMessageResponse,
  smsSenderIdParams,
  smsSenderListResponse,
  smsSenderResponse,
} from '@/lib/sms/schemas';
import {
  authorityParams,
  checkResponse,
  createdTransactionResponse,
  createTransactionInput,
  listTransactionsQuery,
  paymentClaimInput,
  paymentClaimResponse,
  paymentInfoResponse,
  transactionDetailResponse,
  transactionIdParams,
  transactionListResponse,
  transactionResponse,
  verifyInput,
  verifyResponse,
} from '@/lib/transactions/schemas';
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
} from '@/lib/webhooks/schemas';
import { ERROR_STATUS } from './error-body';

type Method = 'get' | 'post' | 'patch' | 'delete';

/**
 * One API operation as documented. Handlers and this list share the zod schemas; openapi.test.ts checks that the
 * list and the route files name the same methods and paths, so neither can drift alone.
 */
export interface Operation {
  method: Method;
  path: string;
  tag: string;
  summary: string;
  description?: string;
  auth: 'none' | 'user' | 'user_or_key' | 'device';
  params?: z.ZodObject<Record<string, z.ZodType>>;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Also accepts application/x-www-form-urlencoded. */
  form?: boolean;
  status: number;
  response?: z.ZodType;
  errors: (keyof typeof ERROR_STATUS)[];
}

export const operations: Operation[] = [
  {
    method: 'post', path: '/auth/register', tag: 'Authentication', summary: 'Register',
    description: 'Creates a merchant account and signs it in. Mobile accepts +98/0098/98/0 forms and Persian digits.',
    auth: 'none', body: registerInput, status: 201, response: tokenPairResponse,
    errors: ['invalid_json', 'validation_failed', 'conflict', 'rate_limited'],
  },
  {
    method: 'post', path: '/auth/login', tag: 'Authentication', summary: 'Login',
    description: 'JSON body, or application/x-www-form-urlencoded as OAuth2 password clients send (grant_type=password).',
    auth: 'none', body: loginInput, form: true, status: 200, response: tokenPairResponse,
    errors: ['invalid_json', 'validation_failed', 'unauthorized', 'rate_limited'],
  },
  {
    method: 'post', path: '/auth/refresh', tag: 'Authentication', summary: 'Refresh tokens',
    description: 'Rotates the refresh token and returns a new pair. Presenting an already used refresh token revokes the whole session.',
    auth: 'none', body: refreshInput, form: true, status: 200, response: tokenPairResponse,
    errors: ['invalid_json', 'validation_failed', 'unauthorized', 'rate_limited'],
  },
  {
    method: 'post', path: '/auth/logout', tag: 'Authentication', summary: 'Logout',
    description: 'Ends the session of the access token: its refresh token and access tokens stop working at once.',
    auth: 'user', status: 204, errors: ['unauthorized', 'forbidden'],
  },
  {
    method: 'get', path: '/auth/me', tag: 'Authentication', summary: 'Get current user',
    description: 'Needs a user access token; a shop API key answers 403 (the account owner\'s name and mobile are not a shop\'s).',
    auth: 'user', status: 200, response: userResponse, errors: ['unauthorized', 'forbidden'],
  },
  {
    method: 'get', path: '/shops', tag: 'Shops', summary: 'List shops',
    description: 'All of the user\'s shops; with an API key, only that key\'s shop.',
    auth: 'user_or_key', status: 200, response: shopListResponse, errors: ['unauthorized'],
  },
  {
    method: 'post', path: '/shops', tag: 'Shops', summary: 'Create shop',
    description: 'The API key is returned only here and by regenerate-key; it is stored hashed.',
    auth: 'user', body: createShopInput, status: 201, response: shopWithKeyResponse,
    errors: ['invalid_json', 'validation_failed', 'unauthorized', 'forbidden'],
  },
  {
    method: 'get', path: '/shops/{id}', tag: 'Shops', summary: 'Get shop',
    auth: 'user_or_key', params: shopIdParams, status: 200, response: shopResponse, errors: ['unauthorized', 'not_found'],
  },
  {
    method: 'patch', path: '/shops/{id}', tag: 'Shops', summary: 'Update shop',
    description: 'Send only the fields to change; null clears website or phone. is_active=false stops its API key.',
    auth: 'user', params: shopIdParams, body: updateShopInput, status: 200, response: shopResponse,
    errors: ['invalid_json', 'validation_failed', 'unauthorized', 'forbidden', 'not_found'],
  },
  {
    method: 'post', path: '/shops/{id}/regenerate-key', tag: 'Shops', summary: 'Regenerate API key',
    description: 'The old key stops working immediately.',
    auth: 'user', params: shopIdParams, status: 200, response: apiKeyResponse,
    errors: ['unauthorized', 'forbidden', 'not_found'],
  },
  {
    method: 'get', path: '/cards', tag: 'Cards', summary: 'List cards',
    auth: 'user_or_key', status: 200, response: cardListResponse, errors: ['unauthorized'],
  },
  {
    method: 'post', path: '/cards', tag: 'Cards', summary: 'Add card',
    description: '16 digits (spaces, dashes and Persian digits accepted), Luhn-valid, of a known Iranian bank. An optional Sheba must be valid and of the same bank.',
    auth: 'user', body: addCardInput, status: 201, response: cardResponse,
    errors: ['invalid_json', 'validation_failed', 'unauthorized', 'forbidden', 'conflict'],
  },
  {
    method: 'patch', path: '/cards/{id}', tag: 'Cards', summary: 'Update card',
    description: 'Activate or deactivate a card, or correct its owner name.',
    auth: 'user', params: cardIdParams, body: updateCardInput, status: 200, response: cardResponse,
    errors: ['invalid_json', 'validation_failed', 'unauthorized', 'forbidden', 'not_found'],
  },
  {
    method: 'delete', path: '/cards/{id}', tag: 'Cards', summary: 'Delete card',
    description: 'Soft delete: the card leaves lists; transactions paid to it keep their history.',
    auth: 'user', params: cardIdParams, status: 204, errors: ['unauthorized', 'forbidden', 'not_found'],
  },
  {
    method: 'post', path: '/transactions/create', tag: 'Transactions', summary: 'Create transaction',
    description: 'User token or the shop\'s API key (a key acts only for its own shop). Amount in integer Rials (min 10,000). Send the buyer to payment_url.',
    auth: 'user_or_key', body: createTransactionInput, status: 201, response: createdTransactionResponse,
    errors: ['invalid_json', 'validation_failed', 'unauthorized', 'not_found', 'invalid_state', 'conflict'],
  },
  {
    method: 'get', path: '/transactions/payment/{authority}', tag: 'Transactions', summary: 'Get payment info',
    description: 'Public: what the hosted payment page shows the buyer.',
    auth: 'none', params: authorityParams, status: 200, response: paymentInfoResponse, errors: ['not_found'],
  },
  {
    method: 'post', path: '/transactions/payment/{authority}/claim', tag: 'Transactions', summary: 'Buyer says "I have paid"',
    description: 'Public and rate limited. Recorded for the merchant to review; it does not change the status.',
    auth: 'none', params: authorityParams, body: paymentClaimInput, status: 201, response: paymentClaimResponse,
    errors: ['invalid_json', 'validation_failed', 'not_found', 'invalid_state', 'rate_limited'],
  },
  {
    method: 'get', path: '/transactions/check/{authority}', tag: 'Transactions', summary: 'Check status',
    description: 'Public, cheap status read for polling.',
    auth: 'none', params: authorityParams, status: 200, response: checkResponse, errors: ['not_found'],
  },
  {
    method: 'post', path: '/transactions/verify', tag: 'Transactions', summary: 'Verify transaction',
    description:
      'paid -> verified. already_verified=false the first time, true after: both are success. Any other status is a 409 naming it; an amount that differs is a 409 amount_mismatch and changes nothing.\n\n' +
      '**Needs the shop\'s API key (or the merchant\'s token), on purpose, although the original contract lists verify as public:** a public verify looked transactions up by authority alone, so anyone could create and self-confirm a transaction at their own KPay account and hand its authority to another shop\'s callback, and a buyer could verify first so the shop only ever saw "already verified". With the key, verify finds only the caller\'s transactions (another shop\'s authority is 404, like an unknown one), and `amount` is required, as Zarinpal requires merchant and amount.',
    auth: 'user_or_key', body: verifyInput, status: 200, response: verifyResponse,
    errors: ['invalid_json', 'validation_failed', 'unauthorized', 'not_found', 'invalid_state', 'amount_mismatch'],
  },
  {
    method: 'get', path: '/transactions', tag: 'Transactions', summary: 'List transactions',
    auth: 'user_or_key', query: listTransactionsQuery, status: 200, response: transactionListResponse,
    errors: ['unauthorized', 'validation_failed'],
  },
  {
    method: 'get', path: '/transactions/{id}', tag: 'Transactions', summary: 'Get transaction',
    description: 'With its event timeline and the buyer\'s claims.',
    auth: 'user_or_key', params: transactionIdParams, status: 200, response: transactionDetailResponse,
    errors: ['unauthorized', 'not_found'],
  },
  {
    method: 'post', path: '/transactions/{id}/confirm', tag: 'Transactions', summary: 'Confirm payment',
    description: 'The merchant saw the money: pending -> paid (an expired one becomes paid with paid_late=true).',
    auth: 'user_or_key', params: transactionIdParams, status: 200, response: transactionResponse,
    errors: ['unauthorized', 'not_found', 'invalid_state'],
  },
  {
    method: 'post', path: '/transactions/{id}/cancel', tag: 'Transactions', summary: 'Cancel transaction',
    auth: 'user_or_key', params: transactionIdParams, status: 200, response: transactionResponse,
    errors: ['unauthorized', 'not_found', 'invalid_state'],
  },
  {
    method: 'post', path: '/sms/devices', tag: 'SMS', summary: 'Register a forwarder device',
    description: 'Returns the device token once.',
    auth: 'user', body: createSmsDeviceInput, status: 201, response: createdSmsDeviceResponse,
    errors: ['invalid_json', 'validation_failed', 'unauthorized', 'forbidden'],
  },
  {
    method: 'get', path: '/sms/devices', tag: 'SMS', summary: 'List forwarder devices',
    auth: 'user', status: 200, response: smsDeviceListResponse, errors: ['unauthorized', 'forbidden'],
  },
  {
    method: 'delete', path: '/sms/devices/{id}', tag: 'SMS', summary: 'Revoke a forwarder device',
    auth: 'user', params: smsDeviceIdParams, status: 204, errors: ['unauthorized', 'forbidden', 'not_found'],
  },
  {
    method: 'post', path: '/sms/inbound', tag: 'SMS', summary: 'Receive a forwarded SMS',
    description: 'For forwarder apps: `Authorization: Bearer <device token>`. Accepts {from, text, sentStamp, receivedStamp, sim} or {from, text, received_at}. The same SMS posted twice counts once.',
    auth: 'device', body: inboundSmsInput, status: 200, response: inboundSmsResponse,
    errors: ['invalid_json', 'validation_failed', 'unauthorized'],
  },
  {
    method: 'get', path: '/sms/messages', tag: 'SMS', summary: 'List received SMS',
    auth: 'user', query: listSmsMessagesQuery, status: 200, response: smsMessageListResponse,
    errors: ['unauthorized', 'forbidden', 'validation_failed'],
  },
  {
    method: 'get', path: '/sms/senders', tag: 'SMS', summary: 'List trusted and blocked senders',
    auth: 'user', status: 200, response: smsSenderListResponse, errors: ['unauthorized', 'forbidden'],
  },
  {
    method: 'post', path: '/sms/senders', tag: 'SMS', summary: 'Trust or block a sender on a phone',
    description:
      'Only deposits from senders you trust on that phone pay automatically; until then they wait as needs_review. A person\'s mobile number (09…, +989…) can never be trusted. With apply (the default), trusting runs the sender\'s waiting deposits now through the usual rules; blocking moves them to ignored. Both stay matchable by hand.',
    auth: 'user', body: setSmsSenderTrustInput, status: 200,
    response: z.object({ sender: smsSenderResponse, applied: z.array(smsMessageResponse) }),
    errors: ['invalid_json', 'validation_failed', 'unauthorized', 'forbidden', 'not_found'],
  },
  {
    method: 'delete', path: '/sms/senders/{id}', tag: 'SMS', summary: 'Forget a trusted or blocked sender',
    auth: 'user', params: smsSenderIdParams, status: 204, errors: ['unauthorized', 'forbidden', 'not_found'],
  },
  {
    method: 'get', path: '/shops/{id}/webhooks', tag: 'Webhooks', summary: 'List webhook endpoints',
    auth: 'user', params: shopIdParams, status: 200, response: webhookListResponse, errors: ['unauthorized', 'forbidden', 'not_found'],
  },
  {
    method: 'post', path: '/shops/{id}/webhooks', tag: 'Webhooks', summary: 'Add a webhook endpoint',
    description: 'http(s) URLs that resolve to public addresses. The signing secret is returned only here and by rotate-secret.',
    auth: 'user', params: shopIdParams, body: createWebhookInput, status: 201, response: webhookWithSecretResponse,
    errors: ['invalid_json', 'validation_failed', 'unauthorized', 'forbidden', 'not_found'],
  },
  {
    method: 'patch', path: '/shops/{id}/webhooks/{webhookId}', tag: 'Webhooks', summary: 'Update a webhook endpoint',
    auth: 'user', params: webhookParams, body: updateWebhookInput, status: 200, response: webhookResponse,
    errors: ['invalid_json', 'validation_failed', 'unauthorized', 'forbidden', 'not_found'],
  },
  {
    method: 'delete', path: '/shops/{id}/webhooks/{webhookId}', tag: 'Webhooks', summary: 'Delete a webhook endpoint',
    auth: 'user', params: webhookParams, status: 204, errors: ['unauthorized', 'forbidden', 'not_found'],
  },
  {
    method: 'post', path: '/shops/{id}/webhooks/{webhookId}/rotate-secret', tag: 'Webhooks', summary: 'Rotate the signing secret',
    auth: 'user', params: webhookParams, status: 200, response: webhookSecretResponse, errors: ['unauthorized', 'forbidden', 'not_found'],
  },
  {
    method: 'get', path: '/shops/{id}/webhook-secret', tag: 'Webhooks', summary: 'Reveal the shop\'s webhook secret',
    description: 'Signs deliveries that carry their own URL (no endpoint, e.g. a payment\'s webhook_url). Made on first use; readable again at any time.',
    auth: 'user', params: shopIdParams, status: 200, response: webhookSecretResponse, errors: ['unauthorized', 'forbidden', 'not_found'],
  },
  {
    method: 'post', path: '/shops/{id}/webhook-secret/rotate', tag: 'Webhooks', summary: 'Rotate the shop\'s webhook secret',
    description: 'The next attempt of every delivery with its own URL is signed with the new secret.',
    auth: 'user', params: shopIdParams, status: 200, response: webhookSecretResponse, errors: ['unauthorized', 'forbidden', 'not_found'],
  },
  {
    method: 'get', path: '/webhooks/deliveries', tag: 'Webhooks', summary: 'List deliveries',
    description: 'Each delivery with its attempts (status, duration, response excerpt).',
    auth: 'user', query: listDeliveriesQuery, status: 200, response: deliveryListResponse,
    errors: ['unauthorized', 'forbidden', 'validation_failed'],
  },
  {
    method: 'post', path: '/webhooks/deliveries/{id}/redeliver', tag: 'Webhooks', summary: 'Redeliver',
    description: 'Queues the delivery again now; its attempt log continues. 409 while its endpoint is disabled.',
    auth: 'user', params: deliveryIdParams, status: 200, response: deliveryResponse, errors: ['unauthorized', 'forbidden', 'not_found', 'invalid_state'],
  },
];

const schemaOf = (schema: z.ZodType, io: 'input' | 'output') => {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
  delete json.$schema; // the document's own dialect applies
  return json;
};

const errorSchema = schemaOf(
  z.object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS]),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional().describe('Field path -> message (validation errors)'),
    }),
  }),
  'output',
);

function toOperationObject(op: Operation) {
  const parameters = [
    ...Object.entries(op.params?.shape ?? {}).map(([name, schema]) => ({ name, in: 'path', required: true, schema: schemaOf(schema, 'input') })),
    ...queryParameters(op.query),
  ];
  const content = (schema: z.ZodType) => {
    const json = { 'application/json': { schema: schemaOf(schema, 'input') } };
    return op.form ? { ...json, 'application/x-www-form-urlencoded': { schema: schemaOf(schema, 'input') } } : json;
  };
  const errorResponses = Object.fromEntries(
    [...new Set(op.errors.map((code) => ERROR_STATUS[code]))].map((status) => [
      String(status),
      { description: op.errors.filter((c) => ERROR_STATUS[c] === status).join(', '), content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
    ]),
  );
  return {
    tags: [op.tag],
    summary: op.summary,
    ...(op.description && { description: op.description }),
    ...(op.auth !== 'none' && { security: op.auth === 'user_or_key' ? [{ bearerAuth: [] }, { apiKey: [] }] : [{ bearerAuth: [] }] }),
    ...(parameters.length && { parameters }),
    ...(op.body && { requestBody: { required: true, content: content(op.body) } }),
    responses: {
      [String(op.status)]: {
        description: op.status === 204 ? 'No content' : 'Success',
        ...(op.response && { content: { 'application/json': { schema: schemaOf(op.response, 'output') } } }),
      },
      ...errorResponses,
    },
  };
}

function queryParameters(query: z.ZodType | undefined) {
  if (!query) return [];
  const json = schemaOf(query, 'input') as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema,
  }));
}

export function buildOpenApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) (paths[op.path] ??= {})[op.method] = toOperationObject(op);
  return {
    openapi: '3.1.0',
    info: {
      title: 'KPay API',
      version: '1.0.0',
      description:
        'Card-to-card payment gateway API. Amounts are integer Rials. Errors are `{"error": {"code", "message", "fields"?}}`.',
    },
    servers: [{ url: `${serverUrl}/api` }],
    tags: ['Authentication', 'Shops', 'Cards', 'Transactions', 'SMS', 'Webhooks'].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'User access token, or a shop API key (kpay_sk_...)' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      },
      schemas: { Error: errorSchema },
    },
  };
}
