import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { getWithdrawal } from '@/lib/withdrawals/list-withdrawals';
import { withdrawalOperations } from '@/lib/withdrawals/operations';

export const GET = apiRoute(withdrawalOperations.getWithdrawal, ({ principal, params }) => getWithdrawal(principal, params.id));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(withdrawalOperations.getWithdrawal);
