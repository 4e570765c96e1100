import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { database } from '@/db/client';
import { isUniqueViolation } from '@/db/errors';
import { users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { hashPassword } from './password';
import type { registerInput, TokenPair } from './schemas';
import { startSession } from './start-session';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** "KP" and 10 Crockford base-32 characters (50 random bits): short enough to read out to support, never reused. */
export function newMerchantId(): string {
  return 'KP' + Array.from(randomBytes(10), (b) => CROCKFORD[b & 31]).join('');
}

/** Creates the merchant's account; a mobile that is already registered is a 409 with a field error. */
export async function createUser(input: z.output<typeof registerInput>): Promise<string> {
  const db = await database();
  const passwordHash = await hashPassword(input.password);
  try {
    const [user] = await db
      .insert(users)
      .values({ name: input.name, mobile: input.mobile, passwordHash, merchantId: newMerchantId() })
      .returning({ id: users.id });
    return user!.id;
  } catch (error) {
    if (isUniqueViolation(error, 'users_mobile_unique')) {
      throw new AppError('conflict', 'This mobile number is already registered', { mobile: 'already registered' });
    }
    throw error;
  }
}

/** API registration: the account and its first session. */
export async function registerUser(input: z.output<typeof registerInput>): Promise<TokenPair> {
  const userId = await createUser(input);
  return startSession(await database(), userId);
}
