import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { createTransaction } from '@/lib/transactions/create-transaction';
import { transactionOperations } from '@/lib/transactions/operations';

export const POST = apiRoute(transactionOperations.createTransaction, ({ principal, body }) => createTransaction(principal, body));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(transactionOperations.createTransaction);
