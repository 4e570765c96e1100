import { apiRoute } from '@/lib/api/handler';
import { listTransactions } from '@/lib/transactions/list-transactions';
import { listTransactionsQuery } from '@/lib/transactions/schemas';

export const GET = apiRoute({ auth: 'user_or_key', query: listTransactionsQuery }, ({ principal, query }) =>
  listTransactions(principal, query),
);
