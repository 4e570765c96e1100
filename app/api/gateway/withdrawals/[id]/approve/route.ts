import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { approveWithdrawal } from '@/lib/withdrawals/approve-withdrawal';
import { withdrawalOperations } from '@/lib/withdrawals/operations';

export const POST = apiRoute(withdrawalOperations.approveWithdrawal, ({ principal, params }) => approveWithdrawal(principal, params.id));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(withdrawalOperations.approveWithdrawal);
