import { z } from 'zod';
import { example } from '@/lib/api/examples';
import { CURRENCY_CODES } from '@/lib/currencies/currencies';

const decimal = (value: string) => z.string().meta(example(value));

export const balancesResponse = z.object({
  balances: z.array(
    z.object({
      currency: z.enum(CURRENCY_CODES).meta(example('usdt_trc20')),
      available_balance: decimal('125.500000').describe('Confirmed and not reserved: what a withdrawal may take'),
      pending_balance: decimal('12.500000').describe('Seen on the chain, waiting for confirmations'),
      reserved_balance: decimal('0.000000').describe('Held for withdrawals being sent'),
      total_received: decimal('138.000000').describe('Every confirmed deposit'),
      total_withdrawn: decimal('0.000000'),
    }),
  ),
});
