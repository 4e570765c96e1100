import { apiRoute, noContent } from '@/lib/api/handler';
import { smsSenderIdParams } from '@/lib/sms/schemas';
import { forgetSmsSender } from '@/lib/sms/set-sender-trust';
import { otherMethods } from '@/lib/api/route-fallbacks';

export const DELETE = apiRoute({ auth: 'user', params: smsSenderIdParams }, async ({ principal, params }) => {
  await forgetSmsSender(principal.userId, params.id);
  return noContent();
});

export const { GET, POST, PUT, PATCH, OPTIONS } = otherMethods('DELETE');
