import { apiRoute } from '@/lib/api/handler';
import { limitAuthRequest } from '@/lib/api/rate-limits';
import { refreshSession } from '@/lib/auth/refresh-session';
import { refreshInput } from '@/lib/auth/schemas';
import { otherMethods } from '@/lib/api/route-fallbacks';

export const POST = apiRoute({ auth: 'none', body: refreshInput, form: true }, async ({ body, ip }) => {
  await limitAuthRequest(ip);
  return refreshSession(body.refresh_token);
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
