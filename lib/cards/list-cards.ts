import { desc } from 'drizzle-orm';
import type { z } from 'zod';
import { database } from '@/db/client';
import { cards } from '@/db/schema';
import type { Principal } from '@/lib/auth/principal';
import type { cardListResponse } from './schemas';
import { toCardResponse, visibleCards } from './card-access';

export async function listCards(principal: Principal): Promise<z.infer<typeof cardListResponse>> {
  const db = await database();
  const rows = await db.select().from(cards).where(visibleCards(principal)).orderBy(desc(cards.createdAt), desc(cards.id));
  return { cards: rows.map((row) => toCardResponse(row, principal)), total: rows.length };
}
