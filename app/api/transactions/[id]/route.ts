import { apiRoute } from '@/lib/api/handler';
import { getTransaction } from '@/lib/transactions/get-transaction';
import { transactionIdParams } from '@/lib/transactions/schemas';
import { otherMethods } from '@/lib/api/route-fallbacks';

export const GET = apiRoute({ auth: 'user_or_key', params: transactionIdParams }, ({ principal, params }) =>
  getTransaction(principal, params.id),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
