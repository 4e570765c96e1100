import { apiRoute } from '@/lib/api/handler';
import { verifyInput } from '@/lib/transactions/schemas';
import { verifyTransaction } from '@/lib/transactions/verify-transaction';

export const POST = apiRoute({ auth: 'user_or_key', body: verifyInput }, ({ principal, body }) => verifyTransaction(principal, body));
