import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { notFound } from '@/lib/errors';
import { getPaymentPage } from '@/lib/transactions/get-payment-info';
import { transactionOperations } from '@/lib/transactions/operations';

export const GET = apiRoute(transactionOperations.getPaymentInfo, async ({ params }) => {
  const page = await getPaymentPage(params.authority);
  if (!page) throw notFound('Transaction');
  return page.info;
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(transactionOperations.getPaymentInfo);
