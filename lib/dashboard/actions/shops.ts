'use server';

import { revalidatePath } from 'next/cache';
import { dashboardAction } from '@/lib/dashboard/dashboard-action';
import { createShop } from '@/lib/shops/create-shop';
import { regenerateShopKey } from '@/lib/shops/regenerate-shop-key';
import { createShopInput, shopIdParams, updateShopInput } from '@/lib/shops/schemas';
import { updateShop } from '@/lib/shops/update-shop';
import { createWebhookInput, deliveryIdParams, updateWebhookInput, webhookParams } from '@/lib/webhooks/schemas';
import { revealShopWebhookSecret, rotateShopWebhookSecret } from '@/lib/webhooks/shop-webhook-secret';
import { redeliverWebhook } from '@/lib/webhooks/webhook-deliveries';
import { createWebhook, deleteWebhook, rotateWebhookSecret, updateWebhook } from '@/lib/webhooks/webhook-endpoints';

const refreshShop = (shopId: string) => {
  revalidatePath('/dashboard/shops');
  revalidatePath(`/dashboard/shops/${shopId}`);
};

/** POST /api/shops: the answer carries the API key, the only time it is ever shown. */
export const createShopAction = dashboardAction(createShopInput, async (input, merchant) => {
  const shop = await createShop(merchant.principal, input);
  revalidatePath('/dashboard/shops');
  return shop;
});

// The PATCH bodies refuse an empty update with a whole-object rule, which spreading their fields into one object
// would drop, so those actions take the body whole beside the ids.

/** PATCH /api/shops/{id}: the edit form, and activate/deactivate. */
export const updateShopAction = dashboardAction(shopIdParams.extend({ changes: updateShopInput }), async (input, merchant) => {
  const shop = await updateShop(merchant.principal, input.id, input.changes);
  refreshShop(shop.id);
  return shop;
});

/** POST /api/shops/{id}/regenerate-key: the old key stops working at once. */
export const regenerateShopKeyAction = dashboardAction(shopIdParams, async (input, merchant) => {
  const key = await regenerateShopKey(merchant.principal, input.id);
  refreshShop(input.id);
  return key;
});

/** POST /api/shops/{id}/webhooks: the answer carries the signing secret, shown only now. */
export const createWebhookAction = dashboardAction(shopIdParams.extend(createWebhookInput.shape), async ({ id, ...body }, merchant) => {
  const webhook = await createWebhook(merchant.principal, id, body);
  refreshShop(id);
  return webhook;
});

/** PATCH /api/shops/{id}/webhooks/{webhookId}: URL, events, enabled. */
export const updateWebhookAction = dashboardAction(webhookParams.extend({ changes: updateWebhookInput }), async (input, merchant) => {
  const webhook = await updateWebhook(merchant.principal, input.id, input.webhookId, input.changes);
  refreshShop(input.id);
  return webhook;
});

/** DELETE /api/shops/{id}/webhooks/{webhookId}. */
export const deleteWebhookAction = dashboardAction(webhookParams, async (input, merchant) => {
  await deleteWebhook(merchant.principal, input.id, input.webhookId);
  refreshShop(input.id);
  return null;
});

/** POST /api/shops/{id}/webhooks/{webhookId}/rotate-secret: deliveries are signed with the new secret from now on. */
export const rotateWebhookSecretAction = dashboardAction(webhookParams, async (input, merchant) => {
  const secret = await rotateWebhookSecret(merchant.principal, input.id, input.webhookId);
  refreshShop(input.id);
  return secret;
});

/** GET /api/shops/{id}/webhook-secret: the shop's secret for deliveries with their own URL (made on first use). */
export const revealShopWebhookSecretAction = dashboardAction(shopIdParams, async (input, merchant) => {
  const secret = await revealShopWebhookSecret(merchant.principal, input.id);
  refreshShop(input.id); // the hint appears once the secret exists
  return secret;
});

/** POST /api/shops/{id}/webhook-secret/rotate: the next attempt of each such delivery is signed with the new one. */
export const rotateShopWebhookSecretAction = dashboardAction(shopIdParams, async (input, merchant) => {
  const secret = await rotateShopWebhookSecret(merchant.principal, input.id);
  refreshShop(input.id);
  return secret;
});

/** POST /api/webhooks/deliveries/{id}/redeliver: queued again now; the log shows the new attempt once it runs. */
export const redeliverWebhookAction = dashboardAction(deliveryIdParams, async (input, merchant) => {
  const delivery = await redeliverWebhook(merchant.principal, input.id);
  revalidatePath('/dashboard/shops/[id]', 'page');
  return delivery;
});
