import { apiRoute, noContent } from '@/lib/api/handler';
import { smsDeviceIdParams } from '@/lib/sms/schemas';
import { revokeSmsDevice } from '@/lib/sms/sms-devices';
import { otherMethods } from '@/lib/api/route-fallbacks';

export const DELETE = apiRoute({ auth: 'user', params: smsDeviceIdParams }, async ({ principal, params }) => {
  await revokeSmsDevice(principal.userId, params.id);
  return noContent();
});

export const { GET, POST, PUT, PATCH, OPTIONS } = otherMethods('DELETE');
