import { apiRoute, created } from '@/lib/api/handler';
import { createTransaction } from '@/lib/transactions/create-transaction';
import { createTransactionInput } from '@/lib/transactions/schemas';
import { otherMethods } from '@/lib/api/route-fallbacks';

export const POST = apiRoute({ auth: 'user_or_key', body: createTransactionInput }, async ({ principal, body }) =>
  created(await createTransaction(principal, body)),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
