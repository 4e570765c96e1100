import { operationsOf } from '@/lib/api/operation';
import { mineInput, mineResponse, sandboxPaymentParams, testPaymentInput, testPaymentResponse } from './schemas';

const operation = operationsOf('Sandbox');

/** Only on local test chains (regtest, dev): everywhere else these answer 404. */
export const sandboxOperations = {
  payFromTestWallet: operation({
    method: 'POST', path: '/sandbox/payments/{id}/pay', summary: 'Pay from the test wallet',
    description:
      "Local test chains only (bitcoin/litecoin `regtest`, ethereum/bsc `dev`): the node's test wallet pays the payment's deposit address the exact amount, half of it, or one and a half times it. Public like the hosted page that offers it, and rate limited; 404 on mainnet and public testnets.",
    auth: 'none', params: sandboxPaymentParams, body: testPaymentInput, status: 200, response: testPaymentResponse,
    errors: ['invalid_json', 'validation_failed', 'not_found', 'invalid_state', 'node_unavailable'], rateLimit: 'testPayment',
  }),
  mineTestBlocks: operation({
    method: 'POST', path: '/sandbox/mine', summary: 'Mine test blocks',
    description: 'Local test chains only: mines blocks so confirmations count up. A merchant token; 404 on mainnet and public testnets.',
    auth: 'user', body: mineInput, status: 200, response: mineResponse,
    errors: ['invalid_json', 'validation_failed', 'unauthorized', 'forbidden', 'not_found', 'node_unavailable'],
  }),
};
