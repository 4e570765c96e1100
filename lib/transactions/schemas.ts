import { z } from 'zod';
import { paginationQuery } from '@/lib/api/pagination';
import { TRANSACTION_STATUSES } from '@/db/schema';
import { toAsciiDigits } from '@/lib/banking/digits';
import { httpUrlSchema } from '@/lib/shops/schemas';

/** Integer Rials, accepted as a JSON number or a digit string (Persian digits and separators allowed). */
export const rialsSchema = z
  .union([z.number(), z.string().max(32)])
  .transform((v, ctx) => {
    const n = typeof v === 'number' ? v : Number(toAsciiDigits(v).replace(/[,\s\u066c]/g, '') || NaN);
    if (!Number.isSafeInteger(n)) {
      ctx.addIssue({ code: 'custom', message: 'Amount must be a whole number of Rials' });
      return z.NEVER;
    }
    return n;
  });

export const transactionStatusSchema = z.enum(TRANSACTION_STATUSES);

const optionalText = (max: number) => z.string().trim().max(max).optional();

export const createTransactionInput = z.strictObject({
  shop_id: z.uuid(),
  card_id: z.uuid(),
  amount: rialsSchema,
  callback_url: httpUrlSchema,
  description: optionalText(500),
  factor_number: optionalText(100),
  fee_side: z.enum(['customer', 'merchant']).default('merchant'),
});

export const transactionIdParams = z.object({ id: z.uuid() });
// Authorities are URL-safe base64; anything else names nothing (404).
export const authorityParams = z.object({ authority: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });

/** The shop names the payment and the amount it expects: a verify for another amount changes nothing (Zarinpal's -50). */
export const verifyInput = z.strictObject({
  authority: z.string().min(1).max(64),
  amount: rialsSchema.describe('The amount of the order in Rials, as sent to create (not final_amount)'),
});

export const paymentClaimInput = z.strictObject({
  reference: z
    .string()
    .max(40)
    .transform((v) => toAsciiDigits(v).replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^[0-9A-Za-z]{4,30}$/, 'Enter the tracking or reference number from your bank receipt')),
  card_last4: z
    .string()
    .max(16)
    .transform((v) => toAsciiDigits(v).trim())
    .pipe(z.string().regex(/^\d{4}$/, 'Enter the last 4 digits of the card you paid with')),
  paid_at: z.iso.datetime({ offset: true }).optional(),
});

export const listTransactionsQuery = z.object({
  shop_id: z.uuid().optional(),
  status: transactionStatusSchema.optional(),
  ...paginationQuery,
  from: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional().describe('Created at or after (date or datetime)'),
  to: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional().describe('Created before (a date includes that whole day, UTC)'),
  search: z.string().trim().min(1).max(100).optional().describe('Exact authority or factor_number'),
});

/** What the shop's server gets back from create. */
export const createdTransactionResponse = z.object({
  id: z.uuid(),
  authority: z.string(),
  amount: z.number().int(),
  final_amount: z.number().int().describe('What the buyer must transfer: amount (+ fee when fee_side=customer) + a small unique offset'),
  fee: z.number().int(),
  fee_side: z.enum(['customer', 'merchant']),
  status: transactionStatusSchema,
  payment_url: z.string(),
  expires_at: z.iso.datetime(),
});

/** The merchant's view of a transaction (list and detail). */
export const transactionResponse = createdTransactionResponse.extend({
  shop_id: z.uuid(),
  card_id: z.uuid(),
  callback_url: z.string(),
  description: z.string().nullable(),
  factor_number: z.string().nullable(),
  paid_late: z.boolean(),
  paid_via: z.enum(['sms', 'merchant']).nullable(),
  paid_at: z.iso.datetime().nullable(),
  verified_at: z.iso.datetime().nullable(),
  created_at: z.iso.datetime(),
});
export type TransactionResponse = z.infer<typeof transactionResponse>;

export const paymentClaimResponse = z.object({
  id: z.uuid(),
  reference: z.string(),
  card_last4: z.string(),
  paid_at: z.iso.datetime().nullable(),
  created_at: z.iso.datetime(),
});

export const transactionDetailResponse = transactionResponse.extend({
  events: z.array(
    z.object({
      type: z.string(),
      from_status: z.string().nullable(),
      to_status: z.string().nullable(),
      actor: z.string(),
      data: z.record(z.string(), z.unknown()).nullable(),
      created_at: z.iso.datetime(),
    }),
  ),
  claims: z.array(paymentClaimResponse),
});

export const transactionListResponse = z.object({
  transactions: z.array(transactionResponse),
  total: z.number().int(),
  page: z.number().int(),
  per_page: z.number().int(),
});

/** The buyer's view: exactly what the hosted page shows, nothing internal (no ids, mobile, keys). */
export const paymentInfoResponse = z.object({
  authority: z.string(),
  amount: z.number().int(),
  final_amount: z.number().int(),
  fee: z.number().int(),
  fee_side: z.enum(['customer', 'merchant']).describe('customer: the fee is included in final_amount'),
  status: transactionStatusSchema,
  card_number: z.string(),
  owner_name: z.string(),
  bank_name: z.string(),
  bank_name_en: z.string(),
  shop_name: z.string(),
  description: z.string().nullable(),
  factor_number: z.string().nullable(),
  remaining_seconds: z.number().int(),
  expires_at: z.iso.datetime(),
});
export type PaymentInfo = z.infer<typeof paymentInfoResponse>;

export const checkResponse = z.object({
  authority: z.string(),
  status: transactionStatusSchema,
  is_paid: z.boolean(),
  remaining_seconds: z.number().int(),
});
export type CheckResult = z.infer<typeof checkResponse>;

export const verifyResponse = z.object({
  id: z.uuid(),
  authority: z.string(),
  status: z.literal('verified'),
  amount: z.number().int(),
  final_amount: z.number().int(),
  paid_at: z.iso.datetime(),
  already_verified: z.boolean().describe('false the first time (verified now), true after (already verified): both are success'),
  message: z.string(),
});
