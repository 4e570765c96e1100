import { eventStreamRoute } from '@/lib/api/event-stream-route';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { followTransactionStatus } from '@/lib/transactions/follow-transaction-status';
import { transactionOperations } from '@/lib/transactions/operations';

export const GET = eventStreamRoute(transactionOperations.followTransactionStatus, ({ params, ...stream }) =>
  followTransactionStatus(params.authority, stream),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(transactionOperations.followTransactionStatus);
