import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

/** A random, URL-safe secret with 256 bits of entropy behind an optional recognisable prefix. */
export const generateSecretToken = (prefix = ''): string => prefix + randomBytes(32).toString('base64url');

/**
 * High-entropy secrets (API keys, refresh tokens, device tokens) are stored as SHA-256: a slow hash buys nothing when
 * the secret cannot be guessed, and a fast one lets every request look the secret up by an index.
 */
export const hashSecretToken = (token: string): string => createHash('sha256').update(token).digest('hex');
