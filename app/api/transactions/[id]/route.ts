import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { getTransaction } from '@/lib/transactions/get-transaction';
import { transactionOperations } from '@/lib/transactions/operations';

export const GET = apiRoute(transactionOperations.getTransaction, ({ principal, params }) => getTransaction(principal, params.id));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(transactionOperations.getTransaction);
