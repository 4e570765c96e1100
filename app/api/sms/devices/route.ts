import { apiRoute, created } from '@/lib/api/handler';
import { createSmsDeviceInput } from '@/lib/sms/schemas';
import { createSmsDevice, listSmsDevices } from '@/lib/sms/sms-devices';
import { otherMethods } from '@/lib/api/route-fallbacks';

export const GET = apiRoute({ auth: 'user' }, ({ principal }) => listSmsDevices(principal.userId));

export const POST = apiRoute({ auth: 'user', body: createSmsDeviceInput }, async ({ principal, body }) =>
  created(await createSmsDevice(principal.userId, body.name)),
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET', 'POST');
