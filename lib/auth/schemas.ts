import { z } from 'zod';
import { mobileSchema } from '@/lib/banking/mobile';

export const passwordSchema = z
  .string()
  .min(6, 'Password must be at least 6 characters')
  .max(128, 'Password must be at most 128 characters');

// Body schemas are strict: an unknown field answers 422 naming it, instead of being silently dropped.
export const registerInput = z.strictObject({
  name: z.string().trim().min(1, 'Name is required').max(100),
  mobile: mobileSchema,
  password: passwordSchema,
});

/**
 * What OAuth2 clients add to a token request (RFC 6749 4.3 and 6): accepted and ignored, and listed by name so that
 * every other unknown field is still refused. A client's Basic Authorization header is ignored the same way.
 */
const oauthClientExtras = {
  scope: z.string().max(1_000).optional(),
  client_id: z.string().max(256).optional(),
  client_secret: z.string().max(256).optional(),
};

/** OAuth2 password grant fields (RFC 6749 4.3). */
export const loginInput = z.strictObject({
  username: mobileSchema,
  password: z.string().min(1, 'Password is required').max(128),
  grant_type: z.literal('password').optional(),
  ...oauthClientExtras,
});

export const refreshInput = z.strictObject({
  refresh_token: z.string().min(1).max(256),
  grant_type: z.literal('refresh_token').optional(),
  ...oauthClientExtras,
});

export const tokenPairResponse = z.object({
  access_token: z.string(),
  refresh_token: z.string(),
  token_type: z.literal('bearer'),
  expires_in: z.number().int().describe('Access token lifetime in seconds'),
});
export type TokenPair = z.infer<typeof tokenPairResponse>;

export const userResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  mobile: z.string(),
  merchant_id: z.string(),
  created_at: z.iso.datetime(),
});
