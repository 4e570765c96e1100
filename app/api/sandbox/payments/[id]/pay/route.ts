import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { sandboxOperations } from '@/lib/sandbox/operations';
import { payFromTestWallet } from '@/lib/sandbox/pay-from-test-wallet';

export const POST = apiRoute(sandboxOperations.payFromTestWallet, ({ params, body }) => payFromTestWallet(params.id, body.amount));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(sandboxOperations.payFromTestWallet);
