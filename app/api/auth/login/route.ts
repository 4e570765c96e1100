import { apiRoute } from '@/lib/api/handler';
import { loginUser } from '@/lib/auth/login-user';
import { limitAuthRequest } from '@/lib/api/rate-limits';
import { loginInput } from '@/lib/auth/schemas';
import { otherMethods } from '@/lib/api/route-fallbacks';

export const POST = apiRoute({ auth: 'none', body: loginInput, form: true }, async ({ body, ip }) => {
  await limitAuthRequest(ip);
  return loginUser(body, ip);
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
