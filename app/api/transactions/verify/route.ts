import { apiRoute } from '@/lib/api/handler';
import { verifyInput } from '@/lib/transactions/schemas';
import { verifyTransaction } from '@/lib/transactions/verify-transaction';
import { otherMethods } from '@/lib/api/route-fallbacks';

export const POST = apiRoute({ auth: 'user_or_key', body: verifyInput }, ({ principal, body }) => verifyTransaction(principal, body));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
