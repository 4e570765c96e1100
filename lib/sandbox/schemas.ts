import { z } from 'zod';
import { example } from '@/lib/api/examples';
import { NETWORKS } from '@/lib/currencies/networks';
import { cryptoPaymentIdParams } from '@/lib/crypto-payments/schemas';
import { TEST_PAYMENT_KINDS } from './test-payment-amount';

export const sandboxPaymentParams = cryptoPaymentIdParams;
export const testPaymentInput = z.strictObject({
  amount: z.enum(TEST_PAYMENT_KINDS).default('exact').describe('exact, under (half) or over (one and a half times)').meta(example('exact')),
});
export const testPaymentResponse = z.object({ tx_hash: z.string().meta(example('6f3c…')), amount: z.string().meta(example('0.05000000')) });
export const mineInput = z.strictObject({
  network: z.enum(NETWORKS).meta(example('litecoin')),
  blocks: z.number().int().min(1).max(100).default(1),
});
export const mineResponse = z.object({ network: z.enum(NETWORKS), mined: z.number().int().meta(example(6)) });
