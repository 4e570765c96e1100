import { eq } from 'drizzle-orm';
import { database } from '@/db/client';
import { users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { loginSucceeded, takeLoginAttempt } from '@/lib/api/rate-limits';
import { burnPasswordCheck, verifyPassword } from './password';

/**
 * Checks a mobile and password from a client address and returns the user's id. The API login and the dashboard
 * sign-in both come through here. Each attempt takes a failure point (per mobile and client network, and per mobile
 * overall) before the password is checked, and gets it back when the password is right: guessing one account's
 * password hits 429 quickly, also with parallel requests, while its owner can still sign in from another network.
 */
export async function checkCredentials(mobile: string, password: string, ip: string): Promise<string> {
  await takeLoginAttempt(mobile, ip);
  const db = await database();
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.mobile, mobile))
    .limit(1);
  const valid = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
  // One message for unknown mobile and wrong password: the answer must not reveal who has an account.
  if (!user || !valid) throw new AppError('unauthorized', 'Mobile or password is incorrect');
  await loginSucceeded(mobile, ip);
  return user.id;
}
