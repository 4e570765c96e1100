import { z } from 'zod';
import { toAsciiDigits } from '@/lib/banking/digits';

export const httpUrlSchema = z
  .string()
  .trim()
  .max(500)
  .pipe(z.url({ protocol: /^https?$/, message: 'Must be an http(s) URL' }));

const phoneSchema = z
  .string()
  .max(32)
  .transform((v) => toAsciiDigits(v).replace(/[\s\-()]/g, ''))
  .pipe(z.string().regex(/^\+?\d{4,15}$/, 'Phone must be 4 to 15 digits'));

const shopName = z.string().trim().min(1, 'Name is required').max(100);

// Body schemas are strict: an unknown field answers 422 naming it, instead of being silently dropped.
export const createShopInput = z.strictObject({
  name: shopName,
  website: httpUrlSchema.optional(),
  phone: phoneSchema.optional(),
});

export const updateShopInput = z
  .strictObject({
    name: shopName.optional(),
    website: httpUrlSchema.nullable().optional(),
    phone: phoneSchema.nullable().optional(),
    is_active: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Nothing to update' });

export const shopIdParams = z.object({ id: z.uuid() });

export const shopResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  website: z.string().nullable(),
  phone: z.string().nullable(),
  is_active: z.boolean(),
  api_key_hint: z.string().describe('Prefix and last 4 characters of the API key; the key itself is shown only once'),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});
export type ShopResponse = z.infer<typeof shopResponse>;

export const shopWithKeyResponse = shopResponse.extend({
  api_key: z.string().describe('Shown only here: store it now'),
});

export const shopListResponse = z.object({ shops: z.array(shopResponse), total: z.number().int() });
export const apiKeyResponse = z.object({ api_key: z.string(), api_key_hint: z.string() });
