import { randomBytes } from 'node:crypto';

/** 144 random bits, URL-safe (24 characters): unguessable, never sequential. */
export const newAuthority = (): string => randomBytes(18).toString('base64url');
