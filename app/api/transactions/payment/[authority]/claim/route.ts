import { apiRoute, created } from '@/lib/api/handler';
import { limitPaymentClaim } from '@/lib/api/rate-limits';
import { authorityParams, paymentClaimInput } from '@/lib/transactions/schemas';
import { submitPaymentClaim } from '@/lib/transactions/submit-payment-claim';
import { otherMethods } from '@/lib/api/route-fallbacks';

export const POST = apiRoute({ auth: 'none', params: authorityParams, body: paymentClaimInput }, async ({ params, body, ip }) => {
  await limitPaymentClaim(ip, params.authority);
  return created(await submitPaymentClaim(params.authority, body));
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
