import { generateSecretToken, hashSecretToken } from '@/lib/auth/secret-token';

/** Recognisable in logs and secret scanners, and lets `Authorization: Bearer` carry a key as well as a JWT. */
export const API_KEY_PREFIX = 'kpay_sk_';

export function newApiKey(): { apiKey: string; apiKeyHash: string; apiKeyHint: string } {
  const apiKey = generateSecretToken(API_KEY_PREFIX);
  return { apiKey, apiKeyHash: hashSecretToken(apiKey), apiKeyHint: `${API_KEY_PREFIX}…${apiKey.slice(-4)}` };
}
