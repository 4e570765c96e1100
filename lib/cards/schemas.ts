import { z } from 'zod';
import { cardNumberSchema } from '@/lib/banking/card-number';
import { shebaSchema } from '@/lib/banking/sheba';
import { EXAMPLE, example } from '@/lib/api/examples';

const ownerName = z.string().trim().min(2, 'Owner name is required').max(100).meta(example(EXAMPLE.merchantName));

const shabaField = shebaSchema.meta(example(EXAMPLE.sheba)).optional().describe('IBAN (Shaba): IR + 24 digits, of the same bank as the card');

/**
 * The contract spells the IBAN field `shaba`; `sheba`, the other common spelling, is taken as an alias. Body schemas
 * are strict, so any other spelling answers 422 naming it instead of being silently dropped.
 */
export const addCardInput = z
  .strictObject({
    card_number: cardNumberSchema.describe('16 digits; spaces, dashes and Persian digits are accepted').meta(example('6104-3378-1234-5674')),
    owner_name: ownerName,
    shaba: shabaField,
    sheba: shabaField.describe('Alias of shaba'),
  })
  .meta(example({ card_number: '6104-3378-1234-5674', owner_name: EXAMPLE.merchantName, shaba: EXAMPLE.sheba }))
  .superRefine(({ card_number, shaba, sheba }, ctx) => {
    if (shaba && sheba && shaba.sheba !== sheba.sheba) {
      ctx.addIssue({ code: 'custom', path: ['sheba'], message: 'Differs from shaba; send the IBAN once' });
      return;
    }
    // Errors name the field the caller used.
    const [field, iban] = shaba ? (['shaba', shaba] as const) : (['sheba', sheba] as const);
    // A Sheba of another bank is almost always a paste of the wrong account.
    if (iban && iban.bank?.code !== card_number.bank.code) {
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `Sheba belongs to ${iban.bank?.nameEn ?? 'an unknown bank'}, the card to ${card_number.bank.nameEn}`,
      });
    }
  })
  .transform(({ sheba, shaba, ...card }) => ({ ...card, shaba: shaba ?? sheba }));

export const updateCardInput = z
  .strictObject({ owner_name: ownerName.optional(), is_active: z.boolean().optional() })
  .meta(example({ is_active: false }))
  .refine((v) => v.owner_name !== undefined || v.is_active !== undefined, { message: 'Nothing to update' });

export const cardIdParams = z.object({ id: z.uuid().meta(example(EXAMPLE.cardId)) });

export const cardResponse = z.object({
  id: z.uuid().meta(example(EXAMPLE.cardId)),
  card_number: z
    .string()
    .describe('16 digits; for a shop API key masked as first 6 and last 4 (610433******7890)')
    .meta(example(EXAMPLE.cardNumber)),
  owner_name: z.string().meta(example(EXAMPLE.merchantName)),
  bank_name: z.string().describe('Persian bank name').meta(example('بانک ملت')),
  bank_name_en: z.string().meta(example('Mellat')),
  bank_code: z.string().meta(example('mellat')),
  shaba: z.string().nullable().optional().describe('IBAN (Shaba), null when not given; left out for a shop API key').meta(example(EXAMPLE.sheba)),
  is_active: z.boolean(),
  created_at: z.iso.datetime().meta(example(EXAMPLE.createdAt)),
});
export type CardResponse = z.infer<typeof cardResponse>;

export const cardListResponse = z.object({ cards: z.array(cardResponse), total: z.number().int().meta(example(1)) });
