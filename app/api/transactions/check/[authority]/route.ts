import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { checkTransaction } from '@/lib/transactions/check-transaction';
import { transactionOperations } from '@/lib/transactions/operations';

export const GET = apiRoute(transactionOperations.checkTransaction, ({ params }) => checkTransaction(params.authority));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(transactionOperations.checkTransaction);
