import { operationsOf } from '@/lib/api/operation';
import { balancesResponse } from './schemas';

const operation = operationsOf('Crypto gateway');

export const ledgerOperations = {
  getBalances: operation({
    method: 'GET', path: '/gateway/balances', summary: 'Get merchant balances',
    description: "The merchant's crypto balances per currency, summed from the ledger (decimal strings). User token only: a shop API key gets 403.",
    auth: 'user', status: 200, response: balancesResponse, errors: ['unauthorized', 'forbidden'],
  }),
};
