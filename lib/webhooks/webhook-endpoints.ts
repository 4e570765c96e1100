import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { database } from '@/db/client';
import { shops, webhookEndpoints } from '@/db/schema';
import { WEBHOOK_EVENT_TYPES } from './webhook-event-types';
import { notFound } from '@/lib/errors';
import { type Principal, requireUser } from '@/lib/auth/principal';
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

/** The owner's shop (webhooks are the account owner's to manage: a shop API key is refused), or 404. */
async function ownShop(principal: Principal, shopId: string): Promise<{ userId: string }> {
  const user = requireUser(principal);
  const db = await database();
  const [shop] = await db.select({ id: shops.id }).from(shops).where(visibleShops(user, shopId));
  if (!shop) throw notFound('Shop');
  return user;
}

/** One of the owner's endpoints on that shop (a shop API key is refused). */
function ownEndpoint(principal: Principal, shopId: string, webhookId: string) {
  const { userId } = requireUser(principal);
  return and(eq(webhookEndpoints.id, webhookId), eq(webhookEndpoints.shopId, shopId), eq(webhookEndpoints.userId, userId));
}

export async function listWebhooks(principal: Principal, shopId: string): Promise<{ webhooks: WebhookResponse[]; total: number }> {
  const { userId } = await ownShop(principal, shopId);
  const db = await database();
  const rows = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.shopId, shopId), eq(webhookEndpoints.userId, userId)))
    .orderBy(asc(webhookEndpoints.createdAt));
  return { webhooks: rows.map(toResponse), total: rows.length };
}

export async function createWebhook(
  principal: Principal,
  shopId: string,
  input: z.output<typeof createWebhookInput>,
): Promise<z.infer<typeof webhookWithSecretResponse>> {
  const { userId } = await ownShop(principal, shopId);
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
  principal: Principal,
  shopId: string,
  webhookId: string,
  input: z.output<typeof updateWebhookInput>,
): Promise<WebhookResponse> {
  const where = ownEndpoint(principal, shopId, webhookId);
  const url = input.url === undefined ? undefined : await checkWebhookUrl(input.url);
  const db = await database();
  const [row] = await db
    .update(webhookEndpoints)
    .set({ url, events: input.events, isActive: input.is_active, updatedAt: new Date() })
    .where(where)
    .returning();
  if (!row) throw notFound('Webhook');
  return toResponse(row);
}

export async function deleteWebhook(principal: Principal, shopId: string, webhookId: string): Promise<void> {
  const where = ownEndpoint(principal, shopId, webhookId);
  const db = await database();
  const [row] = await db.delete(webhookEndpoints).where(where).returning({ id: webhookEndpoints.id });
  if (!row) throw notFound('Webhook');
}

/** A new signing secret; deliveries from now on are signed with it. */
export async function rotateWebhookSecret(principal: Principal, shopId: string, webhookId: string): Promise<z.infer<typeof webhookSecretResponse>> {
  const where = ownEndpoint(principal, shopId, webhookId);
  const { secret, secretCiphertext, secretHint } = newSigningSecret();
  const db = await database();
  const [row] = await db
    .update(webhookEndpoints)
    .set({ secretCiphertext, secretHint, updatedAt: new Date() })
    .where(where)
    .returning({ id: webhookEndpoints.id });
  if (!row) throw notFound('Webhook');
  return { secret, secret_hint: secretHint };
}
