import { apiRoute, noContent } from '@/lib/api/handler';
import { revokeSession } from '@/lib/auth/refresh-session';

export const POST = apiRoute({ auth: 'user' }, async ({ principal }) => {
  await revokeSession(principal.sessionId);
  return noContent();
});
