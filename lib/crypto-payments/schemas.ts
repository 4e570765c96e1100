import { z } from 'zod';
import { EXAMPLE, example } from '@/lib/api/examples';
import { pageResponseFields, paginationQuery } from '@/lib/api/pagination';
import { CURRENCY_CODES } from '@/lib/currencies/currencies';
import { NETWORKS } from '@/lib/currencies/networks';
import { decimalTextSchema } from '@/lib/money';
import { httpUrlSchema } from '@/lib/shops/schemas';
import { rialsSchema } from '@/lib/transactions/schemas';
import { CRYPTO_PAYMENT_STATUSES } from './crypto-payment-statuses';

const uuid = (value: string) => z.uuid().meta(example(value));
const timestamp = (value: string) => z.iso.datetime().meta(example(value));
const decimal = (value: string) => z.string().meta(example(value));

export const currencyCodeSchema = z.enum(CURRENCY_CODES, { error: `Unknown currency; one of ${CURRENCY_CODES.join(', ')}` });

export const AMOUNT_FIELDS = ['amount_usd', 'amount_irr', 'amount_crypto'] as const;

export const createCryptoPaymentInput = z
  .strictObject({
    order_id: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[^\p{Cc}]*$/u, 'Must not contain control characters')
      .describe('Your unique order reference: the same order_id and body again returns the same payment')
      .meta(example('INV-2001')),
    currency: currencyCodeSchema.meta(example('usdt_trc20')),
    shop_id: uuid(EXAMPLE.shopId).optional().describe("With a user token; a shop API key always acts for its own shop"),
    amount_usd: decimalTextSchema.optional().describe('USD, up to 2 decimals (string or number); converted at the current rate').meta(example('25.00')),
    amount_irr: rialsSchema.optional().describe('Integer Rials; converted through the USDT/IRR rate'),
    amount_crypto: decimalTextSchema
      .optional()
      .describe("The currency's own amount, at most its decimals; send a string for more than 15 significant digits")
      .meta(example('0.0015')),
    callback_success: httpUrlSchema.optional().describe("Where the buyer goes when it completed (on the shop's website)").meta(example(EXAMPLE.callbackUrl)),
    callback_failed: httpUrlSchema.optional().describe('Where the buyer goes when it expired or failed').meta(example(EXAMPLE.callbackUrl)),
    webhook_url: httpUrlSchema.optional().describe("Receives this payment's events, signed with the shop's signing secret").meta(example(EXAMPLE.webhookUrl)),
    expires_minutes: z.number().int().min(5).max(1440).default(60),
  })
  .superRefine((input, ctx) => {
    const given = AMOUNT_FIELDS.filter((field) => input[field] !== undefined);
    if (given.length === 1) return;
    const message = given.length === 0 ? 'Give one of amount_usd, amount_irr or amount_crypto' : 'Give only one of amount_usd, amount_irr or amount_crypto';
    for (const field of given.length === 0 ? (['amount_usd'] as const) : given) ctx.addIssue({ code: 'custom', path: [field], message });
  })
  .meta(
    example({
      order_id: 'INV-2001',
      currency: 'usdt_trc20',
      amount_irr: 12_500_000,
      callback_success: EXAMPLE.callbackUrl,
      callback_failed: EXAMPLE.callbackUrl,
      webhook_url: EXAMPLE.webhookUrl,
      expires_minutes: 30,
    }),
  );
export type CreateCryptoPaymentInput = z.output<typeof createCryptoPaymentInput>;

export const cryptoPaymentIdParams = z.object({ id: uuid(EXAMPLE.cryptoPaymentId) });

const dateOrTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const listCryptoPaymentsQuery = z.object({
  status: z.enum(CRYPTO_PAYMENT_STATUSES).optional().meta(example('completed')),
  currency: currencyCodeSchema.optional().meta(example('btc')),
  shop_id: uuid(EXAMPLE.shopId).optional(),
  order_id: z.string().trim().min(1).max(100).optional().meta(example('INV-2001')),
  from: dateOrTime.optional().describe('Created at or after (date or datetime)').meta(example(EXAMPLE.date)),
  to: dateOrTime.optional().describe('Created before (a date includes that whole day, UTC)').meta(example('2025-11-30')),
  ...paginationQuery,
});

const rate = z
  .object({
    usd_per_unit: decimal('0.9998').nullable().describe('USD per one unit of the currency'),
    irr_per_usd: decimal('1033900').nullable().describe('Rials per USD (USDT), for amount_irr'),
    source: z.string().meta(example('coingecko')),
    at: timestamp(EXAMPLE.createdAt),
  })
  .nullable()
  .describe('The conversion used at creation; null for amount_crypto');

const statusFields = {
  id: uuid(EXAMPLE.cryptoPaymentId),
  order_id: z.string().meta(example('INV-2001')),
  currency: currencyCodeSchema.meta(example('usdt_trc20')),
  network: z.enum(NETWORKS).meta(example('tron')),
  status: z.enum(CRYPTO_PAYMENT_STATUSES).meta(example('created')),
  requested_amount: decimal('25.000000'),
  received_amount: decimal('0.000000').nullable().describe('null until a deposit is seen'),
  confirmations: z.number().int().meta(example(0)),
  required_confirmations: z.number().int().meta(example(20)),
  tx_hash: z.string().nullable().meta(example(null)),
  paid_at: timestamp(EXAMPLE.paidAt).nullable(),
  deposit_address: z.string().meta(example('TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH')),
  memo: z.string().nullable().meta(example(null)),
  underpaid: z.boolean(),
  overpaid: z.boolean(),
  paid_late: z.boolean(),
  expires_at: timestamp(EXAMPLE.expiresAt),
};

/** GET /gateway/payments/{id}: public (the id is unguessable), what the buyer and the shop may both see. */
export const cryptoPaymentStatusResponse = z.object(statusFields);

export const cryptoPaymentResponse = z.object({
  ...statusFields,
  shop_id: uuid(EXAMPLE.shopId),
  payment_url: z.url().meta(example(`https://kpay.example/pay/crypto/${EXAMPLE.cryptoPaymentId}`)),
  amount_usd: decimal('25.00').nullable(),
  amount_irr: z.number().int().nullable().meta(example(null)),
  rate,
  callback_success: z.string().nullable().meta(example(EXAMPLE.callbackUrl)),
  callback_failed: z.string().nullable().meta(example(EXAMPLE.callbackUrl)),
  webhook_url: z.string().nullable().meta(example(EXAMPLE.webhookUrl)),
  created_at: timestamp(EXAMPLE.createdAt),
});
export type CryptoPaymentResponse = z.infer<typeof cryptoPaymentResponse>;

export const cryptoPaymentListResponse = z.object({
  payments: z.array(cryptoPaymentResponse),
  ...pageResponseFields,
});
