import { z } from 'zod';
import { pageResponseFields, paginationQuery } from '@/lib/api/pagination';
import { TRANSACTION_STATUSES } from './transaction-statuses';
import { toAsciiDigits } from '@/lib/banking/digits';
import { RIAL_DECIMALS, safeParseAmount } from '@/lib/money';
import { httpUrlSchema } from '@/lib/shops/schemas';
import { EXAMPLE, example } from '@/lib/api/examples';

/** Integer Rials, accepted as a JSON number or a digit string (Persian digits and separators allowed). */
export const rialsSchema = z
  .union([z.number(), z.string().max(32)])
  .meta(example(EXAMPLE.amount))
  .transform((v, ctx) => {
    // A string is read exactly (no Number(): "1e3", "0x10" and "1.0" are not Rials); separators typed by people go first.
    const parsed = typeof v === 'number' ? null : safeParseAmount(toAsciiDigits(v).replace(/[,\s\u066c]/g, ''), RIAL_DECIMALS);
    const n = typeof v === 'number' ? v : parsed?.ok ? Number(parsed.amount.units) : NaN;
    if (!Number.isSafeInteger(n)) {
      ctx.addIssue({ code: 'custom', message: 'Amount must be a whole number of Rials' });
      return z.NEVER;
    }
    return n;
  });

export const transactionStatusSchema = z.enum(TRANSACTION_STATUSES);

const optionalText = (max: number) => z.string().trim().max(max).optional();
const uuid = (value: string) => z.uuid().meta(example(value));
const integer = (value: number) => z.number().int().meta(example(value));
const rials = integer;
const timestamp = (value: string) => z.iso.datetime().meta(example(value));
const authority = z.string().meta(example(EXAMPLE.authority));
const feeSide = z.enum(['customer', 'merchant']);

export const createTransactionInput = z.strictObject({
  shop_id: uuid(EXAMPLE.shopId),
  card_id: uuid(EXAMPLE.cardId),
  amount: rialsSchema,
  callback_url: httpUrlSchema.meta(example(EXAMPLE.callbackUrl)),
  description: optionalText(500).meta(example('خرید کتاب «بوف کور»، ۲ جلد')),
  factor_number: optionalText(100).meta(example('INV-1001')),
  fee_side: feeSide.default('merchant').describe('customer: the buyer pays the fee on top of the amount'),
});

export const transactionIdParams = z.object({ id: uuid(EXAMPLE.transactionId) });
// Authorities are URL-safe base64; anything else names nothing (404).
export const authorityParams = z.object({ authority: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/).meta(example(EXAMPLE.authority)) });

/** The shop names the payment and the amount it expects: a verify for another amount changes nothing (Zarinpal's -50). */
export const verifyInput = z.strictObject({
  authority: z.string().min(1).max(64).meta(example(EXAMPLE.authority)),
  amount: rialsSchema.describe('The amount of the order in Rials, as sent to create (not final_amount)'),
});

export const paymentClaimInput = z.strictObject({
  reference: z
    .string()
    .max(40)
    .describe('The tracking or reference number on the bank receipt')
    .meta(example('۱۲۳۴۵۶۷۸۹۰۱۲'))
    .transform((v) => toAsciiDigits(v).replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^[0-9A-Za-z]{4,30}$/, 'Enter the tracking or reference number from your bank receipt')),
  card_last4: z
    .string()
    .max(16)
    .describe('The last 4 digits of the card the buyer paid with')
    .meta(example('4321'))
    .transform((v) => toAsciiDigits(v).trim())
    .pipe(z.string().regex(/^\d{4}$/, 'Enter the last 4 digits of the card you paid with')),
  paid_at: z.iso.datetime({ offset: true }).optional().meta(example('2025-11-18T12:52:30+03:30')),
});

const dateOrTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const listTransactionsQuery = z.object({
  shop_id: uuid(EXAMPLE.shopId).optional(),
  status: transactionStatusSchema.optional().meta(example('paid')),
  ...paginationQuery,
  from: dateOrTime.optional().describe('Created at or after (date or datetime)').meta(example(EXAMPLE.date)),
  to: dateOrTime.optional().describe('Created before (a date includes that whole day, UTC)').meta(example('2025-11-30')),
  search: z.string().trim().min(1).max(100).optional().describe('Exact authority or factor_number').meta(example('INV-1001')),
});

