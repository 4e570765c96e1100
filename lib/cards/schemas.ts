import { z } from 'zod';
import { cardNumberSchema } from '@/lib/banking/card-number';
import { shebaSchema } from '@/lib/banking/sheba';

const ownerName = z.string().trim().min(2, 'Owner name is required').max(100);

export const addCardInput = z
  .object({ card_number: cardNumberSchema, owner_name: ownerName, sheba: shebaSchema.optional() })
  .superRefine(({ card_number, sheba }, ctx) => {
    // A Sheba of another bank is almost always a paste of the wrong account.
    if (sheba && sheba.bank?.code !== card_number.bank.code) {
      ctx.addIssue({
        code: 'custom',
        path: ['sheba'],
        message: `Sheba belongs to ${sheba.bank?.nameEn ?? 'an unknown bank'}, the card to ${card_number.bank.nameEn}`,
      });
    }
  });

export const updateCardInput = z
  .object({ owner_name: ownerName.optional(), is_active: z.boolean().optional() })
  .refine((v) => v.owner_name !== undefined || v.is_active !== undefined, { message: 'Nothing to update' });

export const cardIdParams = z.object({ id: z.uuid() });

export const cardResponse = z.object({
  id: z.uuid(),
  card_number: z.string().describe('16 digits'),
  owner_name: z.string(),
  bank_name: z.string().describe('Persian bank name'),
  bank_name_en: z.string(),
  bank_code: z.string(),
  sheba: z.string().nullable(),
  is_active: z.boolean(),
  created_at: z.iso.datetime(),
});
export type CardResponse = z.infer<typeof cardResponse>;

export const cardListResponse = z.object({ cards: z.array(cardResponse), total: z.number().int() });
