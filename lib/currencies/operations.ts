import { operationsOf } from '@/lib/api/operation';
import { currencyListResponse } from './schemas';

const operation = operationsOf('Crypto gateway');

export const currencyOperations = {
  listCurrencies: operation({
    method: 'GET', path: '/gateway/currencies', summary: 'Supported currencies',
    description: 'Public. Every currency KPay knows; `enabled` is false (with the reason) where this deployment has no node for the network.',
    auth: 'none', status: 200, response: currencyListResponse, errors: [],
  }),
};
