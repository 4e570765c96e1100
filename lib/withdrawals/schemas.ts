import { z } from 'zod';
import { EXAMPLE, example } from '@/lib/api/examples';
import { pageResponseFields, paginationQuery } from '@/lib/api/pagination';
import { currencyCodeSchema } from '@/lib/crypto-payments/schemas';
import { NETWORKS } from '@/lib/currencies/networks';
import { decimalTextSchema } from '@/lib/money';
import { WITHDRAWAL_STATUSES } from './withdrawal-statuses';

const decimal = (value: string) => z.string().meta(example(value));

export const requestWithdrawalInput = z
  .strictObject({
    currency: currencyCodeSchema.meta(example('usdt_trc20')),
    amount: decimalTextSchema.describe("In the currency's unit, at most its decimals; the fee comes out of it").meta(example('100')),
    destination_address: z.string().trim().min(1).max(200).meta(example('TSeJkUh4Qv67VNFwY8LaAxERygNdy6NQZK')),
    memo: z.string().trim().max(100).optional().describe('Only for networks that use one (none today)'),
  })
  .meta(example({ currency: 'usdt_trc20', amount: '100', destination_address: 'TSeJkUh4Qv67VNFwY8LaAxERygNdy6NQZK' }));
export type RequestWithdrawalInput = z.output<typeof requestWithdrawalInput>;

export const withdrawalIdParams = z.object({ id: z.uuid().meta(example(EXAMPLE.withdrawalId)) });

export const listWithdrawalsQuery = z.object({
  status: z.enum(WITHDRAWAL_STATUSES).optional().meta(example('pending')),
  currency: currencyCodeSchema.optional().meta(example('ltc')),
  ...paginationQuery,
});

export const withdrawalResponse = z.object({
  id: z.uuid().meta(example(EXAMPLE.withdrawalId)),
  currency: currencyCodeSchema.meta(example('usdt_trc20')),
  network: z.enum(NETWORKS).meta(example('tron')),
  amount: decimal('100.000000'),
  fee: decimal('2.000000'),
  net_amount: decimal('98.000000'),
  destination_address: z.string().meta(example('TSeJkUh4Qv67VNFwY8LaAxERygNdy6NQZK')),
  memo: z.string().nullable().meta(example(null)),
  status: z.enum(WITHDRAWAL_STATUSES).meta(example('pending')),
  approvals_required: z.number().int().describe('0: approved at once; 1: the merchant confirms; 2: and an operator').meta(example(1)),
  tx_hash: z.string().nullable().meta(example(null)),
  confirmations: z.number().int().meta(example(0)),
  failure_reason: z.string().nullable().meta(example(null)),
  created_at: z.iso.datetime().meta(example(EXAMPLE.createdAt)),
  completed_at: z.iso.datetime().nullable().meta(example(null)),
});
export type WithdrawalResponse = z.infer<typeof withdrawalResponse>;

export const withdrawalListResponse = z.object({ withdrawals: z.array(withdrawalResponse), ...pageResponseFields });
