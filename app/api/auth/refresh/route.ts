import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { authOperations } from '@/lib/auth/operations';
import { refreshSession } from '@/lib/auth/refresh-session';

export const POST = apiRoute(authOperations.refresh, ({ body }) => refreshSession(body.refresh_token));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(authOperations.refresh);
