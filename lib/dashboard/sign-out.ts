'use server';

import { revokeSession } from '@/lib/auth/refresh-session';
import { signOut } from '@/lib/auth/dashboard-auth';
import { findCurrentMerchant } from './current-merchant';

/** Ends the dashboard session: the `sessions` row is revoked first, so the cookie is dead even if it was copied. */
export async function signOutMerchant(): Promise<void> {
  const merchant = await findCurrentMerchant();
  if (merchant) await revokeSession(merchant.principal.sessionId);
  await signOut({ redirectTo: '/login' });
}
