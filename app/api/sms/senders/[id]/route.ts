import { apiRoute, noContent } from '@/lib/api/handler';
import { smsSenderIdParams } from '@/lib/sms/schemas';
import { forgetSmsSender } from '@/lib/sms/set-sender-trust';

export const DELETE = apiRoute({ auth: 'user', params: smsSenderIdParams }, async ({ principal, params }) => {
  await forgetSmsSender(principal.userId, params.id);
  return noContent();
});
