import { z } from 'zod';
import { EXAMPLE, example } from '@/lib/api/examples';
import { mobileSchema } from '@/lib/banking/mobile';

export const passwordSchema = z
  .string()
  .min(6, 'Password must be at least 6 characters')
  .max(128, 'Password must be at most 128 characters')
  .meta(example('kKp8-rTq2-wZ9m'));

// Body schemas are strict: an unknown field answers 422 naming it, instead of being silently dropped.
export const registerInput = z.strictObject({
  name: z.string().trim().min(1, 'Name is required').max(100).meta(example(EXAMPLE.merchantName)),
  mobile: mobileSchema.meta(example(EXAMPLE.mobile)),
  password: passwordSchema,
});

/**
 * What OAuth2 clients add to a token request (RFC 6749 4.3 and 6): accepted and ignored, and listed by name so that
 * every other unknown field is still refused. A client's Basic Authorization header is ignored the same way.
 */
const ignored = 'Accepted and ignored (OAuth2 clients send it)';
const oauthClientExtras = {
  scope: z.string().max(1_000).optional().describe(ignored),
  client_id: z.string().max(256).optional().describe(ignored),
  client_secret: z.string().max(256).optional().describe(ignored),
};

/** OAuth2 password grant fields (RFC 6749 4.3). */
export const loginInput = z
  .strictObject({
    username: mobileSchema.describe('The mobile number').meta(example(EXAMPLE.mobile)),
    password: z.string().min(1, 'Password is required').max(128).meta(example('kKp8-rTq2-wZ9m')),
    grant_type: z.literal('password').optional(),
    ...oauthClientExtras,
  })
  .meta(example({ username: EXAMPLE.mobile, password: 'kKp8-rTq2-wZ9m', grant_type: 'password' }));

const REFRESH_TOKEN = 'kpay_rt_Q2xhc3NpY0Jsb2NrY2hhaW5JbnRlcm5ldE1vbmV5UGF5';

export const refreshInput = z
  .strictObject({
    refresh_token: z.string().min(1).max(256).meta(example(REFRESH_TOKEN)),
    grant_type: z.literal('refresh_token').optional(),
    ...oauthClientExtras,
  })
  .meta(example({ refresh_token: REFRESH_TOKEN, grant_type: 'refresh_token' }));

export const tokenPairResponse = z.object({
  access_token: z
    .string()
    .meta(example('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJiM2UxYzdhMiIsInNpZCI6IjRmOGUiLCJleHAiOjE3NjM0NTkxMDB9.x1Qm3kZ0p8dVb2nR7tYw')),
  refresh_token: z.string().meta(example(REFRESH_TOKEN)),
  token_type: z.literal('bearer'),
  expires_in: z.number().int().describe('Access token lifetime in seconds').meta(example(900)),
});
export type TokenPair = z.infer<typeof tokenPairResponse>;

export const userResponse = z.object({
  id: z.uuid().meta(example(EXAMPLE.userId)),
  name: z.string().meta(example(EXAMPLE.merchantName)),
  mobile: z.string().meta(example(EXAMPLE.mobile)),
  merchant_id: z.string().describe('Short id to quote to support').meta(example('KP7M2Q9XH4TB')),
  created_at: z.iso.datetime().meta(example(EXAMPLE.createdAt)),
});
