import { z } from 'zod';
import { mobileSchema } from '@/lib/banking/mobile';

export const passwordSchema = z
  .string()
  .min(6, 'Password must be at least 6 characters')
  .max(128, 'Password must be at most 128 characters');

export const registerInput = z.object({
  name: z.string().trim().min(1, 'Name is required').max(100),
  mobile: mobileSchema,
  password: passwordSchema,
});

/** OAuth2 password grant fields (RFC 6749 4.3); scope, client_id and other extras are accepted and ignored. */
export const loginInput = z.object({
  username: mobileSchema,
  password: z.string().min(1, 'Password is required').max(128),
  grant_type: z.literal('password').optional(),
});

export const refreshInput = z.object({
  refresh_token: z.string().min(1).max(256),
  grant_type: z.literal('refresh_token').optional(),
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
