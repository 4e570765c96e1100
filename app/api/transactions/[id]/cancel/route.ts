import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { cancelTransaction } from '@/lib/transactions/change-transaction-status';
import { transactionOperations } from '@/lib/transactions/operations';

export const POST = apiRoute(transactionOperations.cancelTransaction, ({ principal, params }) => cancelTransaction(principal, params.id));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(transactionOperations.cancelTransaction);
