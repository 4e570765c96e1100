import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { loginUser } from '@/lib/auth/login-user';
import { authOperations } from '@/lib/auth/operations';

export const POST = apiRoute(authOperations.login, ({ body, ip }) => loginUser(body, ip));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(authOperations.login);
