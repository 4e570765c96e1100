import { apiRoute } from '@/lib/api/handler';
import { receiveSms } from '@/lib/sms/receive-sms';
import { inboundSmsInput } from '@/lib/sms/schemas';

export const POST = apiRoute({ auth: 'device', body: inboundSmsInput }, ({ principal, body }) => receiveSms(principal, body));
