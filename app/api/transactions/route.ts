import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { listTransactions } from '@/lib/transactions/list-transactions';
import { transactionOperations } from '@/lib/transactions/operations';

export const GET = apiRoute(transactionOperations.listTransactions, ({ principal, query }) => listTransactions(principal, query));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(transactionOperations.listTransactions);
