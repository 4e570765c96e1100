import { apiRoute } from '@/lib/api/handler';
import { listTransactions } from '@/lib/transactions/list-transactions';
import { listTransactionsQuery } from '@/lib/transactions/schemas';
import { otherMethods } from '@/lib/api/route-fallbacks';

export const GET = apiRoute({ auth: 'user_or_key', query: listTransactionsQuery }, ({ principal, query }) =>
  listTransactions(principal, query),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
