import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { smsOperations } from '@/lib/sms/operations';
import { forgetSmsSender } from '@/lib/sms/set-sender-trust';

export const DELETE = apiRoute(smsOperations.forgetSmsSender, ({ principal, params }) => forgetSmsSender(principal, params.id));

export const { GET, POST, PUT, PATCH, OPTIONS } = otherMethods(smsOperations.forgetSmsSender);
