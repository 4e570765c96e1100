import { apiRoute, created } from '@/lib/api/handler';
import { limitRegistration } from '@/lib/api/rate-limits';
import { registerUser } from '@/lib/auth/register-user';
import { registerInput } from '@/lib/auth/schemas';
import { otherMethods } from '@/lib/api/route-fallbacks';

export const POST = apiRoute({ auth: 'none', body: registerInput }, async ({ body, ip }) => {
  await limitRegistration(ip, body.mobile);
  return created(await registerUser(body));
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
