import { apiRoute } from '@/lib/api/handler';
import { notFound } from '@/lib/errors';
import { getPaymentPage } from '@/lib/transactions/get-payment-info';
import { authorityParams } from '@/lib/transactions/schemas';
import { otherMethods } from '@/lib/api/route-fallbacks';

export const GET = apiRoute({ auth: 'none', params: authorityParams }, async ({ params }) => {
  const page = await getPaymentPage(params.authority);
  if (!page) throw notFound('Transaction');
  return page.info;
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
