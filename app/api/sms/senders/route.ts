import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { smsOperations } from '@/lib/sms/operations';
import { listSmsSenders, setSenderTrust } from '@/lib/sms/set-sender-trust';

export const GET = apiRoute(smsOperations.listSmsSenders, ({ principal }) => listSmsSenders(principal));

export const POST = apiRoute(smsOperations.setSenderTrust, ({ principal, body }) => setSenderTrust(principal, body));

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(smsOperations.listSmsSenders, smsOperations.setSenderTrust);
