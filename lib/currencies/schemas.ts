import { z } from 'zod';
import { example } from '@/lib/api/examples';
import { CURRENCY_CODES } from './currencies';
import { NETWORKS } from './networks';

export const currencyListResponse = z.object({
  currencies: z.array(
    z.object({
      code: z.enum(CURRENCY_CODES).meta(example('btc')),
      name: z.string().meta(example('Bitcoin')),
      symbol: z.string().meta(example('BTC')),
      network: z.enum(NETWORKS).meta(example('bitcoin')),
      icon: z.string().meta(example('₿')),
      decimals: z.number().int().meta(example(8)),
      family: z.enum(['utxo', 'evm', 'tron']).meta(example('utxo')),
      chain: z.string().meta(example('mainnet')),
      token_contract: z.string().nullable().meta(example(null)),
      minimum_amount: z.string().meta(example('0.0001')),
      required_confirmations: z.number().int().meta(example(2)),
      memo: z.boolean().describe('Whether a deposit needs a memo beside the address'),
      enabled: z.boolean(),
      disabled_reason: z.string().nullable().meta(example(null)).describe('Why it cannot be used now: what to configure'),
    }),
  ),
});
