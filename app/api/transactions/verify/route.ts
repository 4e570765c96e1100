import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { transactionOperations } from '@/lib/transactions/operations';
import { verifyTransaction } from '@/lib/transactions/verify-transaction';

export const POST = apiRoute(transactionOperations.verifyTransaction, ({ principal, body }) => verifyTransaction(principal, body));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(transactionOperations.verifyTransaction);
