import { apiRoute, created } from '@/lib/api/handler';
import { limitPaymentClaim } from '@/lib/api/rate-limits';
import { authorityParams, paymentClaimInput } from '@/lib/transactions/schemas';
import { submitPaymentClaim } from '@/lib/transactions/submit-payment-claim';

export const POST = apiRoute({ auth: 'none', params: authorityParams, body: paymentClaimInput }, async ({ params, body, ip }) => {
  await limitPaymentClaim(ip, params.authority);
  return created(await submitPaymentClaim(params.authority, body));
});
