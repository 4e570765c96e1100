import { apiRoute } from '@/lib/api/handler';
import { cancelTransaction } from '@/lib/transactions/change-transaction-status';
import { transactionIdParams } from '@/lib/transactions/schemas';
import { otherMethods } from '@/lib/api/route-fallbacks';

export const POST = apiRoute({ auth: 'user_or_key', params: transactionIdParams }, ({ principal, params }) =>
  cancelTransaction(principal, params.id),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
