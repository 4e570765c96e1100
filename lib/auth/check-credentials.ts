import { eq } from 'drizzle-orm';
import { database } from '@/db/client';
import { users } from '@/db/schema';
import { ApiError } from '@/lib/api/errors';
import { assertLoginAllowed, clearLoginFailures, recordLoginFailure } from '@/lib/api/rate-limits';
import { burnPasswordCheck, verifyPassword } from './password';

/**
 * Checks a mobile and password and returns the user's id. Failures are counted per mobile, so guessing one account's
 * password hits 429 quickly; the API login and the dashboard sign-in both come through here.
 */
export async function checkCredentials(mobile: string, password: string): Promise<string> {
  await assertLoginAllowed(mobile);
  const db = await database();
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.mobile, mobile))
    .limit(1);
  const valid = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
  if (!user || !valid) {
    await recordLoginFailure(mobile);
    // One message for unknown mobile and wrong password: the answer must not reveal who has an account.
    throw new ApiError('unauthorized', 'Mobile or password is incorrect');
  }
  await clearLoginFailures(mobile);
  return user.id;
}
