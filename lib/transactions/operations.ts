import { operationsOf } from '@/lib/api/operation';
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
} from './schemas';

const operation = operationsOf('Transactions');

export const transactionOperations = {
  createTransaction: operation({
    method: 'POST', path: '/transactions/create', summary: 'Create transaction',
    description:
      "User token or the shop's API key (a key acts only for its own shop). Amount in integer Rials (min 10,000). Send the buyer to payment_url.",
    auth: 'user_or_key', body: createTransactionInput, status: 201, response: createdTransactionResponse,
    errors: ['invalid_json', 'validation_failed', 'unauthorized', 'not_found', 'invalid_state', 'conflict'],
  }),
  getPaymentInfo: operation({
    method: 'GET', path: '/transactions/payment/{authority}', summary: 'Get payment info',
    description: 'Public: what the hosted payment page shows the buyer.',
    auth: 'none', params: authorityParams, status: 200, response: paymentInfoResponse, errors: ['not_found'],
  }),
  submitPaymentClaim: operation({
    method: 'POST', path: '/transactions/payment/{authority}/claim', summary: 'Buyer says "I have paid"',
    description: 'Public and rate limited. Recorded for the merchant to review; it does not change the status.',
    auth: 'none', params: authorityParams, body: paymentClaimInput, status: 201, response: paymentClaimResponse,
    errors: ['invalid_json', 'validation_failed', 'not_found', 'invalid_state'], rateLimit: 'claim',
  }),
  checkTransaction: operation({
    method: 'GET', path: '/transactions/check/{authority}', summary: 'Check status',
    description: 'Public, cheap status read for polling.',
    auth: 'none', params: authorityParams, status: 200, response: checkResponse, errors: ['not_found'],
  }),
  followTransactionStatus: operation({
    method: 'GET', path: '/transactions/check/{authority}/events', summary: 'Follow status (event stream)',
    description:
      "Public. The check answer above, pushed as server-sent events: the current state first, then each change (paid, expired, cancelled) within a second; the stream ends once the transaction is paid or can change no more. The hosted page follows this and polls check only when the stream fails. At most `KPAY_EVENT_STREAMS_PER_IP` open streams per client network (429) and `KPAY_EVENT_STREAMS_MAX` per instance (503 `not_ready`, answered too while the instance cannot hear changes: poll then). A stream ends after `KPAY_EVENT_STREAM_MAX_AGE_SECONDS` (900): reconnect with `Last-Event-ID`, as EventSource does. Behind nginx, turn `proxy_buffering off` for this path.",
    auth: 'none', params: authorityParams, status: 200, events: checkResponse, errors: ['not_found', 'rate_limited', 'not_ready'],
  }),
  verifyTransaction: operation({
    method: 'POST', path: '/transactions/verify', summary: 'Verify transaction',
    description:
      'paid -> verified. already_verified=false the first time, true after: both are success. Any other status is a 409 naming it; an amount that differs is a 409 amount_mismatch and changes nothing.\n\n' +
      "**Needs the shop's API key (or the merchant's token), on purpose, although the original contract lists verify as public:** a public verify looked transactions up by authority alone, so anyone could create and self-confirm a transaction at their own KPay account and hand its authority to another shop's callback, and a buyer could verify first so the shop only ever saw \"already verified\". With the key, verify finds only the caller's transactions (another shop's authority is 404, like an unknown one), and `amount` is required, as Zarinpal requires merchant and amount.",
    auth: 'user_or_key', body: verifyInput, status: 200, response: verifyResponse,
    errors: ['invalid_json', 'validation_failed', 'unauthorized', 'not_found', 'invalid_state', 'amount_mismatch'],
  }),
  listTransactions: operation({
    method: 'GET', path: '/transactions', summary: 'List transactions',
    description: 'Newest first. With a shop API key, only that shop\'s transactions.',
    auth: 'user_or_key', query: listTransactionsQuery, status: 200, response: transactionListResponse,
    errors: ['unauthorized', 'validation_failed'],
  }),
  getTransaction: operation({
    method: 'GET', path: '/transactions/{id}', summary: 'Get transaction',
    description: "With its event timeline and the buyer's claims.",
    auth: 'user_or_key', params: transactionIdParams, status: 200, response: transactionDetailResponse,
    errors: ['unauthorized', 'not_found'],
  }),
  confirmTransaction: operation({
    method: 'POST', path: '/transactions/{id}/confirm', summary: 'Confirm payment',
    description: 'The merchant saw the money: pending -> paid (an expired one becomes paid with paid_late=true).',
    auth: 'user_or_key', params: transactionIdParams, status: 200, response: transactionResponse,
    errors: ['unauthorized', 'not_found', 'invalid_state'],
  }),
  cancelTransaction: operation({
    method: 'POST', path: '/transactions/{id}/cancel', summary: 'Cancel transaction',
    auth: 'user_or_key', params: transactionIdParams, status: 200, response: transactionResponse,
    errors: ['unauthorized', 'not_found', 'invalid_state'],
  }),
};
