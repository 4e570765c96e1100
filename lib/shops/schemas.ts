import { z } from 'zod';
import { EXAMPLE, example } from '@/lib/api/examples';
import { toAsciiDigits } from '@/lib/banking/digits';

export const httpUrlSchema = z
  .string()
  .trim()
  .max(500)
  .pipe(z.url({ protocol: /^https?$/, message: 'Must be an http(s) URL' }));

const phoneSchema = z
  .string()
  .max(32)
  .meta(example('021-8876 5432'))
  .transform((v) => toAsciiDigits(v).replace(/[\s\-()]/g, ''))
  .pipe(z.string().regex(/^\+?\d{4,15}$/, 'Phone must be 4 to 15 digits'));

const API_KEY = 'kpay_sk_Vw3nT8qLx2Rk5ZpY7mC4hJ9bD1sF6gA0eU3iO8yN2tE';
const API_KEY_HINT = 'kpay_sk_…N2tE';

const shopName = z.string().trim().min(1, 'Name is required').max(100).meta(example(EXAMPLE.shopName));

// Body schemas are strict: an unknown field answers 422 naming it, instead of being silently dropped.
export const createShopInput = z.strictObject({
  name: shopName,
  website: httpUrlSchema.meta(example(EXAMPLE.website)).optional(),
  phone: phoneSchema.optional(),
});

export const updateShopInput = z
  .strictObject({
    name: shopName.optional(),
    website: httpUrlSchema.meta(example(EXAMPLE.website)).nullable().optional(),
    phone: phoneSchema.nullable().optional(),
    is_active: z.boolean().optional(),
  })
  .meta(example({ name: EXAMPLE.shopName, phone: '021-8876 5432' }))
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Nothing to update' });

export const shopIdParams = z.object({ id: z.uuid().meta(example(EXAMPLE.shopId)) });

export const shopResponse = z.object({
  id: z.uuid().meta(example(EXAMPLE.shopId)),
  name: z.string().meta(example(EXAMPLE.shopName)),
  website: z.string().nullable().meta(example(EXAMPLE.website)),
  phone: z.string().nullable().meta(example('02188765432')),
  is_active: z.boolean(),
  api_key_hint: z
    .string()
    .describe('Prefix and last 4 characters of the API key; the key itself is shown only once')
    .meta(example(API_KEY_HINT)),
  created_at: z.iso.datetime().meta(example(EXAMPLE.createdAt)),
  updated_at: z.iso.datetime().meta(example(EXAMPLE.createdAt)),
});
export type ShopResponse = z.infer<typeof shopResponse>;

export const shopWithKeyResponse = shopResponse.extend({
  api_key: z.string().describe('Shown only here: store it now').meta(example(API_KEY)),
});

export const shopListResponse = z.object({ shops: z.array(shopResponse), total: z.number().int().meta(example(1)) });
export const apiKeyResponse = z.object({
  api_key: z.string().describe('Shown only here: store it now').meta(example(API_KEY)),
  api_key_hint: z.string().meta(example(API_KEY_HINT)),
});
