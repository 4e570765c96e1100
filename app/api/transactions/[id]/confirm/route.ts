import { apiRoute } from '@/lib/api/handler';
import { confirmTransaction } from '@/lib/transactions/change-transaction-status';
import { transactionIdParams } from '@/lib/transactions/schemas';

export const POST = apiRoute({ auth: 'user_or_key', params: transactionIdParams }, ({ principal, params }) =>
  confirmTransaction(principal, params.id),
);
