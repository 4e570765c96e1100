import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { confirmTransaction } from '@/lib/transactions/change-transaction-status';
import { transactionOperations } from '@/lib/transactions/operations';

export const POST = apiRoute(transactionOperations.confirmTransaction, ({ principal, params }) => confirmTransaction(principal, params.id));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(transactionOperations.confirmTransaction);
