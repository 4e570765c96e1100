import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { database } from '@/db/client';
import { users } from '@/db/schema';
import { notFound } from '@/lib/errors';
import { type Principal, requireUser } from './principal';
import type { userResponse } from './schemas';

/** The account's owner; a shop API key is refused (a user's name and mobile are not a shop's). */
export async function getCurrentUser(principal: Principal): Promise<z.infer<typeof userResponse>> {
  const { userId } = requireUser(principal);
  const db = await database();
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw notFound('User');
  return {
    id: user.id,
    name: user.name,
    mobile: user.mobile,
    merchant_id: user.merchantId,
    created_at: user.createdAt.toISOString(),
  };
}
