import { apiRoute } from '@/lib/api/handler';
import { limitPublicWrite } from '@/lib/api/rate-limits';
import { verifyInput } from '@/lib/transactions/schemas';
import { verifyTransaction } from '@/lib/transactions/verify-transaction';

export const POST = apiRoute({ auth: 'none', body: verifyInput }, async ({ body, ip }) => {
  await limitPublicWrite(ip);
  return verifyTransaction(body);
});
