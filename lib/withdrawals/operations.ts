import { operationsOf } from '@/lib/api/operation';
import { listWithdrawalsQuery, requestWithdrawalInput, withdrawalIdParams, withdrawalListResponse, withdrawalResponse } from './schemas';

const operation = operationsOf('Crypto gateway');

/** Withdrawals move the merchant's money: a user token only, never a shop API key (403). */
export const withdrawalOperations = {
  requestWithdrawal: operation({
    method: 'POST', path: '/gateway/withdrawals', summary: 'Request withdrawal',
    description:
      "The amount (the fee included) is reserved from the available balance at once; status `pending` until approved (at once below the configured limit, otherwise when you confirm it in the dashboard). Send an `Idempotency-Key` header: a retry with the same key and body answers **200** with the first withdrawal; another body with the key is 409. KPay's own deposit addresses are refused as destinations.",
    auth: 'user', body: requestWithdrawalInput, status: 201, response: withdrawalResponse,
    errors: ['invalid_json', 'bad_request', 'validation_failed', 'unauthorized', 'forbidden', 'conflict', 'insufficient_funds'],
  }),
  listWithdrawals: operation({
    method: 'GET', path: '/gateway/withdrawals', summary: 'List withdrawals',
    auth: 'user', query: listWithdrawalsQuery, status: 200, response: withdrawalListResponse, errors: ['unauthorized', 'forbidden', 'validation_failed'],
  }),
  getWithdrawal: operation({
    method: 'GET', path: '/gateway/withdrawals/{id}', summary: 'Get withdrawal',
    auth: 'user', params: withdrawalIdParams, status: 200, response: withdrawalResponse, errors: ['unauthorized', 'forbidden', 'not_found'],
  }),
  approveWithdrawal: operation({
    method: 'POST', path: '/gateway/withdrawals/{id}/approve', summary: 'Approve withdrawal',
    description:
      'The merchant confirms a pending withdrawal that needs it (`approvals_required` 1 or 2): approved when that is all it needs; above the operator limit it still waits for an operator (`npm run withdrawal:approve <id>` on the server).',
    auth: 'user', params: withdrawalIdParams, status: 200, response: withdrawalResponse, errors: ['unauthorized', 'forbidden', 'not_found', 'invalid_state'],
  }),
  cancelWithdrawal: operation({
    method: 'POST', path: '/gateway/withdrawals/{id}/cancel', summary: 'Cancel withdrawal',
    description: 'While pending only: the reserved amount becomes available again.',
    auth: 'user', params: withdrawalIdParams, status: 200, response: withdrawalResponse, errors: ['unauthorized', 'forbidden', 'not_found', 'invalid_state'],
  }),
};
