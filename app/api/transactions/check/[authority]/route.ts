import { apiRoute } from '@/lib/api/handler';
import { checkTransaction } from '@/lib/transactions/check-transaction';
import { authorityParams } from '@/lib/transactions/schemas';

export const GET = apiRoute({ auth: 'none', params: authorityParams }, ({ params }) => checkTransaction(params.authority));