/** What the shop's server gets back from create. */
export const createdTransactionResponse = z.object({
  id: uuid(EXAMPLE.transactionId),
  authority,
  amount: rials(EXAMPLE.amount),
  final_amount: rials(EXAMPLE.finalAmount).describe(
    'What the buyer must transfer: amount (+ fee when fee_side=customer) + a small unique offset',
  ),
  fee: rials(EXAMPLE.fee),
  fee_side: feeSide,
  status: transactionStatusSchema,
  payment_url: z.string().meta(example(`https://pay.kpay.example/pay/${EXAMPLE.authority}`)),
  expires_at: timestamp(EXAMPLE.expiresAt),
});

/** The merchant's view of a transaction (list and detail). */
export const transactionResponse = createdTransactionResponse.extend({
  shop_id: uuid(EXAMPLE.shopId),
  card_id: uuid(EXAMPLE.cardId),
  callback_url: z.string().meta(example(EXAMPLE.callbackUrl)),
  description: z.string().nullable().meta(example('خرید کتاب «بوف کور»، ۲ جلد')),
  factor_number: z.string().nullable().meta(example('INV-1001')),
  paid_late: z.boolean().describe('Paid after it had expired (a late deposit, or confirmed by the merchant)'),
  paid_via: z.enum(['sms', 'merchant']).nullable(),
  paid_at: timestamp(EXAMPLE.paidAt).nullable(),
  verified_at: timestamp(EXAMPLE.verifiedAt).nullable(),
  created_at: timestamp(EXAMPLE.createdAt),
});
export type TransactionResponse = z.infer<typeof transactionResponse>;

export const paymentClaimResponse = z.object({
  id: uuid(EXAMPLE.claimId),
  reference: z.string().meta(example('123456789012')),
  card_last4: z.string().meta(example('4321')),
  paid_at: timestamp('2025-11-18T09:22:30.000Z').nullable(),
  created_at: timestamp('2025-11-18T09:23:10.000Z'),
});

export const transactionDetailResponse = transactionResponse.extend({
  events: z.array(
    z.object({
      type: z.string().describe('The status moved to (paid, verified, …), or created, claim, paid_late').meta(example('paid')),
      from_status: z.string().nullable().meta(example('pending')),
      to_status: z.string().nullable().meta(example('paid')),
      actor: z.string().describe('sms, merchant, shop_api, buyer or system').meta(example('sms')),
      data: z.record(z.string(), z.unknown()).nullable().meta(example({ sms_id: EXAMPLE.smsId })),
      created_at: timestamp(EXAMPLE.paidAt),
    }),
  ),
  claims: z.array(paymentClaimResponse),
});

export const transactionListResponse = z.object({
  transactions: z.array(transactionResponse),
  ...pageResponseFields,
  total_is_lower_bound: z
    .boolean()
    .describe(
      'false: total is exact. true: only with search, from or to, which are counted up to 10,000 matches: there are at least total (more pages may follow the last one total implies).',
    ),
});

/** The buyer's view: exactly what the hosted page shows, nothing internal (no ids, mobile, keys). */
export const paymentInfoResponse = z.object({
  authority,
  amount: rials(EXAMPLE.amount),
  final_amount: rials(EXAMPLE.finalAmount),
  fee: rials(EXAMPLE.fee),
  fee_side: feeSide.describe('customer: the fee is included in final_amount'),
  status: transactionStatusSchema,
  card_number: z.string().meta(example(EXAMPLE.cardNumber)),
  owner_name: z.string().meta(example(EXAMPLE.merchantName)),
  bank_name: z.string().meta(example('بانک ملت')),
  bank_name_en: z.string().meta(example('Mellat')),
  shop_name: z.string().meta(example(EXAMPLE.shopName)),
  description: z.string().nullable().meta(example('خرید کتاب «بوف کور»، ۲ جلد')),
  factor_number: z.string().nullable().meta(example('INV-1001')),
  remaining_seconds: integer(754).describe('Seconds until it expires; 0 once it has'),
  expires_at: timestamp(EXAMPLE.expiresAt),
});
export type PaymentInfo = z.infer<typeof paymentInfoResponse>;

export const checkResponse = z.object({
  authority,
  status: transactionStatusSchema,
  is_paid: z.boolean().describe('paid or verified'),
  remaining_seconds: integer(754),
});
export type CheckResult = z.infer<typeof checkResponse>;

export const verifyResponse = z.object({
  id: uuid(EXAMPLE.transactionId),
  authority,
  status: z.literal('verified'),
  amount: rials(EXAMPLE.amount),
  final_amount: rials(EXAMPLE.finalAmount),
  paid_at: timestamp(EXAMPLE.paidAt),
  already_verified: z.boolean().describe('false the first time (verified now), true after (already verified): both are success'),
  message: z.string().meta(example('Verified')),
});
