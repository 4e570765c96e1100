import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { database } from '@/db/client';
import { WEBHOOK_EVENT_TYPES, shops, webhookEndpoints } from '@/db/schema';
import { notFound } from '@/lib/errors';
import type { UserPrincipal } from '@/lib/auth/principal';
import { visibleShops } from '@/lib/shops/shop-access';
import type { createWebhookInput, updateWebhookInput, WebhookResponse, webhookSecretResponse, webhookWithSecretResponse } from './schemas';
import { newSigningSecret } from './secret-box';
import { checkWebhookUrl } from './webhook-target';

const toResponse = (w: typeof webhookEndpoints.$inferSelect): WebhookResponse => ({
  id: w.id,
  shop_id: w.shopId,
  url: w.url,
  events: w.events,
  is_active: w.isActive,
  secret_hint: w.secretHint,
  created_at: w.createdAt.toISOString(),
});

async function assertOwnShop(principal: UserPrincipal, shopId: string) {
  const db = await database();
  const [shop] = await db.select({ id: shops.id }).from(shops).where(visibleShops(principal, shopId));
  if (!shop) throw notFound('Shop');
}

const ownEndpoint = (userId: string, shopId: string, webhookId: string) =>
  and(eq(webhookEndpoints.id, webhookId), eq(webhookEndpoints.shopId, shopId), eq(webhookEndpoints.userId, userId));

export async function listWebhooks(principal: UserPrincipal, shopId: string): Promise<{ webhooks: WebhookResponse[]; total: number }> {
  await assertOwnShop(principal, shopId);
  const db = await database();
  const { userId } = principal;
  const rows = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.shopId, shopId), eq(webhookEndpoints.userId, userId)))
    .orderBy(asc(webhookEndpoints.createdAt));
  return { webhooks: rows.map(toResponse), total: rows.length };
}

export async function createWebhook(
  principal: UserPrincipal,
  shopId: string,
  input: z.output<typeof createWebhookInput>,
): Promise<z.infer<typeof webhookWithSecretResponse>> {
  await assertOwnShop(principal, shopId);
  const { userId } = principal;
  const url = await checkWebhookUrl(input.url);
  const { secret, secretCiphertext, secretHint } = newSigningSecret();
  const db = await database();
  const [row] = await db
    .insert(webhookEndpoints)
    .values({ userId, shopId, url, events: input.events ?? [...WEBHOOK_EVENT_TYPES], secretCiphertext, secretHint })
    .returning();
  return { ...toResponse(row!), secret };
}

export async function updateWebhook(
  userId: string,
  shopId: string,
  webhookId: string,
  input: z.output<typeof updateWebhookInput>,
): Promise<WebhookResponse> {
  const url = input.url === undefined ? undefined : await checkWebhookUrl(input.url);
  const db = await database();
  const [row] = await db
    .update(webhookEndpoints)
    .set({ url, events: input.events, isActive: input.is_active, updatedAt: new Date() })
    .where(ownEndpoint(userId, shopId, webhookId))
    .returning();
  if (!row) throw notFound('Webhook');
  return toResponse(row);
}

export async function deleteWebhook(userId: string, shopId: string, webhookId: string): Promise<void> {
  const db = await database();
  const [row] = await db.delete(webhookEndpoints).where(ownEndpoint(userId, shopId, webhookId)).returning({ id: webhookEndpoints.id });
  if (!row) throw notFound('Webhook');
}

/** A new signing secret; deliveries from now on are signed with it. */
export async function rotateWebhookSecret(userId: string, shopId: string, webhookId: string): Promise<z.infer<typeof webhookSecretResponse>> {
  const { secret, secretCiphertext, secretHint } = newSigningSecret();
  const db = await database();
  const [row] = await db
    .update(webhookEndpoints)
    .set({ secretCiphertext, secretHint, updatedAt: new Date() })
    .where(ownEndpoint(userId, shopId, webhookId))
    .returning({ id: webhookEndpoints.id });
  if (!row) throw notFound('Webhook');
  return { secret, secret_hint: secretHint };
}
