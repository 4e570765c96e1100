import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { authOperations } from '@/lib/auth/operations';
import { registerUser } from '@/lib/auth/register-user';

export const POST = apiRoute(authOperations.register, ({ body }) => registerUser(body));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(authOperations.register);
