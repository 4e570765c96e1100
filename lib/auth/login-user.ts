import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { database } from '@/db/client';
import { users } from '@/db/schema';
import { ApiError } from '@/lib/api/errors';
import { burnPasswordCheck, verifyPassword } from './password';
import { assertLoginAllowed, clearLoginFailures, recordLoginFailure } from '@/lib/api/rate-limits';
import type { loginInput, TokenPair } from './schemas';
import { startSession } from './start-session';

/** Checks mobile and password, counting failures per mobile so guessing one account's password hits 429 quickly. */
export async function loginUser({ username: mobile, password }: z.output<typeof loginInput>): Promise<TokenPair> {
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
  return startSession(db, user.id);
}
