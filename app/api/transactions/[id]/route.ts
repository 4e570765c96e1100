import { apiRoute } from '@/lib/api/handler';
import { getTransaction } from '@/lib/transactions/get-transaction';
import { transactionIdParams } from '@/lib/transactions/schemas';

export const GET = apiRoute({ auth: 'user_or_key', params: transactionIdParams }, ({ principal, params }) =>
  getTransaction(principal, params.id),
);
