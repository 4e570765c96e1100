import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { getCurrentUser } from '@/lib/auth/get-current-user';
import { authOperations } from '@/lib/auth/operations';

export const GET = apiRoute(authOperations.me, ({ principal }) => getCurrentUser(principal));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(authOperations.me);
