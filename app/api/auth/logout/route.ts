import { apiRoute, noContent } from '@/lib/api/handler';
import { revokeSession } from '@/lib/auth/refresh-session';
import { otherMethods } from '@/lib/api/route-fallbacks';

export const POST = apiRoute({ auth: 'user' }, async ({ principal }) => {
  await revokeSession(principal.sessionId);
  return noContent();
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
