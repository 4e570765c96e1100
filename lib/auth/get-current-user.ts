import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { database } from '@/db/client';
import { users } from '@/db/schema';
import { notFound } from '@/lib/errors';
import type { userResponse } from './schemas';

export async function getCurrentUser(userId: string): Promise<z.infer<typeof userResponse>> {
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
