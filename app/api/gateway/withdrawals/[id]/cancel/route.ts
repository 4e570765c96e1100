import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { cancelWithdrawal } from '@/lib/withdrawals/cancel-withdrawal';
import { withdrawalOperations } from '@/lib/withdrawals/operations';

export const POST = apiRoute(withdrawalOperations.cancelWithdrawal, ({ principal, params }) => cancelWithdrawal(principal, params.id));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(withdrawalOperations.cancelWithdrawal);
