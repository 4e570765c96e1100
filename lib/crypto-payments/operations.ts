import { operationsOf } from '@/lib/api/operation';
import {
  createCryptoPaymentInput,
  cryptoPaymentIdParams,
  cryptoPaymentListResponse,
  cryptoPaymentResponse,
  cryptoPaymentStatusResponse,
  listCryptoPaymentsQuery,
} from './schemas';

const operation = operationsOf('Crypto gateway');

export const cryptoPaymentOperations = {
  createCryptoPayment: operation({
    method: 'POST', path: '/gateway/payments', summary: 'Create crypto payment',
    description:
      "User token (name `shop_id`) or the shop's API key. Exactly one of `amount_usd`, `amount_irr` (Rials) and `amount_crypto`; USD and Rials are converted at the current rate, rounded up to the currency's decimals, and the rate is returned. Amounts are decimal strings. `order_id` is unique per merchant: the same body again answers **200** with the existing payment, a different body **409**. A rate source that is down or stale answers 503 `rate_unavailable` and creates nothing.",
    auth: 'user_or_key', body: createCryptoPaymentInput, status: 201, response: cryptoPaymentResponse,
    errors: ['invalid_json', 'validation_failed', 'unauthorized', 'not_found', 'invalid_state', 'conflict', 'rate_unavailable'],
  }),
  listCryptoPayments: operation({
    method: 'GET', path: '/gateway/payments', summary: 'List crypto payments',
    description: "Newest first. With a shop API key, only that shop's payments.",
    auth: 'user_or_key', query: listCryptoPaymentsQuery, status: 200, response: cryptoPaymentListResponse,
    errors: ['unauthorized', 'validation_failed'],
  }),
  getCryptoPayment: operation({
    method: 'GET', path: '/gateway/payments/{id}', summary: 'Get payment status',
    description:
      "Public, as the contract has it: without credentials, the status shape below (the id is unguessable; nothing private). **With a token or API key, the merchant's full view of its own payment, and 404 for any other merchant's**: check the payment a callback names with your key, so nobody can hand your shop their own completed payment.",
    auth: 'optional', params: cryptoPaymentIdParams, status: 200, response: cryptoPaymentStatusResponse.or(cryptoPaymentResponse),
    errors: ['unauthorized', 'not_found'],
  }),
  followCryptoPaymentStatus: operation({
    method: 'GET', path: '/gateway/payments/{id}/events', summary: 'Follow status (event stream)',
    description:
      "Public. The status shape above (as answered without credentials), pushed as server-sent events: the current state first, then each change (a deposit seen, each confirmation, completed, expired) within a second; the stream ends at completed or failed. The hosted page follows this and polls only when the stream fails. At most `KPAY_EVENT_STREAMS_PER_IP` open streams per client network (429) and `KPAY_EVENT_STREAMS_MAX` per instance (503 `not_ready`, answered too while the instance cannot hear changes: poll then). A stream ends after `KPAY_EVENT_STREAM_MAX_AGE_SECONDS` (900): reconnect with `Last-Event-ID`, as EventSource does. Behind nginx, turn `proxy_buffering off` for this path.",
    auth: 'none', params: cryptoPaymentIdParams, status: 200, events: cryptoPaymentStatusResponse, errors: ['not_found', 'rate_limited', 'not_ready'],
  }),
};
