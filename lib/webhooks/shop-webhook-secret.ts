import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { database } from '@/db/client';
import { shops } from '@/db/schema';
import { notFound } from '@/lib/errors';
import { type Principal, requireUser } from '@/lib/auth/principal';
import { visibleShops } from '@/lib/shops/shop-access';
import type { webhookSecretResponse } from './schemas';
import { newSigningSecret, openSecret, signingSecretHint } from './secret-box';

type ShopSecret = z.infer<typeof webhookSecretResponse>;

// A shop's own signing secret signs the deliveries that carry their own URL (no endpoint, e.g. a crypto payment's
// webhook_url). Unlike an endpoint's secret, the merchant can read it again at any time: such URLs are given per
// payment by the merchant's server, which needs the one secret that covers all of them.

/**
 * The secret of the shop `where` selects, made on first use. Two first uses at once agree: only one write lands (it is
 * conditional on there being none yet) and the other reads what that one wrote.
 */
async function secretOf(where: SQL): Promise<ShopSecret | null> {
  const db = await database();
  const [shop] = await db
    .select({ id: shops.id, ciphertext: shops.webhookSecretCiphertext, hint: shops.webhookSecretHint })
    .from(shops)
    .where(where)
    .limit(1);
  if (!shop) return null;
  if (shop.ciphertext) {
    const secret = openSecret(shop.ciphertext);
    return { secret, secret_hint: shop.hint ?? signingSecretHint(secret) };
  }
  const fresh = newSigningSecret();
  const [made] = await db
    .update(shops)
    .set({ webhookSecretCiphertext: fresh.secretCiphertext, webhookSecretHint: fresh.secretHint })
    .where(and(eq(shops.id, shop.id), isNull(shops.webhookSecretCiphertext)))
    .returning({ id: shops.id });
  return made ? { secret: fresh.secret, secret_hint: fresh.secretHint } : secretOf(where);
}

/** What the delivery job signs a URL delivery of this shop with. */
export async function shopSigningSecret(shopId: string): Promise<string | null> {
  return (await secretOf(eq(shops.id, shopId)))?.secret ?? null;
}

/** GET /api/shops/{id}/webhook-secret: the merchant's own shop only (another merchant's is 404). */
export async function revealShopWebhookSecret(principal: Principal, shopId: string): Promise<ShopSecret> {
  const secret = await secretOf(visibleShops(requireUser(principal), shopId));
  if (!secret) throw notFound('Shop');
  return secret;
}

/** The hint alone, for pages that offer to reveal it; null until the secret is first made. */
export async function shopWebhookSecretHint(principal: Principal, shopId: string): Promise<string | null> {
  const user = requireUser(principal);
  const db = await database();
  const [shop] = await db.select({ hint: shops.webhookSecretHint }).from(shops).where(visibleShops(user, shopId)).limit(1);
  if (!shop) throw notFound('Shop');
  return shop.hint;
}

/** A new secret: the next attempt of every URL delivery, pending or redelivered, is signed with it. */
export async function rotateShopWebhookSecret(principal: Principal, shopId: string): Promise<ShopSecret> {
  const user = requireUser(principal);
  const { secret, secretCiphertext, secretHint } = newSigningSecret();
  const db = await database();
  const [shop] = await db
    .update(shops)
    .set({ webhookSecretCiphertext: secretCiphertext, webhookSecretHint: secretHint, updatedAt: new Date() })
    .where(visibleShops(user, shopId))
    .returning({ id: shops.id });
  if (!shop) throw notFound('Shop');
  return { secret, secret_hint: secretHint };
}
