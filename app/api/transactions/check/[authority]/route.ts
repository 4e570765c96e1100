import { apiRoute } from '@/lib/api/handler';
import { checkTransaction } from '@/lib/transactions/check-transaction';
import { authorityParams } from '@/lib/transactions/schemas';
import { otherMethods } from '@/lib/api/route-fallbacks';

export const GET = apiRoute({ auth: 'none', params: authorityParams }, ({ params }) => checkTransaction(params.authority));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
