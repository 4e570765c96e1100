import { apiRoute } from '@/lib/api/handler';
import { setSmsSenderTrustInput } from '@/lib/sms/schemas';
import { listSmsSenders, setSenderTrust } from '@/lib/sms/set-sender-trust';
import { otherMethods } from '@/lib/api/route-fallbacks';

export const GET = apiRoute({ auth: 'user' }, ({ principal }) => listSmsSenders(principal.userId));

export const POST = apiRoute({ auth: 'user', body: setSmsSenderTrustInput }, ({ principal, body }) => setSenderTrust(principal.userId, body));

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET', 'POST');
