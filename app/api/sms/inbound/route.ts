import { apiRoute } from '@/lib/api/handler';
import { receiveSms } from '@/lib/sms/receive-sms';
import { inboundSmsInput } from '@/lib/sms/schemas';
import { otherMethods } from '@/lib/api/route-fallbacks';

export const POST = apiRoute({ auth: 'device', body: inboundSmsInput }, ({ principal, body }) => receiveSms(principal, body));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
