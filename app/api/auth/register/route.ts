import { apiRoute, created } from '@/lib/api/handler';
import { limitRegistration } from '@/lib/api/rate-limits';
import { registerUser } from '@/lib/auth/register-user';
import { registerInput } from '@/lib/auth/schemas';

export const POST = apiRoute({ auth: 'none', body: registerInput }, async ({ body, ip }) => {
  await limitRegistration(ip, body.mobile);
  return created(await registerUser(body));
});
