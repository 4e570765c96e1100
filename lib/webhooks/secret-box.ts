import 'server-only';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { generateSecretToken } from '@/lib/auth/secret-token';
import { config } from '@/lib/config/config';

// AES-256-GCM from node:crypto. Webhook signing secrets must be read back to sign, so they are encrypted, not hashed.
const key = () => createHash('sha256').update(config().encryptionKey).digest();

export function sealSecret(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join(':');
}

export function openSecret(sealed: string): string {
  const [version, iv, tag, data] = sealed.split(':');
  if (version !== 'v1' || !iv || !tag || !data) throw new Error('unknown secret format');
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

/** A new `whsec_` signing secret, sealed for storage, with the hint shown in lists. Endpoints and shops both use it. */
export function newSigningSecret(): { secret: string; secretCiphertext: string; secretHint: string } {
  const secret = generateSecretToken('whsec_');
  return { secret, secretCiphertext: sealSecret(secret), secretHint: signingSecretHint(secret) };
}

export const signingSecretHint = (secret: string) => `whsec_…${secret.slice(-4)}`;
