import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { transactionOperations } from '@/lib/transactions/operations';
import { submitPaymentClaim } from '@/lib/transactions/submit-payment-claim';

export const POST = apiRoute(transactionOperations.submitPaymentClaim, ({ params, body }) => submitPaymentClaim(params.authority, body));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(transactionOperations.submitPaymentClaim);
