import { and, eq, isNull, sql } from 'drizzle-orm';
import { database } from '@/db/client';
import { preparedStatement } from '@/db/prepared-statement';
import { AppError } from '@/lib/errors';
import { API_KEY_PREFIX } from '@/lib/shops/api-key';
import { sessions, shops, smsDevices } from '@/db/schema';
import { verifyAccessToken } from './access-token';
import { hashSecretToken } from './secret-token';

/** Who is calling: a signed-in user, or a shop's server with that shop's API key (acting for that shop only). */
export type Principal =
  | { kind: 'user'; userId: string; sessionId: string }
  | { kind: 'shop'; userId: string; shopId: string };

/** A merchant's SMS forwarder phone: may only post SMS. */
export interface DevicePrincipal {
  kind: 'device';
  userId: string;
  deviceId: string;
}

export type UserPrincipal = Extract<Principal, { kind: 'user' }>;
export type AuthMode = 'user' | 'user_or_key' | 'device';

// Every authenticated request runs one of these: prepared, they cost one round trip and no query building.
const shopByKeyStatement = preparedStatement((db) =>
  db
    .select({ id: shops.id, userId: shops.userId, isActive: shops.isActive })
    .from(shops)
    .where(eq(shops.apiKeyHash, sql.placeholder('hash')))
    .limit(1)
    .prepare('principal_shop_by_key'),
);
// One indexed read proves the session is live: logout and refresh-token reuse end access tokens at once.
const liveSessionStatement = preparedStatement((db) =>
  db
    .select({ userId: sessions.userId })
    .from(sessions)
    .where(and(eq(sessions.id, sql.placeholder('sessionId')), eq(sessions.userId, sql.placeholder('userId')), isNull(sessions.revokedAt)))
    .limit(1)
    .prepare('principal_live_session'),
);
const deviceByTokenStatement = preparedStatement((db) =>
  db
    .select({ id: smsDevices.id, userId: smsDevices.userId })
    .from(smsDevices)
    .where(and(eq(smsDevices.tokenHash, sql.placeholder('hash')), isNull(smsDevices.revokedAt)))
    .limit(1)
    .prepare('principal_device_by_token'),
);

const unauthorized = (message: string) =>
  new AppError('unauthorized', message);
const keyRefused = () => new AppError('forbidden', 'This endpoint needs a user access token, not an API key');

/**
 * The signed-in user behind a principal, for what only the account's owner may do or see (the profile, cards, shops
 * and their keys, webhooks, SMS phones and inbox). Every domain function takes the same Principal; those that are
 * the owner's alone start here, so a shop's API key, which acts for its shop's payments only, is refused with 403
 * whoever calls them (the API refuses it the same way before any call, as their operations have auth 'user').
 */
export function requireUser(principal: Principal): UserPrincipal {
  if (principal.kind !== 'user') throw keyRefused();
  return principal;
}

/** Reads `Authorization: Bearer <jwt | api key>` or `X-API-Key` and resolves the caller, or throws 401/403. */
export async function resolvePrincipal(headers: Headers, mode: AuthMode): Promise<Principal | DevicePrincipal> {
  const authorization = headers.get('authorization') ?? '';
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  if (mode === 'device') return resolveDevice(bearer);
  const apiKey = headers.get('x-api-key')?.trim() || (bearer?.startsWith(API_KEY_PREFIX) ? bearer : undefined);

  if (apiKey) {
    if (mode === 'user') throw keyRefused();
    const [shop] = await shopByKeyStatement(await database()).execute({ hash: hashSecretToken(apiKey) });
    if (!shop) throw unauthorized('Invalid API key');
    if (!shop.isActive) throw new AppError('forbidden', 'This shop is deactivated');
    return { kind: 'shop', userId: shop.userId, shopId: shop.id };
  }

  if (!bearer) throw unauthorized('Authentication required');
  const claims = await verifyAccessToken(bearer);
  if (!claims) throw unauthorized('Invalid or expired access token');
  const [session] = await liveSessionStatement(await database()).execute({ sessionId: claims.sessionId, userId: claims.userId });
  if (!session) throw unauthorized('Invalid or expired access token');
  return { kind: 'user', userId: session.userId, sessionId: claims.sessionId };
}


async function resolveDevice(token: string | undefined): Promise<DevicePrincipal> {
  if (!token) throw unauthorized('Device token required');
  const [device] = await deviceByTokenStatement(await database()).execute({ hash: hashSecretToken(token) });
  if (!device) throw unauthorized('Invalid or revoked device token');
  return { kind: 'device', userId: device.userId, deviceId: device.id };
}
