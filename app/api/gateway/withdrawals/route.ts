import { answerWithStatus, apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { listWithdrawals } from '@/lib/withdrawals/list-withdrawals';
import { withdrawalOperations } from '@/lib/withdrawals/operations';
import { requestWithdrawal } from '@/lib/withdrawals/request-withdrawal';

export const GET = apiRoute(withdrawalOperations.listWithdrawals, ({ principal, query }) => listWithdrawals(principal, query));

export const POST = apiRoute(withdrawalOperations.requestWithdrawal, async ({ principal, body, headers }) => {
  const { withdrawal, replayed } = await requestWithdrawal(principal, body, headers.get('idempotency-key') ?? undefined);
  return answerWithStatus(withdrawal, replayed ? 200 : 201);
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(withdrawalOperations.listWithdrawals, withdrawalOperations.requestWithdrawal);
