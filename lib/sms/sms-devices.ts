import { and, desc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { database } from '@/db/client';
import { smsDevices } from '@/db/schema';
import { notFound } from '@/lib/errors';
import { type Principal, requireUser } from '@/lib/auth/principal';
import { generateSecretToken, hashSecretToken } from '@/lib/auth/secret-token';
import { config } from '@/lib/config/config';
import type { createdSmsDeviceResponse, smsDeviceListResponse, smsDeviceResponse } from './schemas';

const DEVICE_TOKEN_PREFIX = 'kpay_dv_';

const toResponse = (d: typeof smsDevices.$inferSelect): z.infer<typeof smsDeviceResponse> => ({
  id: d.id,
  name: d.name,
  token_hint: d.tokenHint,
  last_seen_at: d.lastSeenAt?.toISOString() ?? null,
  created_at: d.createdAt.toISOString(),
});

export const smsInboundUrl = () => `${config().publicUrl}/api/sms/inbound`;

export async function createSmsDevice(principal: Principal, name: string): Promise<z.infer<typeof createdSmsDeviceResponse>> {
  const { userId } = requireUser(principal);
  const db = await database();
  const token = generateSecretToken(DEVICE_TOKEN_PREFIX);
  const [device] = await db
    .insert(smsDevices)
    .values({ userId, name, tokenHash: hashSecretToken(token), tokenHint: `${DEVICE_TOKEN_PREFIX}…${token.slice(-4)}` })
    .returning();
  return { ...toResponse(device!), token, inbound_url: smsInboundUrl() };
}

export async function listSmsDevices(principal: Principal): Promise<z.infer<typeof smsDeviceListResponse>> {
  const { userId } = requireUser(principal);
  const db = await database();
  const rows = await db
    .select()
    .from(smsDevices)
    .where(and(eq(smsDevices.userId, userId), isNull(smsDevices.revokedAt)))
    .orderBy(desc(smsDevices.createdAt));
  return { devices: rows.map(toResponse), total: rows.length };
}

/** The token stops working at once; the device's messages stay. */
export async function revokeSmsDevice(principal: Principal, deviceId: string): Promise<void> {
  const { userId } = requireUser(principal);
  const db = await database();
  const [row] = await db
    .update(smsDevices)
    .set({ revokedAt: new Date() })
    .where(and(eq(smsDevices.id, deviceId), eq(smsDevices.userId, userId), isNull(smsDevices.revokedAt)))
    .returning({ id: smsDevices.id });
  if (!row) throw notFound('Device');
}
