import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { authOperations } from '@/lib/auth/operations';
import { revokeSession } from '@/lib/auth/refresh-session';

export const POST = apiRoute(authOperations.logout, ({ principal }) => revokeSession(principal.sessionId));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(authOperations.logout);
