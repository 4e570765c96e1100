import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { smsOperations } from '@/lib/sms/operations';
import { receiveSms } from '@/lib/sms/receive-sms';

export const POST = apiRoute(smsOperations.receiveSms, ({ principal, body }) => receiveSms(principal, body));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(smsOperations.receiveSms);
