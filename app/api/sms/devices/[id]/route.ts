import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { smsOperations } from '@/lib/sms/operations';
import { revokeSmsDevice } from '@/lib/sms/sms-devices';

export const DELETE = apiRoute(smsOperations.revokeSmsDevice, ({ principal, params }) => revokeSmsDevice(principal, params.id));

export const { GET, POST, PUT, PATCH, OPTIONS } = otherMethods(smsOperations.revokeSmsDevice);
