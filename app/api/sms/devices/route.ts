import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { smsOperations } from '@/lib/sms/operations';
import { createSmsDevice, listSmsDevices } from '@/lib/sms/sms-devices';

export const GET = apiRoute(smsOperations.listSmsDevices, ({ principal }) => listSmsDevices(principal));

export const POST = apiRoute(smsOperations.createSmsDevice, ({ principal, body }) => createSmsDevice(principal, body.name));

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(smsOperations.listSmsDevices, smsOperations.createSmsDevice);
